import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('behaves as JSON.stringify otherwise', () => {
    expect(canonicalJson({ u: undefined, f: () => 1, d: new Date(0) })).toBe('{"d":"1970-01-01T00:00:00.000Z"}');
    expect(canonicalJson(undefined)).toBeUndefined();
    expect(canonicalJson('x')).toBe('"x"');
  });

  it('keeps a __proto__ key as data', () => {
    const value = JSON.parse('{"__proto__":{"polluted":1},"a":1}') as unknown;
    expect(canonicalJson(value)).toBe('{"__proto__":{"polluted":1},"a":1}');
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });
});
