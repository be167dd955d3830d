/**
 * The ledger-queries contract (fixtures/ledger-queries) running on the dev peer through
 * @chaincode/shim over gRPC, with its CouchDB indexes read from META-INF/statedb/couchdb in its
 * project directory. The answers are those of a Fabric peer whose state database is CouchDB.
 * rich-query-network.test.ts covers several orgs' peers and a goleveldb peer.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevPeer, type TransactionResult } from '@chaincode/dev-peer';
import { createContractChaincode } from '@chaincode/shim';
import {
  LEDGER_QUERIES_PROJECT as PROJECT,
  LedgerQueries,
  SEED,
  type Asset,
} from './fixtures/ledger-queries/ledger-queries-contract';
import { quietLogs } from './support/quiet-logs';

quietLogs();

const text = (r: TransactionResult): string => Buffer.from(r.payload).toString('utf8');
const keysOf = (r: TransactionResult): string[] => (JSON.parse(text(r)) as { key: string }[]).map((x) => x.key);

interface Page {
  records: { key: string; record: Asset }[];
  fetchedRecordsCount: number;
  bookmark: string;
}

describe('rich queries end to end: a ledger-queries contract over gRPC', () => {
  let peer: DevPeer;

  beforeEach(async () => {
    peer = await DevPeer.start();
    await peer.deployChaincode('ledger', createContractChaincode([LedgerQueries]), { modulePath: PROJECT });
    for (const [id, color, size, owner, value] of SEED) {
      const r = await peer.submit('ledger', ['CreateAsset', id, color, String(size), owner, String(value)]);
      expect(r.status).toBe(200);
    }
  });

  afterEach(async () => {
    await peer.stop();
  });

  it('answers an owner query with a selector, in index order, and records each result as a read', async () => {
    const r = await peer.evaluate('ledger', ['QueryAssetsByOwner', 'tom']);
    expect(r.status).toBe(200);
    expect(keysOf(r)).toEqual(['asset1', 'asset2', 'asset3', 'asset6']);
    expect(r.rwset.reads.map((read) => read.key)).toEqual(['asset1', 'asset2', 'asset3', 'asset6']);
    expect(r.rwset.reads.every((read) => read.version !== null)).toBe(true);
    // Fabric does not re-run rich queries at commit: nothing is recorded for phantom checks
    expect(r.rwset.rangeQueries).toEqual([]);
  });

  it('sorts with the index from META-INF (fields, use_index), and refuses a sort no index covers', async () => {
    const sorted = await peer.evaluate('ledger', [
      'QueryAssets',
      JSON.stringify({
        selector: { docType: 'asset', owner: 'tom', size: { $gt: 0 } },
        fields: ['ID', 'size'],
        sort: [{ size: 'desc' }],
        use_index: ['_design/indexSizeSortDoc', 'indexSizeSortDesc'],
      }),
    ]);
    expect(sorted.status).toBe(200);
    expect(JSON.parse(text(sorted))).toEqual([
      { key: 'asset3', record: { ID: 'asset3', size: 70 } },
      { key: 'asset2', record: { ID: 'asset2', size: 50 } },
      { key: 'asset1', record: { ID: 'asset1', size: 35 } },
      { key: 'asset6', record: { ID: 'asset6', size: 5 } },
    ]);

    const unsorted = await peer.evaluate('ledger', [
      'QueryAssets',
      JSON.stringify({ selector: { docType: 'asset' }, sort: [{ appraisedValue: 'asc' }] }),
    ]);
    expect(unsorted).toMatchObject({
      status: 500,
      message:
        `GET_QUERY_RESULT failed: transaction ID: ${unsorted.txId}: error handling CouchDB request. ` +
        'Error:no_usable_index,  Status Code:400,  Reason:No index exists for this sort, try indexing by the sort fields.',
    });
  });

  it('pages with bookmarks: fetchedRecordsCount, the bookmark of the last page, "nil" without results', async () => {
    const query = JSON.stringify({ selector: { docType: 'asset' } });
    const seen: string[] = [];
    let bookmark = '';
    for (let i = 0; i < 3; i++) {
      const r = await peer.evaluate('ledger', ['QueryAssetsWithPagination', query, '2', bookmark]);
      expect(r.status).toBe(200);
      const page = JSON.parse(text(r)) as Page;
      expect(page.fetchedRecordsCount).toBe(2);
      expect(page.bookmark).not.toBe('');
      seen.push(...page.records.map((x) => x.key));
      bookmark = page.bookmark;
    }
    expect(seen).toEqual(['asset1', 'asset2', 'asset3', 'asset4', 'asset5', 'asset6']);

    const after = JSON.parse(
      text(await peer.evaluate('ledger', ['QueryAssetsWithPagination', query, '2', bookmark])),
    ) as Page;
    expect(after).toEqual({ records: [], fetchedRecordsCount: 0, bookmark });

    const none = JSON.stringify({ selector: { docType: 'asset', owner: 'nobody' } });
    const empty = JSON.parse(text(await peer.evaluate('ledger', ['QueryAssetsWithPagination', none, '2', '']))) as Page;
    expect(empty).toEqual({ records: [], fetchedRecordsCount: 0, bookmark: 'nil' });
  });

  it('lets a transaction write after a plain rich query, not after a paginated one', async () => {
    const moved = await peer.submit('ledger', ['TransferAssetsOfOwner', 'jerry', 'ann']);
    expect(moved).toMatchObject({ status: 200, committed: true });
    expect(keysOf(await peer.evaluate('ledger', ['QueryAssetsByOwner', 'ann']))).toEqual(['asset4', 'asset5']);

    const refused = await peer.submit('ledger', [
      'TransferPageOfAssets',
      JSON.stringify({ selector: { docType: 'asset', owner: 'tom' } }),
      'bob',
    ]);
    expect(refused.status).toBe(500);
    expect(refused.message).toContain(
      `txid [${refused.txId}]: unsuppored transaction. Transaction has already performed a paginated query. Writes are not allowed`,
    );
    expect(keysOf(await peer.evaluate('ledger', ['QueryAssetsByOwner', 'bob']))).toEqual([]);
  });

  it('queries a private data collection with its own index, leaving no reads in the read set', async () => {
    for (const [id, rating] of [
      ['asset1', 4],
      ['asset2', 5],
      ['asset3', 2],
    ] as const) {
      expect((await peer.submit('ledger', ['AddNote', id, String(rating), `note on ${id}`])).status).toBe(200);
    }
    const r = await peer.evaluate('ledger', [
      'QueryNotes',
      JSON.stringify({ selector: { rating: { $gte: 3 } }, sort: [{ rating: 'desc' }] }),
    ]);
    expect(r.status).toBe(200);
    expect(JSON.parse(text(r))).toEqual([
      { key: 'asset2', record: { rating: 5, text: 'note on asset2' } },
      { key: 'asset1', record: { rating: 4, text: 'note on asset1' } },
    ]);
    expect(r.rwset.privateReads).toEqual([]);
    // the collection's index is not the namespace's
    const publicSort = await peer.evaluate('ledger', [
      'QueryAssets',
      JSON.stringify({ selector: {}, sort: ['rating'] }),
    ]);
    expect(publicSort.message).toContain('No index exists for this sort');
  });

  it('refuses a value with a field CouchDB reserves, as a CouchDB peer does', async () => {
    const r = await peer.submit('ledger', ['PutRaw', 'raw1', '{"_id":"raw1","a":1}']);
    expect(r.status).toBe(500);
    expect(r.message).toContain('field [_id] is not valid for the CouchDB state database');
    expect(peer.getState('ledger', 'raw1')).toBeUndefined();
  });
});

describe('index files at deploy', () => {
  let dir: string;
  let peer: DevPeer;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rich-query-'));
    peer = await DevPeer.start();
  });

  afterEach(async () => {
    await peer.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to deploy a chaincode whose index file Fabric would refuse at install', async () => {
    const indexes = join(dir, 'META-INF', 'statedb', 'couchdb', 'indexes');
    mkdirSync(indexes, { recursive: true });
    writeFileSync(join(indexes, 'bad.json'), '{"index":{"fields": This is a bad json}');
    await expect(
      peer.deployChaincode('ledger', createContractChaincode([LedgerQueries]), { modulePath: dir }),
    ).rejects.toMatchObject({
      code: 'CC_DEVPEER_INVALID_INDEX',
      message: 'Index metadata file [META-INF/statedb/couchdb/indexes/bad.json] is not a valid JSON',
    });
    expect(peer.chaincodes()).toEqual([]);
  });

  it('takes indexes as a deploy option, and a project without META-INF has none', async () => {
    await peer.deployChaincode('ledger', createContractChaincode([LedgerQueries]), {
      modulePath: dir,
      indexes: [{ definition: { index: { fields: ['size'] }, ddoc: 'bySize', name: 'bySize', type: 'json' } }],
    });
    for (const [id, color, size, owner, value] of SEED.slice(0, 3)) {
      await peer.submit('ledger', ['CreateAsset', id, color, String(size), owner, String(value)]);
    }
    const r = await peer.evaluate('ledger', [
      'QueryAssets',
      JSON.stringify({ selector: { docType: 'asset' }, sort: [{ size: 'desc' }] }),
    ]);
    expect(keysOf(r)).toEqual(['asset3', 'asset2', 'asset1']);
  });
});
