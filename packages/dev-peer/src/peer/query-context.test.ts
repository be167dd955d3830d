import { protos } from '@chaincode/shim/internal';
import { ChannelLedger } from '../state/channel-ledger';
import { TxSimulation } from '../simulation/tx-simulation';
import { OPEN_COLLECTIONS } from './collection-guard';
import { buildQueryResponse, rangeQuery } from './query-context';
import type { TransactionContext } from './transaction-context';

function setup(n: number): { tx: TransactionContext; sim: TxSimulation } {
  const ledger = new ChannelLedger('ch');
  ledger.commit({
    txId: 'seed',
    timestamp: { seconds: 0, nanos: 0 },
    writes: Array.from({ length: n }, (_, i) => ({
      namespace: 'cc',
      collection: '',
      key: `k${String(i).padStart(3, '0')}`,
      value: Buffer.from(String(i)),
      isDelete: false,
      isPurge: false,
    })),
    metadataWrites: [],
  });
  const sim = new TxSimulation(ledger, 'tx', { seconds: 0, nanos: 0 });
  const tx: TransactionContext = {
    channelId: 'ch',
    txId: 'tx',
    namespace: 'cc',
    simulation: sim,
    creator: { id: 'c', mspId: 'Org1MSP', roles: new Set(['client']), valid: true, certificate: '', ous: ['client'] },
    collections: OPEN_COLLECTIONS,
    isInit: false,
    signedProposal: {},
    queries: new Map(),
    notify: () => undefined,
    abort: () => undefined,
  };
  return { tx, sim };
}

describe('buildQueryResponse', () => {
  it('pages by pageSize with has_more only when more results exist, and closes the finished query', () => {
    const { tx, sim } = setup(6);
    const q = rangeQuery(sim.rangeScan('cc', '', '', false), 'cc', false);
    tx.queries.set('q', q);
    const first = buildQueryResponse(tx, 'q', q, 3, 100);
    expect([first.results.length, first.hasMore]).toEqual([3, true]);
    expect(tx.queries.has('q')).toBe(true);
    const second = buildQueryResponse(tx, 'q', q, 3, 100);
    expect([second.results.length, second.hasMore]).toEqual([3, false]);
    expect(tx.queries.has('q')).toBe(false);
  });

  it('stops at the total query limit across pages', () => {
    const { tx, sim } = setup(10);
    const q = rangeQuery(sim.rangeScan('cc', '', '', false), 'cc', false);
    const pages = [];
    let page = buildQueryResponse(tx, 'q', q, 3, 7);
    pages.push(page.results.length);
    while (page.hasMore) {
      page = buildQueryResponse(tx, 'q', q, 3, 7);
      pages.push(page.results.length);
    }
    expect(pages).toEqual([3, 3, 1]);
  });

  it('paginated: one response with fetched count and the next key as bookmark', () => {
    const { tx, sim } = setup(5);
    const q = rangeQuery(sim.rangeScan('cc', 'k001', '', true), 'cc', true);
    const r = buildQueryResponse(tx, 'q', q, 100, 2);
    expect(r.hasMore).toBe(false);
    expect(protos.QueryResponseMetadata.decode(r.metadata)).toMatchObject({ fetchedRecordsCount: 2, bookmark: 'k003' });
  });
});
