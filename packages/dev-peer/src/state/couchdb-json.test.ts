import { couchDbStoredValue } from './couchdb-json';

const stored = (text: string): string => couchDbStoredValue(Buffer.from(text)).toString('utf8');

// Source: hyperledger/fabric statecouchdb (keyValToCouchDoc: json.Unmarshal into a map, numbers as
// float64, json.Marshal back: sorted keys; couchDocToKeyValue: the document re-encoded with
// json.Marshal) and Go's encoding/json (floatEncoder formats, HTML-safe string escaping).
describe('couchDbStoredValue (what a CouchDB peer returns for a JSON object)', () => {
  it.each([
    ['{"b":1,"a":2}', '{"a":2,"b":1}'],
    [
      '{ "Size": 5, "AppraisedValue": 300, "Color": "blue", "ID": "asset1" }',
      '{"AppraisedValue":300,"Color":"blue","ID":"asset1","Size":5}',
    ],
    ['{"n":{"z":1,"y":[3,{"b":1,"a":0}]}}', '{"n":{"y":[3,{"a":0,"b":1}],"z":1}}'],
    [
      '{"f":1.0,"g":1.50,"e":1e21,"s":1.5e-7,"big":9007199254740993}',
      '{"big":9007199254740992,"e":1e+21,"f":1,"g":1.5,"s":1.5e-7}',
    ],
    [
      '{"html":"<a href=\\"x\\">&</a>","ls":"\\u2028"}',
      '{"html":"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e","ls":"\\u2028"}',
    ],
    ['{"c":"\\u0001\\n\\t"}', '{"c":"\\u0001\\n\\t"}'],
    ['{"é":"ü","a":null,"t":true}', '{"a":null,"t":true,"é":"ü"}'],
    ['{}', '{}'],
    // Go reads leading whitespace; an unpaired surrogate escape becomes U+FFFD
    [' \n{"b":"\\ud800","a":1}', '{"a":1,"b":"\ufffd"}'],
    // float64's shortest digits below 1e21; -0 reaches CouchDB as an integer, which has no sign
    ['{"n":123456789012345678901,"z":-0}', '{"n":123456789012345680000,"z":0}'],
  ])('%s → %s', (input, output) => {
    expect(stored(input)).toBe(output);
  });

  // ...including what Go's json.Unmarshal refuses: a number beyond float64, a byte order mark
  it.each([
    ['[{"b":1,"a":2}]'],
    ['"text"'],
    ['42'],
    ['{not json'],
    ['plain bytes'],
    [''],
    ['{"b":1e400,"a":1}'],
    ['\ufeff{"b":1,"a":2}'],
  ])('keeps %j as written', (input) => {
    expect(stored(input)).toBe(input);
  });
});
