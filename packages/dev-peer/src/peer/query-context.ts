import Long from 'long';
import { protos, queryresult } from '@chaincode/shim/internal';
import type { HistoryCursor, RangeCursor } from '../simulation/cursors';
import type { QueryContext } from './open-query';
import type { TransactionContext } from './transaction-context';

export function rangeQuery(cursor: RangeCursor, namespace: string, paginated: boolean): QueryContext {
  return {
    returned: 0,
    pending: [],
    paginated,
    next() {
      const r = cursor.next();
      if (r === undefined) return undefined;
      return queryresult.KV.encode({ namespace, key: r.key, value: r.value }).finish();
    },
    bookmark: () => cursor.peekKey(),
  };
}

export function historyQuery(cursor: HistoryCursor): QueryContext {
  return {
    returned: 0,
    pending: [],
    paginated: false,
    next() {
      const r = cursor.next();
      if (r === undefined) return undefined;
      return queryresult.KeyModification.encode({
        txId: r.txId,
        value: r.value,
        timestamp: { seconds: Long.fromNumber(r.timestamp.seconds), nanos: r.timestamp.nanos },
        isDelete: r.isDelete,
      }).finish();
    },
    bookmark: () => '',
  };
}

/**
 * One QueryResponse, as Fabric's QueryResponseGenerator (core/chaincode/query_response_generator.go)
 * builds it. Unpaginated: results are queued; when `pageSize` are queued and one more was read,
 * the queue is sent with has_more and the extra result stays pending for the next page (so the
 * read set records it, as Fabric's does). Paginated: everything up to the limit in one response
 * with QueryResponseMetadata{fetched_records_count, bookmark}. The total never exceeds
 * `totalLimit`; a finished query is closed.
 */
export function buildQueryResponse(
  tx: TransactionContext,
  id: string,
  query: QueryContext,
  pageSize: number,
  totalLimit: number,
): protos.QueryResponse {
  for (;;) {
    if (query.returned >= totalLimit) return finish(tx, id, query);
    const result = query.next();
    if (result === undefined) return finish(tx, id, query);
    const pending = (query.pending ??= []);
    if (!query.paginated && pending.length === pageSize) {
      const batch = pending.map((resultBytes) => ({ resultBytes }));
      query.pending = [result];
      query.returned++;
      tx.queries.set(id, query);
      return protos.QueryResponse.create({ results: batch, hasMore: true, id });
    }
    pending.push(result);
    query.returned++;
  }
}

function finish(tx: TransactionContext, id: string, query: QueryContext): protos.QueryResponse {
  tx.queries.delete(id);
  const results = (query.pending ?? []).map((resultBytes) => ({ resultBytes }));
  query.pending = [];
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
}
