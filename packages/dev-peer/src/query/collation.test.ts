import { collate, compareRaw } from './collation';
import { ErlFloat } from './ejson';

const sorted = <T>(values: T[], compare: (a: T, b: T) => number): T[] => [...values].sort(compare);

describe('CouchDB collation', () => {
  it('orders strings as the Views Collation docs show (ICU, not ASCII)', () => {
    const strings = ['bb', 'B', 'aa', 'A', 'ba', 'a', 'b'];
    expect(sorted(strings, collate)).toEqual(['a', 'A', 'aa', 'b', 'B', 'ba', 'bb']);
    expect(sorted(['AbcZZZZZ', 'abc1', 'ABC', 'Abc', 'abc'], collate)).toEqual([
      'abc',
      'Abc',
      'ABC',
      'abc1',
      'AbcZZZZZ',
    ]);
    // symbols before digits before letters, even "~"
    expect(sorted(['a', '1', '~', '$', '_'], collate)).toEqual(['_', '~', '$', '1', 'a']);
  });

  it('compares numbers by value, integer or float', () => {
    expect(collate(1, new ErlFloat(1))).toBe(0);
    expect(collate(new ErlFloat(2.5), 3)).toBe(-1);
  });

  it('compares _id in Erlang term order: bytes for strings, every string above null', () => {
    expect(compareRaw('B', 'a')).toBe(-1);
    expect(compareRaw('a', null)).toBe(1);
    expect(compareRaw(5, null)).toBe(-1);
    expect(compareRaw(false, null)).toBe(-1);
    expect(compareRaw([], new Map())).toBe(1);
    expect(compareRaw('\u{10000}', '\uffff')).toBe(1);
  });
});
