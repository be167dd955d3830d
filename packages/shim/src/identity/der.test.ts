import { DerError, decodeObjectIdentifier, readChildren, readElement } from './der';
import { LruCache } from './identity-cache';
import { oid, tlv } from './test-utils/certificates';

describe('DER reader', () => {
  it('reads short and long form lengths and nested children', () => {
    const long = tlv(0x04, Buffer.alloc(300, 1));
    const outer = tlv(0x30, Buffer.concat([tlv(0x02, Buffer.from([7])), long]));
    const element = readElement(outer, 0);
    expect(element).toEqual({ tag: 0x30, start: 0, contentStart: 4, end: outer.length });
    const [integer, octets] = readChildren(outer, element);
    expect(integer).toEqual({ tag: 0x02, start: 4, contentStart: 6, end: 7 });
    expect(octets!.end - octets!.contentStart).toBe(300);
  });

  it.each([
    ['a truncated header', Buffer.from([0x30])],
    ['indefinite length', Buffer.from([0x30, 0x80, 0x00, 0x00])],
    ['an over-long length field', Buffer.from([0x30, 0x85, 1, 1, 1, 1, 1])],
    ['content running past the end', Buffer.from([0x30, 0x05, 0x01])],
    ['a high tag number', Buffer.from([0x1f, 0x81, 0x00])],
  ])('refuses %s', (_name, bytes) => {
    expect(() => readElement(bytes, 0)).toThrow(DerError);
  });

  it('refuses a child that overruns its parent', () => {
    const bytes = Buffer.from([0x30, 0x03, 0x04, 0x05, 0x00, 0x00, 0x00, 0x00]);
    expect(() => readChildren(bytes, readElement(bytes, 0))).toThrow(/overruns/);
  });

  it.each(['2.5.4.3', '1.2.840.113549.1.9.1', '0.9.2342.19200300.100.1.25', '1.2.3.4.5.6.7.8.1', '2.999.1'])(
    'decodes the object identifier %s',
    (dotted) => {
      const encoded = oid(dotted);
      expect(decodeObjectIdentifier(encoded.subarray(2))).toBe(dotted);
    },
  );

  it('refuses empty and truncated object identifiers', () => {
    expect(() => decodeObjectIdentifier(new Uint8Array(0))).toThrow(DerError);
    expect(() => decodeObjectIdentifier(Buffer.from([0x55, 0x86]))).toThrow(/truncated/);
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entry past its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
