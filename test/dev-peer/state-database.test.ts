import { createHash } from 'node:crypto';
import { DevNetwork, type StateDatabase } from '@chaincode/dev-peer';
import { kvChaincode, utf8 } from './support/kv-chaincode';
import { quietLogs } from './support/quiet-logs';

quietLogs();

const asset = '{ "Size": 5, "ID": "a1", "Owner": "<Tom & Co>", "Value": 1.50 }';

// Source: hyperledger/fabric statecouchdb (validateKey, checkReservedFieldsNotPresent; a JSON
// object is stored as a document and read back as Go's json.Marshal re-encodes it) and
// stateleveldb (values as written, no key rules), per core.yaml ledger.state.stateDatabase.
describe.each<[StateDatabase, string]>([
  ['CouchDB', '{"ID":"a1","Owner":"\\u003cTom \\u0026 Co\\u003e","Size":5,"Value":1.5}'],
  ['goleveldb', asset],
])('stateDatabase %s', (stateDatabase, readBack) => {
  let network: DevNetwork;

  beforeAll(async () => {
    network = await DevNetwork.start({ stateDatabase });
    await network.deployChaincode('kv', kvChaincode, { collections: [{ name: 'c', policy: "OR('Org1MSP.member')" }] });
  });

  afterAll(async () => {
    await network.stop();
  });

  it('hands back a JSON object as the state database stores it; history and hashes keep the bytes as written', async () => {
    await network.submit('kv', ['put', 'a1', asset]);
    expect(utf8((await network.evaluate('kv', ['get', 'a1'])).payload)).toBe(readBack);
    expect(utf8(network.getHistory('kv', 'a1')[0]?.value ?? new Uint8Array())).toBe(asset);
    await network.submit('kv', ['putPrivate', 'c', 'p1'], { transient: { value: Buffer.from(asset) } });
    expect(utf8((await network.evaluate('kv', ['getPrivate', 'c', 'p1'])).payload)).toBe(readBack);
    expect(utf8((await network.evaluate('kv', ['hashPrivate', 'c', 'p1'])).payload)).toBe(
      createHash('sha256').update(asset).digest('hex'),
    );
  });

  it("applies the state database's key and value rules to writes", async () => {
    const underscore = await network.submit('kv', ['put', '_design', 'x']);
    const reserved = await network.submit('kv', ['put', 'k', '{"_id":"x"}']);
    if (stateDatabase === 'CouchDB') {
      expect(underscore.message).toContain('invalid key [_design], cannot begin with "_"');
      expect(reserved.message).toContain('field [_id] is not valid for the CouchDB state database');
    } else {
      expect([underscore.validationCode, reserved.validationCode]).toEqual(['VALID', 'VALID']);
    }
  });
});
