import { protos, queryresult } from '@chaincode/shim/internal';
import type { QueryContext } from '../peer/open-query';
import type { TransactionContext } from '../peer/transaction-context';
import { CouchDatabase, type FoundDoc } from './couch-database';
import { couchDocument, valueOfResult } from './couch-document';
import type { IndexCatalog } from './index-catalog';
import { QueryError, QueryRefusedError } from './query-error';
import { QueryScanner } from './query-scanner';

/** What rich queries need from the peer: the indexes and core.yaml's query limits. */
export interface RichQueryEnvironment {
  readonly indexes: IndexCatalog;
  /** ledger.state.couchDBConfig.internalQueryLimit (1000): documents per CouchDB request. */
  readonly internalQueryLimit: number;
  /** ledger.state.totalQueryLimit (100000): results per query. */
  readonly totalQueryLimit: number;
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
 * - metadata with a page size or a bookmark: ExecuteQueryWithPagination (the transaction becomes
 *   read-only; the response carries fetched_records_count and CouchDB's bookmark);
 * - otherwise ExecuteQuery.
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
  const store = tx.simulation.richQueryStore(tx.namespace, collection, paginated);
  const docs = (store?.sortedKeys() ?? []).flatMap((key) => {
    const entry = store?.get(key);
    return entry === undefined ? [] : [couchDocument(key, entry)];
  });
  const db = new CouchDatabase(docs, env.indexes.indexes(tx.namespace, collection));
  const scanner = new QueryScanner(
    db,
    request.query,
    env.internalQueryLimit,
    paginated ? metadata.pageSize : 0,
    paginated ? metadata.bookmark : '',
  );
  const record =
    collection === ''
      ? (found: FoundDoc): void => {
          tx.simulation.recordQueryRead(tx.namespace, found.doc.id, found.doc.version);
        }
      : undefined;
  let totalLimit = env.totalQueryLimit;
  const pageSize = metadata?.pageSize ?? 0;
  if (pageSize > 0 && pageSize < totalLimit) totalLimit = pageSize;
  return { query: scannerQuery(scanner, tx.namespace, paginated, record), totalLimit };
}

// Results pulled from the scanner one ahead (QueryResponse's has_more needs to know); a pulled
// result counts as read, as a Fabric peer calls Next() before it cuts a batch.
function scannerQuery(
  scanner: QueryScanner,
  namespace: string,
  paginated: boolean,
  record: ((found: FoundDoc) => void) | undefined,
): QueryContext {
  let ahead: FoundDoc | undefined;
  let done = false;
  const pull = (): FoundDoc | undefined => {
    if (ahead !== undefined) {
      const found = ahead;
      ahead = undefined;
      return found;
    }
    if (done) return undefined;
    let found: FoundDoc | undefined;
    try {
      found = scanner.next();
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      throw new QueryRefusedError(`failed to get query result: ${error.message}`);
    }
    if (found === undefined) done = true;
    else record?.(found);
    return found;
  };
  return {
    returned: 0,
    paginated,
    next() {
      const found = pull();
      if (found === undefined) return undefined;
      const value = valueOfResult(found.doc, found.returned);
      return queryresult.KV.encode({ namespace, key: found.doc.id, value }).finish();
    },
    hasNext() {
      ahead ??= pull();
      return ahead !== undefined;
    },
    bookmark: () => scanner.bookmark,
  };
}
