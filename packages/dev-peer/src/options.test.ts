import { DevPeerErrorCode } from './errors';
import { resolveOptions } from './options';

describe('resolveOptions', () => {
  it('defaults to Fabric values', () => {
    expect(resolveOptions()).toEqual({
      host: '127.0.0.1',
      port: 0,
      tls: false,
      capabilities: {
        useWriteBatch: true,
        maxSizeWriteBatch: 1000,
        useGetMultipleKeys: true,
        maxSizeGetMultipleKeys: 1000,
      },
      channelId: 'mychannel',
      mspId: 'Org1MSP',
      pageSize: 100,
      totalQueryLimit: 100000,
      internalQueryLimit: 1000,
      executeTimeoutMs: 30000,
      keepaliveMs: 0,
    });
    expect(resolveOptions({ capabilities: false }).capabilities).toBe(false);
  });

  it.each([{ pageSize: 0 }, { totalQueryLimit: -1 }, { executeTimeoutMs: 1.5 }, { channelId: '' }, { port: -1 }])(
    'rejects %p with a coded error',
    (options) => {
      expect(() => resolveOptions(options)).toThrow(expect.objectContaining({ code: DevPeerErrorCode.InvalidOptions }));
    },
  );
});
