import { compareKeys } from './key-order';
import { SortedKeyMap } from './sorted-key-map';

describe('compareKeys (Fabric byte order)', () => {
  it('orders as UTF-8 bytes: astral characters after U+FFFF, unlike JavaScript string order', () => {
    const [astral, bmpHigh] = ['\u{10000}', '\uffff'] as string[];
    expect(astral !== undefined && bmpHigh !== undefined && astral < bmpHigh).toBe(true); // JS compares UTF-16 code units
    expect(compareKeys(astral ?? '', bmpHigh ?? '')).toBeGreaterThan(0);
    const keys = ['b', 'a\u{10ffff}', 'a', '\u0000x', 'a\uffff', 'ab', '\ue000', '\u{1f600}'];
    const bytes = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...keys].sort(compareKeys)).toEqual(bytes);
  });

  it('puts a prefix first', () => {
    expect(compareKeys('a', 'ab')).toBeLessThan(0);
    expect(compareKeys('ab', 'a')).toBeGreaterThan(0);
    expect(compareKeys('x', 'x')).toBe(0);
  });
});

describe('SortedKeyMap', () => {
  it('keeps keys sorted through set, setMany (merged) and delete', () => {
    const m = new SortedKeyMap<number>();
    m.set('m', 1);
    m.set('c', 2);
    m.set('x', 3);
    m.setMany(Array.from({ length: 40 }, (_, i) => [`k${String(i).padStart(2, '0')}`, i] as const));
    m.setMany([['c', 9]]);
    expect(m.delete('x')).toBe(true);
    expect(m.delete('x')).toBe(false);
    const keys = m.sortedKeys();
    expect(keys).toEqual([...keys].sort(compareKeys));
    expect(keys).toHaveLength(42);
    expect(m.get('c')).toBe(9);
  });

  it('finds the first key of a range by binary search, end exclusive, empty end open', () => {
    const m = new SortedKeyMap<string>();
    for (const k of ['a', 'b', 'c', 'd']) m.set(k, k);
    expect(m.firstKeyFrom('b', 'd', false)).toBe('b');
    expect(m.firstKeyFrom('b', 'd', true)).toBe('c');
    expect(m.firstKeyFrom('c', 'd', true)).toBeUndefined();
    expect(m.firstKeyFrom('bb', '', false)).toBe('c');
    expect(m.firstKeyFrom('e', '', false)).toBeUndefined();
  });

  it('pages through a large state without scanning it (bounded time)', () => {
    const m = new SortedKeyMap<number>();
    const n = 100_000;
    m.setMany(Array.from({ length: n }, (_, i) => [`key${String(i).padStart(6, '0')}`, i] as const));
    const started = process.hrtime.bigint();
    let key = 'key050000';
    let count = 0;
    for (let i = 0; i < 10_000; i++) {
      const next = m.firstKeyFrom(key, '', true);
      if (next === undefined) break;
      key = next;
      count++;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(count).toBe(10_000);
    expect(key).toBe('key060000');
    expect(ms).toBeLessThan(500);
  });
});
