import { compositeKeyRange, displayKey, splitCompositeKey } from './composite-key';

// Source: fabric-chaincode-go shim CreateCompositeKey ("\x00" + objectType + "\x00" + each
// attribute + "\x00") and GetStateByPartialCompositeKey (the range ends at the key + U+10FFFF).
describe('composite keys', () => {
  it.each([
    ['\u0000asset\u0000color\u0000blue\u0000a1\u0000', 'asset~color~blue~a1'],
    ['\u0000color~name\u0000blue\u0000a1\u0000', 'color~name~blue~a1'],
    ['\u0000type\u0000', 'type'],
    ['asset1', 'asset1'],
    ['\u0000', '\u0000'],
  ])('%j reads as %s', (key, shown) => {
    expect(displayKey(key)).toBe(shown);
  });

  it('splits and ranges like the shim', () => {
    expect(splitCompositeKey('\u0000asset\u0000blue\u0000')).toEqual({ objectType: 'asset', attributes: ['blue'] });
    expect(splitCompositeKey('plain')).toBeUndefined();
    expect(compositeKeyRange('asset', ['blue'])).toEqual({
      start: '\u0000asset\u0000blue\u0000',
      end: '\u0000asset\u0000blue\u0000\u{10ffff}',
    });
  });
});
