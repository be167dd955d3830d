import { InvalidArgumentError } from '../errors/shim-error';
import { checkSimpleKey, createCompositeKey, splitCompositeKey } from './composite-key';

describe('composite keys', () => {
  it("uses Fabric's format: U+0000, type, U+0000, each attribute followed by U+0000", () => {
    expect(createCompositeKey('asset', ['a', 'b'])).toBe('\u0000asset\u0000a\u0000b\u0000');
    expect(createCompositeKey('asset', [])).toBe('\u0000asset\u0000');
  });

  it('round-trips through splitCompositeKey, unicode included', () => {
    const attributes = ['owner', 'ключ', '🔑', 'with space'];
    const key = createCompositeKey('type', attributes);
    expect(splitCompositeKey(key)).toEqual({ objectType: 'type', attributes });
    expect(splitCompositeKey(createCompositeKey('type', []))).toEqual({ objectType: 'type', attributes: [] });
  });

  it('splits a simple key into no object type', () => {
    expect(splitCompositeKey('plain')).toEqual({ objectType: null, attributes: [] });
    expect(splitCompositeKey('')).toEqual({ objectType: null, attributes: [] });
    expect(splitCompositeKey('\u0000')).toEqual({ objectType: null, attributes: [] });
  });

  it.each([
    ['', []],
    ['a\u0000b', []],
    ['a\u{10FFFF}', []],
    ['type', ['']],
    ['type', ['ok', 'bad\u0000']],
    ['type', ['bad\u{10FFFF}']],
  ])('refuses object type %j with attributes %j', (objectType, attributes) => {
    expect(() => createCompositeKey(objectType, attributes)).toThrow(InvalidArgumentError);
  });

  it('refuses attributes that are not an array of strings', () => {
    expect(() => createCompositeKey('t', 'abc' as unknown as string[])).toThrow('must be an array');
    expect(() => createCompositeKey('t', [1 as unknown as string])).toThrow('non-empty string');
  });

  it('keeps plain range keys out of the composite namespace', () => {
    expect(() => {
      checkSimpleKey('\u0000abc', 'startKey');
    }).toThrow(/startKey .* starts with U\+0000/);
    expect(() => {
      checkSimpleKey('abc', 'startKey');
    }).not.toThrow();
    expect(() => {
      checkSimpleKey('', 'endKey');
    }).not.toThrow();
  });
});
