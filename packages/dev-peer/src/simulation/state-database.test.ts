import { validateKeyValue } from './state-database';

const v = (text: string): Buffer => Buffer.from(text);

// Source: hyperledger/fabric core/ledger/kvledger/txmgmt/statedb/statecouchdb (validateKey,
// validateValue → checkReservedFieldsNotPresent, reserved "~version" and "_"-prefixed fields) and
// stateleveldb (no such rules), called by the simulator's checkWritePrecondition on every write.
describe('validateKeyValue', () => {
  it.each([
    ['', undefined, 'invalid key. Empty string is not supported as a key by couchdb'],
    ['_design', v('x'), 'invalid key [_design], cannot begin with "_"'],
    ['k', v('{"_id":"x","a":1}'), 'field [_id] is not valid for the CouchDB state database'],
    ['k', v('{"~version":"1"}'), 'field [~version] is not valid for the CouchDB state database'],
    ['k', v(' \t{"_rev":"1"}'), 'field [_rev] is not valid for the CouchDB state database'],
  ])('CouchDB refuses key %j value %s', (key, value, message) => {
    expect(() => {
      validateKeyValue('CouchDB', key, value);
    }).toThrow(expect.objectContaining({ code: 'CC_DEVPEER_REQUEST_REFUSED', message }));
  });

  it.each([
    ['k', v('{"a":{"_nested":1}}')],
    ['k', v('[{"_id":1}]')],
    ['k', v('{not json')],
    ['k~_x', v('binary')],
    // not an object for Go's json.Unmarshal (a number beyond float64): stored as an attachment
    ['k', v('{"_id":"x","n":1e400}')],
  ])('CouchDB accepts key %j value %s', (key, value) => {
    expect(() => {
      validateKeyValue('CouchDB', key, value);
    }).not.toThrow();
  });

  it('LevelDB accepts what CouchDB refuses', () => {
    for (const [key, value] of [
      ['', undefined],
      ['_design', v('x')],
      ['k', v('{"_id":"x"}')],
    ] as const) {
      expect(() => {
        validateKeyValue('goleveldb', key, value);
      }).not.toThrow();
    }
  });
});
