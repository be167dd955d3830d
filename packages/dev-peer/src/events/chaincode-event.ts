/** A chaincode event of a valid, committed transaction, as a client's event service delivers it. */
export interface ChaincodeEvent {
  readonly channelId: string;
  readonly blockNumber: number;
  readonly transactionId: string;
  readonly chaincodeName: string;
  readonly eventName: string;
  readonly payload: Uint8Array;
}

/** An async iterable a caller ends with `close()` (a `for await` loop ending also closes it). */
export interface CloseableAsyncIterable<T> extends AsyncIterable<T> {
  close(): void;
}
