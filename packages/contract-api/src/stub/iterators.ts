import type { Timestamp } from './timestamp';

/** One row of a range, partial composite key or rich query. */
export interface KV {
  namespace: string;
  key: string;
  value: Uint8Array;
}

/** One entry of a key's history. */
export interface KeyModification {
  isDelete: boolean;
  value: Uint8Array;
  timestamp: Timestamp;
  txId: string;
}

export interface NextResult<T> {
  value: T;
  done: boolean;
}

/** The fabric-shim iterator: `next()` until `done`, then `close()` (a `for await` closes by itself). */
export interface CommonIterator<T> extends AsyncIterable<T> {
  next(): Promise<NextResult<T>>;
  close(): Promise<void>;
}

export type StateQueryIterator = CommonIterator<KV>;
export type HistoryQueryIterator = CommonIterator<KeyModification>;

/** Paging information of a paginated query. */
export interface QueryResponseMetadata {
  fetchedRecordsCount: number;
  bookmark: string;
}

export interface StateQueryResponse<T> {
  iterator: T;
  metadata: QueryResponseMetadata;
}

/**
 * What the stub's query methods return: await it for the iterator, or `for await` over it directly
 * (the iterator is closed when the loop ends, normally or not).
 */
export type QueryIterable<TIterator, TValue> = Promise<TIterator> & AsyncIterable<TValue>;
