import { protos, queryresult } from '@chaincode/shim/internal';
import type { QueryContext } from '../peer/open-query';
import type { TransactionContext } from '../peer/transaction-context';
import { RequestRefusedError } from '../errors/request-refused-error';
import type { StateDatabase } from '../simulation/state-database';
import { CouchDatabase, type FoundDoc } from './couch-database';
import { couchDocument, valueOfResult } from './couch-document';
import type { IndexCatalog } from './index-catalog';
import { QueryError, QueryRefusedError } from './query-error';
import { QueryScanner } from './query-scanner';

/**
 * What rich queries need from the peer (its request environment has all of it): the state
 * database, the chaincodes' indexes and core.yaml's query limits.
 */
export interface RichQueryEnvironment {
  /** ledger.state.stateDatabase: a goleveldb peer has no rich queries. */
  readonly stateDatabase: StateDatabase;
  readonly indexes: IndexCatalog;
  readonly limits: {
    /** ledger.state.couchDBConfig.internalQueryLimit (1000): documents per CouchDB request. */
    readonly internalQueryLimit: number;
    /** ledger.state.totalQueryLimit (100000): results per query. */
    readonly totalQueryLimit: number;
  };
}

export interface OpenedRichQuery {
  readonly query: QueryContext;
  /** The most results the peer returns for this query (handler.go calculateTotalReturnLimit). */
  readonly totalLimit: number;
}

/**
 * GET_QUERY_RESULT as Fabric's handler runs it (HandleGetQueryResult), after the request was
 * decoded and, for a collection, the Init and read-permission checks passed:
 * - a collection: ExecuteQueryOnPrivateData (never paginated; the transaction becomes read-only);
 *   a peer outside the collection holds none of its documents, so it finds nothing;
 * - metadata with a page size or a bookmark: ExecuteQueryWithPagination (the transaction becomes
 *   read-only; the response carries fetched_records_count and CouchDB's bookmark);
 * - otherwise ExecuteQuery.
 * A goleveldb peer refuses each of them with stateleveldb's text, after the read-only rules.
 * The first CouchDB request runs now (its errors are the request's); later batches run as the
 * chaincode iterates. Each public result is added to the read set with its version, as Fabric's
 * queryResultsItr does, but no range is recorded: Fabric does not re-run rich queries at commit,
 * so results that appear or disappear meanwhile (phantoms) are not detected. Private results are
 * not recorded at all.
 */
export function openRichQuery(
  request: protos.GetQueryResult,
  metadata: protos.QueryMetadata | undefined,
  tx: TransactionContext,
  env: RichQueryEnvironment,
): OpenedRichQuery {
  const collection = request.collection;
  const paginated =
    collection === '' && metadata !== undefined && (metadata.pageSize !== 0 || metadata.bookmark !== '');
  if (collection !== '') tx.simulation.startPrivateQuery();
  else if (paginated) tx.simulation.startPaginatedQuery();
  if (env.stateDatabase !== 'CouchDB') {
    // stateleveldb's ExecuteQuery / ExecuteQueryWithPagination (its text keeps the older name)
    throw new RequestRefusedError(
      `${paginated ? 'ExecuteQueryWithMetadata' : 'ExecuteQuery'} not supported for leveldb`,
    );
  }
  const store = tx.simulation.committedStore(tx.namespace, collection);
  const docs = (store?.sortedKeys() ?? []).flatMap((key) => {
    const entry = store?.get(key);
    return entry === undefined ? [] : [couchDocument(key, entry)];
  });
  const db = new CouchDatabase(docs, env.indexes.indexes(tx.namespace, collection));
  const scanner = new QueryScanner(
    db,
    request.query,
    env.limits.internalQueryLimit,
    paginated ? metadata.pageSize : 0,
    paginated ? metadata.bookmark : '',
  );
  const record =
    collection === ''
      ? (found: FoundDoc): void => {
          tx.simulation.recordRead(tx.namespace, found.doc.id, found.doc.version);
        }
      : undefined;
  let totalLimit = env.limits.totalQueryLimit;
  const pageSize = metadata?.pageSize ?? 0;
  if (pageSize > 0 && pageSize < totalLimit) totalLimit = pageSize;
  return { query: scannerQuery(scanner, tx.namespace, paginated, record), totalLimit };
}

// A result pulled from the scanner counts as read: the response generator reads one result past
// a full batch and keeps it pending, as a Fabric peer calls Next() before it cuts a batch.
function scannerQuery(
  scanner: QueryScanner,
  namespace: string,
  paginated: boolean,
  record: ((found: FoundDoc) => void) | undefined,
): QueryContext {
  let done = false;
  return {
    returned: 0,
    paginated,
    next() {
      if (done) return undefined;
      let found: FoundDoc | undefined;
      try {
        found = scanner.next();
      } catch (error) {
        if (!(error instanceof QueryError)) throw error;
        throw new QueryRefusedError(`failed to get query result: ${error.message}`);
      }
      if (found === undefined) {
        done = true;
        return undefined;
      }
      record?.(found);
      const value = valueOfResult(found.doc, found.returned);
      return queryresult.KV.encode({ namespace, key: found.doc.id, value }).finish();
    },
    bookmark: () => scanner.bookmark,
  };
}
