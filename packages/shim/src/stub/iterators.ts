import type { CommonIterator, KeyModification, KV, NextResult } from '@chaincode/contract-api';
import { MessageType, protos, queryresult } from '../wire/protos';
import { ClosingRows, type BufferedRows } from './closing-rows';
import { historyTimestamp } from './timestamp';
import type { TransactionPort } from './transaction-port';

const NO_BYTES = new Uint8Array(0);

/** `{done: true}` with no `value` key, a fresh object each time, as fabric-shim answers the end. */
function done<T>(): NextResult<T> {
  return { done: true } as NextResult<T>;
}

/**
 * Walks a query's results page by page: the first QueryResponse came with the query, further pages
 * are fetched with QUERY_STATE_NEXT while the peer says `has_more`.
 *
 * `close()` sends QUERY_STATE_CLOSE only while the peer still holds the query. A response with
 * `has_more = false` means the peer has already released it (Fabric's QueryResponseBuilder cleans
 * up the query context as it builds that response; HandleQueryStateClose then only answers an
 * empty QueryResponse), so closing after it would be a wasted round trip.
 */
abstract class QueryIterator<T> implements CommonIterator<T>, BufferedRows<T> {
  readonly #port: TransactionPort;
  #response: protos.QueryResponse;
  #index = 0;
  #closed = false;

  constructor(port: TransactionPort, response: protos.QueryResponse) {
    this.#port = port;
    this.#response = response;
  }

  protected abstract decode(bytes: Uint8Array): T;

  async next(): Promise<NextResult<T>> {
    for (;;) {
      const results = this.#response.results;
      if (this.#index < results.length) {
        const result = results[this.#index++];
        return { value: this.decode(result?.resultBytes ?? NO_BYTES), done: false };
      }
      if (!this.#response.hasMore || this.#closed) return done<T>();
      const payload = protos.QueryStateNext.encode({ id: this.#response.id }).finish();
      const bytes = await this.#port.request(MessageType.QUERY_STATE_NEXT, payload);
      this.#response = protos.QueryResponse.decode(bytes);
      this.#index = 0;
    }
  }

  /** The next row of the page in hand; undefined when the page is used up (next() then asks the peer). */
  takeBuffered(): T | undefined {
    const result = this.#response.results[this.#index];
    if (result === undefined) return undefined;
    this.#index++;
    return this.decode(result.resultBytes ?? NO_BYTES);
  }

  /** Release the query on the peer, if it still holds it (later calls do nothing). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (!this.#response.hasMore) return;
    const payload = protos.QueryStateClose.encode({ id: this.#response.id }).finish();
    await this.#port.request(MessageType.QUERY_STATE_CLOSE, payload);
  }

  /** `for await (const row of iterator)`: closes the iterator when the loop ends, breaks or throws. */
  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return new ClosingRows<T>(this);
  }
}

/** Results of range, partial composite key and rich queries: `{key, value}` as fabric-shim gives them. */
export class StateQueryIterator extends QueryIterator<KV> {
  /**
   * The iterator itself. fabric-shim resolves its private data queries with `{iterator}`, so
   * contracts written for it read `.iterator`; here that works as well as using the value directly.
   */
  get iterator(): this {
    return this;
  }

  protected decode(bytes: Uint8Array): KV {
    const kv = queryresult.KV.decode(bytes);
    return { key: kv.key, value: kv.value } as KV;
  }
}

/** Results of getHistoryForKey: `{txId, value, isDelete, timestamp: {seconds, nanos}}` as fabric-shim gives them. */
export class HistoryQueryIterator extends QueryIterator<KeyModification> {
  protected decode(bytes: Uint8Array): KeyModification {
    const km = queryresult.KeyModification.decode(bytes);
    return { txId: km.txId, value: km.value, isDelete: km.isDelete, timestamp: historyTimestamp(km.timestamp) };
  }
}
