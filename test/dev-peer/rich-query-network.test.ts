/**
 * Rich queries across a network: every org's peer gets the chaincode's indexes at deploy, a private
 * query follows the collection's membership (which peers hold its documents, which clients may
 * read it), and a peer whose state database is goleveldb refuses rich queries as Fabric's does.
 */
import { DevNetwork, DevPeer, type TransactionResult } from '@chaincode/dev-peer';
import { createContractChaincode } from '@chaincode/shim';
import {
  LEDGER_QUERIES_PROJECT as PROJECT,
  LedgerQueries,
  NOTES,
  SEED,
} from './fixtures/ledger-queries/ledger-queries-contract';
import { quietLogs } from './support/quiet-logs';

quietLogs();

const ORGS = ['Org1MSP', 'Org2MSP'];
const text = (r: TransactionResult): string => Buffer.from(r.payload).toString('utf8');
const keysOf = (r: TransactionResult): string[] => {
  expect(r).toMatchObject({ status: 200 });
  return (JSON.parse(text(r)) as { key: string }[]).map((x) => x.key);
};
const sortedBy = (field: string): string =>
  JSON.stringify({ selector: { docType: 'asset' }, fields: ['ID'], sort: [{ [field]: 'asc' }] });

describe('rich queries on a network of two orgs', () => {
  let network: DevNetwork;
  const as = (client: string, peer: string) => ({
    identity: network.org(client).user,
    endorsingOrgs: [peer],
  });

  beforeAll(async () => {
    network = await DevNetwork.start({ orgs: ORGS });
    await network.deployChaincode('ledger', createContractChaincode([LedgerQueries]), {
      modulePath: PROJECT,
      endorsementPolicy: "OR('Org1MSP.peer', 'Org2MSP.peer')",
      collections: [{ name: NOTES, policy: "OR('Org1MSP.member')", memberOnlyRead: true }],
    });
    for (const [id, color, size, owner, value] of SEED) {
      const r = await network.submit('ledger', ['CreateAsset', id, color, String(size), owner, String(value)]);
      expect(r.validationCode).toBe('VALID');
    }
    const note = await network.submit('ledger', ['AddNote', 'asset1', '4', 'note'], as('Org1MSP', 'Org1MSP'));
    expect(note.validationCode).toBe('VALID');
  });

  afterAll(async () => {
    await network.stop();
  });

  it("installs the indexes from the project's META-INF on every org's peer", async () => {
    const query = JSON.stringify({
      selector: { docType: 'asset', owner: 'tom', size: { $gt: 0 } },
      fields: ['ID'],
      sort: [{ size: 'desc' }],
      use_index: ['_design/indexSizeSortDoc', 'indexSizeSortDesc'],
    });
    for (const org of ORGS) {
      const r = await network.evaluate('ledger', ['QueryAssets', query], as(org, org));
      expect({ org, keys: keysOf(r) }).toEqual({ org, keys: ['asset3', 'asset2', 'asset1', 'asset6'] });
    }
  });

  // Source: core/chaincode/handler.go HandleGetQueryResult (errorIfCreatorHasNoReadPermission before
  // ExecuteQueryOnPrivateData); a peer outside the collection stores none of its private data.
  it("queries a collection on a member's peer; a non-member's peer finds nothing; a non-member client is refused", async () => {
    const query = JSON.stringify({ selector: { rating: { $gte: 1 } } });
    expect(keysOf(await network.evaluate('ledger', ['QueryNotes', query], as('Org1MSP', 'Org1MSP')))).toEqual([
      'asset1',
    ]);
    expect(keysOf(await network.evaluate('ledger', ['QueryNotes', query], as('Org1MSP', 'Org2MSP')))).toEqual([]);
    const refused = await network.evaluate('ledger', ['QueryNotes', query], as('Org2MSP', 'Org1MSP'));
    expect(refused).toMatchObject({
      status: 500,
      message:
        `GET_QUERY_RESULT failed: transaction ID: ${refused.txId}: tx creator does not have read access ` +
        `permission on privatedata in chaincodeName:ledger collectionName: ${NOTES}`,
    });
  });

  it('installIndexes puts indexes on the peers of the orgs named; a bad file installs nothing on any peer', async () => {
    const byValue = { index: { fields: ['appraisedValue'] }, ddoc: 'byValue', name: 'byValue', type: 'json' };
    network.installIndexes(
      'ledger',
      { indexes: [{ definition: byValue, fileName: 'byValue.json' }] },
      { orgs: ['Org2MSP'] },
    );
    const onOrg2 = await network.evaluate(
      'ledger',
      ['QueryAssets', sortedBy('appraisedValue')],
      as('Org2MSP', 'Org2MSP'),
    );
    expect(keysOf(onOrg2)).toEqual(['asset4', 'asset5', 'asset1', 'asset2', 'asset3', 'asset6']);
    const onOrg1 = await network.evaluate(
      'ledger',
      ['QueryAssets', sortedBy('appraisedValue')],
      as('Org1MSP', 'Org1MSP'),
    );
    expect(onOrg1.message).toContain('No index exists for this sort');

    const byColor = { index: { fields: ['color'] }, ddoc: 'byColor', name: 'byColor', type: 'json' };
    expect(() => {
      network.installIndexes('ledger', {
        indexes: [
          { definition: byColor, fileName: 'a.json' },
          { definition: '{"index":{"fields":"color"},"type":"json"}', fileName: 'b.json' },
        ],
      });
    }).toThrow(expect.objectContaining({ code: 'CC_DEVPEER_INVALID_INDEX' }));
    for (const org of ORGS) {
      const r = await network.evaluate('ledger', ['QueryAssets', sortedBy('color')], as(org, org));
      expect({ org, message: r.message }).toEqual({
        org,
        message: expect.stringContaining('No index exists for this sort'),
      });
    }

    expect(() => {
      network.installIndexes('ledger', { indexes: [{ definition: byColor }] }, { orgs: ['Org9MSP'] });
    }).toThrow(expect.objectContaining({ code: 'CC_DEVPEER_UNKNOWN_ORG' }));
  });
});

// Source: core/ledger/kvledger/txmgmt/statedb/stateleveldb (ExecuteQuery: "ExecuteQuery not
// supported for leveldb"; the paginated form keeps the name ExecuteQueryWithMetadata), reached after
// the simulator's read-only checks, as HandleGetQueryResult sends it.
describe('rich queries on a goleveldb peer', () => {
  let peer: DevPeer;

  beforeAll(async () => {
    peer = await DevPeer.start({ stateDatabase: 'goleveldb' });
    await peer.deployChaincode('ledger', createContractChaincode([LedgerQueries]), { modulePath: PROJECT });
    for (const [id, color, size, owner, value] of SEED.slice(0, 2)) {
      await peer.submit('ledger', ['CreateAsset', id, color, String(size), owner, String(value)]);
    }
  });

  afterAll(async () => {
    await peer.stop();
  });

  it.each([
    ['a rich query', ['QueryAssetsByOwner', 'tom'], 'ExecuteQuery not supported for leveldb'],
    [
      'a paginated rich query',
      ['QueryAssetsWithPagination', JSON.stringify({ selector: { docType: 'asset' } }), '2', ''],
      'ExecuteQueryWithMetadata not supported for leveldb',
    ],
    ['a private data rich query', ['QueryNotes', '{"selector":{}}'], 'ExecuteQuery not supported for leveldb'],
  ])('refuses %s', async (_what, args, reason) => {
    const r = await peer.evaluate('ledger', args);
    expect(r).toMatchObject({ status: 500, message: `GET_QUERY_RESULT failed: transaction ID: ${r.txId}: ${reason}` });
  });
});
