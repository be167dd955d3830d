import { InvalidArgumentError } from '../errors/shim-error';
import { checkSimpleKey } from './arguments';
import { createCompositeKey, splitCompositeKey } from './composite-key';

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

  it('drops the part after the last U+0000, as fabric-shim and Go do', () => {
    expect(splitCompositeKey('\u0000type\u0000a\u0000b')).toEqual({ objectType: 'type', attributes: ['a'] });
    expect(splitCompositeKey('\u0000type\u0000a')).toEqual({ objectType: 'type', attributes: [] });
    expect(splitCompositeKey('\u0000type')).toEqual({ objectType: 'type', attributes: [] });
    expect(splitCompositeKey('\u0000\u0000')).toEqual({ objectType: '', attributes: [] });
  });

  it('splits a simple key, or a value that is not a string, into no object type', () => {
    for (const key of ['plain', '', '\u0000', 5, undefined]) {
      expect(splitCompositeKey(key)).toEqual({ objectType: null, attributes: [] });
    }
  });

  it.each([
    ['', [], 'object type or attribute not a non-zero length string'],
    ['type', [''], 'object type or attribute not a non-zero length string'],
    ['type', [5], 'object type or attribute not a non-zero length string'],
    ['a\u0000b', [], 'contains U+0000 or U+10FFFF'],
    ['a\u{10FFFF}', [], 'contains U+0000 or U+10FFFF'],
    ['type', ['ok', 'bad\u0000'], 'contains U+0000 or U+10FFFF'],
  ])('refuses object type %j with attributes %j', (objectType, attributes, text) => {
    expect(() => createCompositeKey(objectType, attributes)).toThrow(InvalidArgumentError);
    expect(() => createCompositeKey(objectType, attributes)).toThrow(text);
  });

  it('refuses attributes that are not an array, with fabric-shim’s text', () => {
    expect(() => createCompositeKey('t', 'abc')).toThrow('attributes must be an array');
  });

  it('keeps plain range keys out of the composite namespace, with fabric-shim’s text', () => {
    expect(() => {
      checkSimpleKey('\u0000abc');
    }).toThrow('first character of the key [\u0000abc] contains a null character which is not allowed');
    expect(() => {
      checkSimpleKey('abc');
    }).not.toThrow();
    expect(() => {
      checkSimpleKey('');
    }).not.toThrow();
  });
});
