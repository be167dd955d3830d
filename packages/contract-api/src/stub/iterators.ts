import type { Timestamp } from './timestamp';

/**
 * One row of a range, partial composite key or rich query: `{key, value}` at run time, as
 * fabric-shim 2.5 gives it. `namespace` is declared, as fabric-shim-api declares it, but (as
 * there) never filled, so that the row serializes exactly as the official one.
 */
export interface KV {
  namespace: string;
  key: string;
  value: Uint8Array;
}

/**
 * One entry of a key's history. As with fabric-shim 2.5, `timestamp` holds plain numbers at run
 * time (`{seconds, nanos}`); it is declared as fabric-shim-api declares it, so read the seconds
 * with `Number(m.timestamp.seconds)`, which works with either.
 */
export interface KeyModification {
  isDelete: boolean;
  value: Uint8Array;
  timestamp: Timestamp;
  txId: string;
}

/** A `next()` result: `{value, done: false}` for a row, `{done: true}` at the end. */
export interface NextResult<T> {
  value: T;
  done: boolean;
}

export interface NextKeyModificationResult {
  value: KeyModification;
  done: boolean;
}

/**
 * A query iterator: `next()` until `done`, then `close()`. A `for await` over the query (not over
 * the iterator) closes it by itself, when the loop ends or leaves early.
 */
export interface CommonIterator<T> {
  close(): Promise<void>;
  next(): Promise<NextResult<T>>;
}

export type StateQueryIterator = CommonIterator<KV>;
export type HistoryQueryIterator = CommonIterator<KeyModification>;

/** Paging information of a paginated query. */
export interface QueryResponseMetadata {
  fetchedRecordsCount: number;
  bookmark: string;
}

/**
 * What a paginated query resolves with. As with fabric-shim 2.5, `metadata` is absent at run time
 * when the peer sends none (a page with no results).
 */
export interface StateQueryResponse<T> {
  iterator: T;
  metadata: QueryResponseMetadata;
}

/**
 * What the stub's query methods return: a Promise of the iterator (or of `{iterator, metadata}`)
 * that is also async iterable over the rows, so `for await (const kv of stub.getStateByRange(a, b))`
 * works and closes the iterator when the loop ends, normally or not.
 */
export type QueryIterable<TIterator, TValue> = Promise<TIterator> & AsyncIterable<TValue>;
