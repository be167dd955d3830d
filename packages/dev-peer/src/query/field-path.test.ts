import { CouchError } from './couch-error';
import { getField, parseField, setField } from './field-path';

// mango_util:parse_field's own tests, and mango_doc:get_field.
describe('field paths', () => {
  it('splits on dots, keeps escaped dots and drops backslashes', () => {
    expect(parseField('ab')).toEqual(['ab']);
    expect(parseField('a.b.c')).toEqual(['a', 'b', 'c']);
    expect(parseField('a\\.b')).toEqual(['a.b']);
    expect(parseField('a.b\\.c')).toEqual(['a', 'b.c']);
    expect(parseField('a\\$b')).toEqual(['a$b']);
  });

  it("refuses an empty part with CouchDB's generic 500", () => {
    expect(() => parseField('a..b')).toThrow(CouchError);
    expect(() => parseField('.a')).toThrow('Unknown Error: mango_util :: {invalid_field_name,<<".a">>}');
  });

  it('walks objects and array indexes, telling a missing name from a bad path', () => {
    const doc = new Map<string, never>([
      ['l', [10, 20] as never],
      ['o', new Map([['k', 1]]) as never],
    ]);
    expect(getField(doc, ['l', '1'])).toEqual({ value: 20 });
    expect(getField(doc, ['l', '+0'])).toEqual({ value: 10 });
    expect(getField(doc, ['l', '2'])).toBe('bad_path');
    expect(getField(doc, ['l', 'x'])).toBe('bad_path');
    expect(getField(doc, ['o', 'z'])).toBe('not_found');
    expect(getField(doc, ['o', 'k', 'z'])).toBe('bad_path');
  });

  it('builds nested objects when projecting', () => {
    const out = new Map();
    setField(out, ['a', 'b'], 1);
    setField(out, ['a', 'c'], 2);
    expect(out).toEqual(
      new Map([
        [
          'a',
          new Map([
            ['b', 1],
            ['c', 2],
          ]),
        ],
      ]),
    );
  });
});
