import type { CommonIterator, QueryIterable } from '@chaincode/contract-api';
import { ClosingRows } from './closing-rows';

type Resolved<TValue> = CommonIterator<TValue> | { iterator: CommonIterator<TValue> };

function iteratorOf<TValue>(resolved: Resolved<TValue>): CommonIterator<TValue> {
  return 'next' in resolved ? resolved : resolved.iterator;
}

/** `[Symbol.asyncIterator]` of a query promise: rows of the iterator it resolves with, closed at the end. */
function rows<TValue>(this: Promise<Resolved<TValue>>): AsyncIterableIterator<TValue> {
  const iterator = this.then(iteratorOf);
  // a refused query rejects at the loop's first next(); never as an unhandled rejection besides
  iterator.catch(() => undefined);
  return new ClosingRows<TValue>(iterator);
}

/**
 * What the query methods return, as fabric-shim returns it: a real Promise of the result (an
 * iterator, or `{iterator, metadata}`) that is also async iterable over the rows, so both
 * `await stub.getStateByRange(a, b)` and `for await (const kv of stub.getStateByRange(a, b))` work.
 */
export function queryIterable<TResult extends Resolved<TValue>, TValue>(
  result: Promise<TResult>,
): QueryIterable<TResult, TValue> {
  const query = result as QueryIterable<TResult, TValue>;
  query[Symbol.asyncIterator] = rows as (this: Promise<TResult>) => AsyncIterableIterator<TValue>;
  return query;
}
