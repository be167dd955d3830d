import { protos } from '../wire/protos';
import { MIN_BATCH_SIZE, parseCapabilities } from './capabilities';

const encode = (params: protos.ChaincodeAdditionalParams.$Properties): Uint8Array =>
  protos.ChaincodeAdditionalParams.encode(params).finish();

describe('parseCapabilities', () => {
  it('reads an empty READY payload as nothing advertised (Fabric 2.x)', () => {
    expect(parseCapabilities(new Uint8Array(0))).toEqual({
      useWriteBatch: false,
      maxSizeWriteBatch: 0,
      useGetMultipleKeys: false,
      maxSizeGetMultipleKeys: 0,
    });
  });

  it("reads Fabric 3.1's defaults", () => {
    const caps = parseCapabilities(
      encode({ useWriteBatch: true, maxSizeWriteBatch: 1000, useGetMultipleKeys: true, maxSizeGetMultipleKeys: 1000 }),
    );
    expect(caps).toEqual({
      useWriteBatch: true,
      maxSizeWriteBatch: 1000,
      useGetMultipleKeys: true,
      maxSizeGetMultipleKeys: 1000,
    });
  });

  it('raises sizes below 100 to 100, as the Go shim does', () => {
    const caps = parseCapabilities(encode({ useWriteBatch: true, maxSizeWriteBatch: 1, useGetMultipleKeys: true }));
    expect(caps.maxSizeWriteBatch).toBe(MIN_BATCH_SIZE);
    expect(caps.maxSizeGetMultipleKeys).toBe(MIN_BATCH_SIZE);
    expect(MIN_BATCH_SIZE).toBe(100);
  });

  it('throws on an undecodable payload (the handler then uses no capabilities)', () => {
    expect(() => parseCapabilities(Uint8Array.from([0xff, 0xff, 0xff]))).toThrow();
  });
});
