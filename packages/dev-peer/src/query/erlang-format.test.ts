import { ErlFloat } from './ejson';
import { erlangFloat, erlangTerm } from './erlang-format';

// io_lib's ~w, as CouchDB's mango_error messages show terms.
describe('erlangTerm', () => {
  it.each([
    [null, 'null'],
    [true, 'true'],
    [42, '42'],
    [-7, '-7'],
    [new ErlFloat(2), '2.0'],
    [new ErlFloat(0.1), '0.1'],
    ['x', '<<"x">>'],
    ['', '<<>>'],
    ['a"b\\c', '<<"a\\"b\\\\c">>'],
    ['tab\there', '<<"tab\\there">>'],
    ['\u0001', '<<1>>'],
    ['é', '<<"Ã©">>'],
    [[1, 'a', [null]], '[1,<<"a">>,[null]]'],
    [
      new Map<string, unknown>([
        ['a', 1],
        ['b', new Map()],
      ]),
      '{[{<<"a">>,1},{<<"b">>,{[]}}]}',
    ],
  ])('%p is %s', (value, text) => {
    expect(erlangTerm(value as never)).toBe(text);
  });

  it('writes floats with a fraction and exponents without +', () => {
    expect([1e21, 1.5e-7, 12.25, -3].map(erlangFloat)).toEqual(['1.0e21', '1.5e-7', '12.25', '-3.0']);
  });
});
