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
  ])('%s → %s', (input, output) => {
    expect(stored(input)).toBe(output);
  });

  it.each([['[{"b":1,"a":2}]'], ['"text"'], ['42'], ['{not json'], ['plain bytes'], ['']])(
    'keeps %j as written',
    (input) => {
      expect(stored(input)).toBe(input);
    },
  );
});
