import { ErlFloat } from './ejson';
import { decodeFirstValue, decodeStateObject, decodeWhole } from './go-json-decode';

// Texts of Go's encoding/json (scanner.go), which a peer sends to the chaincode unchanged.
describe('Go JSON decoding', () => {
  it.each([
    ['', 'EOF'],
    ['  \n', 'EOF'],
    ['{', 'unexpected EOF'],
    ['{"a":[1,', 'unexpected EOF'],
    ['{"a":"x', 'unexpected EOF'],
    ['{"a":tru', 'unexpected EOF'],
    ['x', "invalid character 'x' looking for beginning of value"],
    ['{"a":nul}', "invalid character '}' in literal null (expecting 'l')"],
    ['{"a":fals}', "invalid character '}' in literal false (expecting 'e')"],
    ['{1:2}', "invalid character '1' looking for beginning of object key string"],
    ['{"a":1]', "invalid character ']' after object key:value pair"],
    ['[1}', "invalid character '}' after array element"],
    ['{"a":-x}', "invalid character 'x' in numeric literal"],
    ['{"a":1.}', "invalid character '}' after decimal point in numeric literal"],
    ['{"a":1e+}', "invalid character '}' in exponent of numeric literal"],
    ['{"a":"\\x"}', "invalid character 'x' in string escape code"],
    ['{"a":"\\u12g4"}', "invalid character 'g' in \\u hexadecimal character escape"],
    ['{"a":"\t"}', "invalid character '\\t' in string literal"],
    ['{"a":\u00e9}', "invalid character 'Ã' looking for beginning of value"],
    ['{"a":\\}', "invalid character '\\\\' looking for beginning of value"],
    ['{"a":"\u0001"}', "invalid character '\\x01' in string literal"],
  ])('%j: %s', (input, error) => {
    expect(decodeFirstValue(input, 'literal')).toEqual({ ok: false, error });
  });

  it('reads only the first value (Decoder.Decode), while Unmarshal needs the whole input', () => {
    expect(decodeFirstValue('{"a":1} {', 'literal')).toMatchObject({ ok: true, end: 7 });
    expect(decodeWhole('{"a":1} x', 'literal')).toEqual({
      ok: false,
      error: "invalid character 'x' after top-level value",
    });
  });

  it('keeps integers and floats apart as written, and sorts members as Go writes maps', () => {
    const r = decodeWhole('{"b":[1,1.0,2e1,-0],"a":{"z":1,"y":2},"a":3}', 'literal');
    expect(r.ok && r.value).toEqual(
      new Map<string, unknown>([
        ['a', 3],
        ['b', [1, new ErlFloat(1), new ErlFloat(20), 0]],
      ]),
    );
    const nested = decodeWhole('{"o":{"z":1,"y":2,"10":0,"2":0}}', 'literal');
    expect(nested.ok && [...((nested.value as Map<string, unknown>).get('o') as Map<string, unknown>).keys()]).toEqual([
      '10',
      '2',
      'y',
      'z',
    ]);
  });

  it('decodes escapes as Go does: a lone surrogate becomes U+FFFD', () => {
    expect(decodeWhole('"\\ud83d\\ude00|\\ud800|\\u00e9|\\/"', 'literal')).toMatchObject({ value: '😀|\ufffd|é|/' });
  });

  it("stops at Go's nesting limit of 10000", () => {
    expect(decodeWhole('['.repeat(10000) + ']'.repeat(10000), 'literal').ok).toBe(true);
    expect(decodeWhole('['.repeat(10001) + ']'.repeat(10001), 'literal')).toEqual({
      ok: false,
      error: "invalid character '[' exceeded max depth",
    });
  });

  it('stores as a document only what json.Unmarshal turns into a non-nil map', () => {
    const doc = (text: string) => decodeStateObject(Buffer.from(text));
    expect(doc('{"a":1}')).toEqual(new Map<string, unknown>([['a', 1]]));
    expect(doc(' {} ')).toEqual(new Map());
    expect(doc('null')).toBeUndefined();
    expect(doc('[1]')).toBeUndefined();
    expect(doc('"x"')).toBeUndefined();
    expect(doc('{"a":1} trailing')).toBeUndefined();
    expect(doc('{"a":1e400}')).toBeUndefined(); // out of float64 range: Unmarshal fails
    expect(doc('{"a":1.5,"b":2.0,"c":1e21}')).toEqual(
      new Map<string, unknown>([
        ['a', new ErlFloat(1.5)],
        ['b', 2],
        ['c', new ErlFloat(1e21)],
      ]),
    );
  });
});
