import { inSelection, selectKeys, showKey } from './state-keys';

const composite = (type: string, ...attributes: string[]): string =>
  `\u0000${[type, ...attributes].join('\u0000')}\u0000`;

describe('showKey', () => {
  it('shows simple keys as they are and composite keys as Type(attr, attr)', () => {
    expect(showKey('asset1')).toBe('asset1');
    expect(showKey(composite('owner~id', 'ann', 'a1'))).toBe('owner~id(ann, a1)');
    expect(showKey(composite('t'))).toBe('t()');
  });

  it('quotes attributes that would be ambiguous', () => {
    expect(showKey(composite('t', 'a, b', '', 'x)', '*'))).toBe('t("a, b", "", "x)", "*")');
  });
});

describe('selectKeys', () => {
  it.each([
    [undefined, { kind: 'all' }],
    ['*', { kind: 'all' }],
    ['a1', { kind: 'key', key: 'a1' }],
    ['asset*', { kind: 'prefix', prefix: 'asset' }],
    ['a..c', { kind: 'range', start: 'a', end: 'c' }],
    ['a..', { kind: 'range', start: 'a', end: '' }],
    ['owner~id(ann, a1)', { kind: 'key', key: composite('owner~id', 'ann', 'a1') }],
    ['owner~id(ann, *)', { kind: 'prefix', prefix: '\u0000owner~id\u0000ann\u0000' }],
    ['owner~id(*)', { kind: 'prefix', prefix: '\u0000owner~id\u0000' }],
    ['t("a, b", "*")', { kind: 'key', key: composite('t', 'a, b', '*') }],
  ])('%s', (text, selection) => {
    expect(selectKeys(text)).toEqual(selection);
  });

  it('reads back what showKey shows', () => {
    const key = composite('t', 'a, b', '', 'x)');
    expect(selectKeys(showKey(key))).toEqual({ kind: 'key', key });
  });

  it('refuses a * that does not end the key, and unclosed quotes', () => {
    expect(() => selectKeys('t(*, a)')).toThrow('* may only end a composite key');
    expect(() => selectKeys('t("a)')).toThrow('unclosed "');
  });
});

describe('inSelection', () => {
  it('keeps composite keys out of simple prefixes and ranges, as GetStateByRange does', () => {
    const key = composite('a', 'b');
    expect(inSelection({ kind: 'prefix', prefix: '' }, key)).toBe(false);
    expect(inSelection({ kind: 'range', start: '', end: '' }, key)).toBe(false);
    expect(inSelection({ kind: 'all' }, key)).toBe(true);
    expect(inSelection({ kind: 'range', start: 'a', end: 'c' }, 'b')).toBe(true);
    expect(inSelection({ kind: 'range', start: 'a', end: 'c' }, 'c')).toBe(false);
  });
});
