import type { EObject } from './ejson';
import { decodeWhole } from './go-json-decode';
import type { IndexDefinition } from './index-definition';
import { chooseIndex, hasRequiredFields, indexableFields } from './index-selection';
import { normalizeSelector } from './selector-normalize';
import { NO_SORT, parseSort } from './sort-spec';

const sel = (text: string) => normalizeSelector((decodeWhole(text, 'literal') as { value: EObject }).value);
const index = (name: string, columns: string[], partial = false): IndexDefinition => ({
  ddoc: `_design/${name}`,
  name,
  columns,
  partialFilter: partial ? sel('{"x":1}') : undefined,
  source: `${name}.json`,
});

// CouchDB's mango_selector:has_required_fields and mango_idx_view/mango_cursor_view planning.
describe('index selection', () => {
  it('sees required fields through $and, and through $or only when every branch has them', () => {
    expect(hasRequiredFields(sel('{"a":1,"b":2}'), ['a', 'b'])).toBe(true);
    expect(hasRequiredFields(sel('{"$or":[{"a":1},{"a":2}]}'), ['a'])).toBe(true);
    expect(hasRequiredFields(sel('{"$or":[{"a":1},{"b":2}]}'), ['a'])).toBe(false);
    expect(hasRequiredFields(sel('{"a":{"$exists":false}}'), ['a'])).toBe(false);
    expect(hasRequiredFields(sel('{}'), ['a'])).toBe(false);
  });

  it('finds indexable fields (range operators under $and only)', () => {
    expect(indexableFields(sel('{"b":{"$gt":1},"a":1,"c":{"$in":[1]},"$or":[{"d":1}]}'))).toEqual(['a', 'b']);
  });

  it('prefers the index covering more of the selector, then fewer fields, then the name', () => {
    const indexes = [index('wide', ['a', 'x', 'y']), index('ab', ['a', 'b']), index('a', ['a']), index('aa', ['a'])];
    expect(chooseIndex(indexes, sel('{"a":1,"b":2}'), NO_SORT, [], true).index).toMatchObject({
      index: { name: 'ab' },
    });
    expect(chooseIndex(indexes, sel('{"a":1}'), NO_SORT, [], true).index).toMatchObject({ index: { name: 'a' } });
  });

  it('uses _all_docs with a warning when no JSON index fits, and honours use_index', () => {
    const indexes = [index('a', ['a']), index('b', ['b'])];
    expect(chooseIndex(indexes, sel('{"c":1}'), NO_SORT, [], true)).toEqual({
      index: { kind: 'all_docs' },
      warning: 'no matching index found, create an index to optimize query time',
    });
    const both = sel('{"a":1,"b":1}');
    expect(chooseIndex(indexes, both, NO_SORT, ['b'], true).index).toMatchObject({ index: { name: 'b' } });
    expect(chooseIndex(indexes, both, NO_SORT, ['_design/b', 'b'], true).index).toMatchObject({ index: { name: 'b' } });
    expect(chooseIndex(indexes, both, NO_SORT, ['nope', 'x'], true).warning).toBe(
      '_design/nope, x was not used because it is not a valid index for this query.',
    );
  });

  it('uses a partial index only when named', () => {
    const partial = index('p', ['a'], true);
    expect(chooseIndex([partial], sel('{"a":1}'), NO_SORT, [], true).index).toEqual({ kind: 'all_docs' });
    expect(chooseIndex([partial], sel('{"a":1}'), NO_SORT, ['p'], true).index).toMatchObject({ index: { name: 'p' } });
  });

  it('needs an index whose fields start with the sort (after $eq-fixed fields)', () => {
    const indexes = [index('ts', ['t', 's'])];
    expect(chooseIndex(indexes, sel('{"t":"x"}'), parseSort(['s']), [], true).index).toMatchObject({
      index: { name: 'ts' },
    });
    expect(() => chooseIndex(indexes, sel('{"t":{"$gt":"x"}}'), parseSort(['s']), [], true)).toThrow(
      'No index exists for this sort',
    );
  });
});
