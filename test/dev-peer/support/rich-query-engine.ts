/**
 * Runs rich queries on the dev peer's query engine without a chaincode: documents are committed to
 * a real ChannelLedger in CouchDB's stored form, a real TxSimulation gives the transaction's view,
 * and openRichQuery answers as the GET_QUERY_RESULT handler would. The end-to-end test covers the
 * gRPC path.
 */
import { protos, queryresult } from '@chaincode/shim/internal';
import { IndexCatalog } from '../../../packages/dev-peer/src/query/index-catalog';
import { chaincodeIndexFiles, type IndexSpec } from '../../../packages/dev-peer/src/query/index-spec';
import { openRichQuery } from '../../../packages/dev-peer/src/query/rich-query';
import { TxSimulation } from '../../../packages/dev-peer/src/simulation/tx-simulation';
import { ChannelLedger } from '../../../packages/dev-peer/src/state/channel-ledger';
import { couchDbStoredValue } from '../../../packages/dev-peer/src/state/couchdb-json';
import type { TransactionContext } from '../../../packages/dev-peer/src/peer/transaction-context';

export const NAMESPACE = 'cc';

export type DocValue = string | Record<string, unknown> | unknown[];

export interface EngineOptions {
  readonly docs: Readonly<Record<string, DocValue>>;
  readonly collectionDocs?: Readonly<Record<string, Readonly<Record<string, DocValue>>>>;
  readonly indexes?: readonly IndexSpec[];
  readonly internalQueryLimit?: number;
  readonly totalQueryLimit?: number;
}

export interface QueryAnswer {
  readonly keys: string[];
  /** Values as the chaincode receives them (UTF-8). */
  readonly values: string[];
  readonly fetchedRecordsCount?: number;
  readonly bookmark?: string;
  readonly simulation: TxSimulation;
}

export class RichQueryEngine {
  readonly ledger = new ChannelLedger('ch', couchDbStoredValue);
  readonly indexes = new IndexCatalog();
  private tx = 0;

  constructor(private readonly options: EngineOptions) {
    const writes = Object.entries(options.docs).map(([key, value]) => put('', key, value));
    for (const [collection, docs] of Object.entries(options.collectionDocs ?? {})) {
      for (const [key, value] of Object.entries(docs)) writes.push(put(collection, key, value));
    }
    this.ledger.commit({ txId: 'seed', timestamp: { seconds: 1, nanos: 0 }, writes, metadataWrites: [] });
    this.indexes.install(NAMESPACE, chaincodeIndexFiles({ indexes: options.indexes ?? [] }));
  }

  /** Run a query to its end; `page` makes it a paginated query (getQueryResultWithPagination). */
  query(query: string | object, page?: { pageSize: number; bookmark?: string }, collection = ''): QueryAnswer {
    const simulation = new TxSimulation(this.ledger, `tx${++this.tx}`, { seconds: 2, nanos: 0 });
    const tx = { namespace: NAMESPACE, simulation } as unknown as TransactionContext;
    const request = protos.GetQueryResult.create({
      query: typeof query === 'string' ? query : JSON.stringify(query),
      collection,
    });
    const metadata =
      page === undefined
        ? undefined
        : protos.QueryMetadata.create({ pageSize: page.pageSize, bookmark: page.bookmark ?? '' });
    const { query: context, totalLimit } = openRichQuery(request, metadata, tx, {
      stateDatabase: 'CouchDB',
      indexes: this.indexes,
      limits: {
        internalQueryLimit: this.options.internalQueryLimit ?? 1000,
        totalQueryLimit: this.options.totalQueryLimit ?? 100000,
      },
    });
    const keys: string[] = [];
    const values: string[] = [];
    while (keys.length < totalLimit) {
      const bytes = context.next();
      if (bytes === undefined) break;
      const kv = queryresult.KV.decode(bytes);
      keys.push(kv.key);
      values.push(Buffer.from(kv.value).toString('utf8'));
    }
    if (page === undefined) return { keys, values, simulation };
    return { keys, values, fetchedRecordsCount: keys.length, bookmark: context.bookmark(), simulation };
  }
}

function put(collection: string, key: string, value: DocValue) {
  return {
    namespace: NAMESPACE,
    collection,
    key,
    value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
    isDelete: false,
    isPurge: false,
  };
}
