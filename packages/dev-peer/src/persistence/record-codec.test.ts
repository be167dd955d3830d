import { decodeRecord, encodeRecord } from './record-codec';

describe('record codec', () => {
  it('round-trips bytes nested anywhere as Buffers', () => {
    const value = { a: Buffer.from('x'), b: [new Uint8Array([1, 2]), { c: Buffer.alloc(0) }], n: 1, s: 's', z: null };
    expect(decodeRecord(encodeRecord(value))).toEqual({
      a: Buffer.from('x'),
      b: [Buffer.from([1, 2]), { c: Buffer.alloc(0) }],
      n: 1,
      s: 's',
      z: null,
    });
  });

  it('throws on text that is not JSON', () => {
    expect(() => decodeRecord('{ nope')).toThrow(SyntaxError);
  });
});
