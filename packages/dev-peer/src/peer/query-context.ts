import Long from 'long';
import { protos, queryresult } from '@chaincode/shim/internal';
import type { HistoryCursor, RangeCursor } from '../simulation/cursors';
import type { QueryContext } from './open-query';
import type { TransactionContext } from './transaction-context';

export function rangeQuery(cursor: RangeCursor, namespace: string, paginated: boolean): QueryContext {
  return {
    returned: 0,
    paginated,
    next() {
      const r = cursor.next();
      if (r === undefined) return undefined;
      return queryresult.KV.encode({ namespace, key: r.key, value: r.value }).finish();
    },
    hasNext: () => cursor.peekKey() !== '',
    bookmark: () => cursor.peekKey(),
  };
}

export function historyQuery(cursor: HistoryCursor): QueryContext {
  let pending = cursor.next();
  return {
    returned: 0,
    paginated: false,
    next() {
      const r = pending;
      if (r === undefined) return undefined;
      pending = cursor.next();
      return queryresult.KeyModification.encode({
        txId: r.txId,
        value: r.value,
        timestamp: { seconds: Long.fromNumber(r.timestamp.seconds), nanos: r.timestamp.nanos },
        isDelete: r.isDelete,
      }).finish();
    },
    hasNext: () => pending !== undefined,
    bookmark: () => '',
  };
}

/**
 * One QueryResponse, as Fabric's QueryResponseGenerator builds it: up to `pageSize` results with
 * has_more when more remain (unpaginated), everything up to the limit in one response with
 * QueryResponseMetadata{fetched_records_count, bookmark} (paginated). A finished query is closed.
 * The total count never exceeds `totalLimit`.
 */
export function buildQueryResponse(
  tx: TransactionContext,
  id: string,
  query: QueryContext,
  pageSize: number,
  totalLimit: number,
): protos.QueryResponse {
  const results: protos.IQueryResultBytes[] = [];
  const finish = (): protos.QueryResponse => {
    tx.queries.delete(id);
    const response = protos.QueryResponse.create({ results, hasMore: false, id });
    if (query.paginated) {
      const metadata = protos.QueryResponseMetadata.encode({
        fetchedRecordsCount: query.returned,
        bookmark: query.bookmark(),
      }).finish();
      // An all-default metadata message encodes to nothing; a Go peer then leaves the field out.
      if (metadata.length > 0) response.metadata = metadata;
    }
    return response;
  };
  for (;;) {
    if (query.returned >= totalLimit) return finish();
    if (!query.paginated && results.length >= pageSize) {
      if (!query.hasNext()) return finish();
      tx.queries.set(id, query);
      return protos.QueryResponse.create({ results, hasMore: true, id });
    }
    const result = query.next();
    if (result === undefined) return finish();
    results.push({ resultBytes: result });
    query.returned++;
  }
}
