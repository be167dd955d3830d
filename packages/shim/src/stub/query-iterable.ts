import type { CommonIterator, QueryIterable } from '@chaincode/contract-api';
import { iterateAndClose } from './iterators';

/**
 * What the query methods return: a real Promise of the result (an iterator, or `{iterator, metadata}`)
 * that is also AsyncIterable over the rows, so both `await stub.getStateByRange(a, b)` and
 * `for await (const kv of stub.getStateByRange(a, b))` work. The loop closes the iterator itself.
 */
export class QueryResult<TResult, TValue> implements Promise<TResult>, AsyncIterable<TValue> {
  readonly #result: Promise<TResult>;
  readonly #iteratorOf: (result: TResult) => CommonIterator<TValue>;

  constructor(result: Promise<TResult>, iteratorOf: (result: TResult) => CommonIterator<TValue>) {
    this.#result = result;
    this.#iteratorOf = iteratorOf;
  }

  get [Symbol.toStringTag](): string {
    return 'QueryResult';
  }

  then<R1 = TResult, R2 = never>(
    onfulfilled?: ((value: TResult) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#result.then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<TResult | R> {
    return this.#result.catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<TResult> {
    return this.#result.finally(onfinally);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<TValue, void, undefined> {
    const iterator = this.#iteratorOf(await this.#result);
    yield* iterateAndClose(iterator);
  }
}

/** A query whose promise resolves with the iterator itself. */
export function iterable<TIterator extends CommonIterator<TValue>, TValue>(
  result: Promise<TIterator>,
): QueryIterable<TIterator, TValue> {
  return new QueryResult<TIterator, TValue>(result, identity);
}

function identity<T>(value: T): T {
  return value;
}

/** A paginated query: resolves with `{iterator, metadata}`, iterates the iterator's rows. */
export function pagedIterable<TIterator extends CommonIterator<TValue>, TValue>(
  result: Promise<{ iterator: TIterator; metadata: { fetchedRecordsCount: number; bookmark: string } }>,
): QueryIterable<{ iterator: TIterator; metadata: { fetchedRecordsCount: number; bookmark: string } }, TValue> {
  return new QueryResult(result, iteratorProperty);
}

function iteratorProperty<T>(result: { iterator: T }): T {
  return result.iterator;
}
