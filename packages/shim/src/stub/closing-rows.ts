import type { CommonIterator, NextResult } from '@chaincode/contract-api';

/** A query iterator that can hand over a row it already holds without a promise of its own. */
export interface BufferedRows<T> {
  /** The next row of the page in hand, or undefined when the next row needs the peer (or there is none). */
  takeBuffered(): T | undefined;
}

type Source<T> = CommonIterator<T> | Promise<CommonIterator<T>>;

const END: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

function hasBuffer<T>(iterator: CommonIterator<T>): iterator is CommonIterator<T> & BufferedRows<T> {
  return typeof (iterator as Partial<BufferedRows<T>>).takeBuffered === 'function';
}

/**
 * The rows of a query for `for await`: the iterator is closed when the rows end, when the loop
 * breaks or throws (`return()`), and when fetching a row fails (then the fetch's error wins over
 * one from closing). Written as a plain async iterator rather than an async generator: a row
 * already in the page in hand costs one resolved promise, with no generator frames between the
 * loop and the page (range queries spent most of their chaincode time in those).
 */
export class ClosingRows<T> implements AsyncIterableIterator<T> {
  #source: Source<T> | undefined;
  #iterator: CommonIterator<T> | undefined;
  #buffered: BufferedRows<T> | undefined;
  #finished = false;

  constructor(source: Source<T>) {
    this.#source = source;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (!this.#finished && this.#buffered !== undefined) {
      const value = this.#buffered.takeBuffered();
      if (value !== undefined) return Promise.resolve({ done: false, value });
    }
    return this.#fetch();
  }

  async return(): Promise<IteratorResult<T, undefined>> {
    if (this.#finished) return END;
    this.#finished = true;
    const iterator = this.#iterator ?? (await this.#source);
    await iterator?.close();
    return END;
  }

  async #fetch(): Promise<IteratorResult<T, undefined>> {
    if (this.#finished) return END;
    let result: NextResult<T>;
    try {
      const iterator = (this.#iterator ??= await this.#source);
      if (iterator === undefined) return END;
      this.#source = undefined;
      if (hasBuffer(iterator)) this.#buffered = iterator;
      result = await iterator.next();
    } catch (err) {
      this.#finished = true;
      await this.#iterator?.close().catch(() => undefined);
      throw err;
    }
    if (result.done) {
      this.#finished = true;
      await this.#iterator?.close();
      return END;
    }
    return { done: false, value: result.value };
  }
}
