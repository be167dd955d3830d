import { StreamClosedError } from '../errors/shim-error';
import type { PeerCapabilities, TransactionPort } from '../stub/transaction-port';
import { WriteBatch } from '../stub/write-batch';
import type { MessageType, protos } from '../wire/protos';
import { RequestQueue, type MessageSender, type PendingRequest } from './request-queue';

class Pending implements PendingRequest {
  readonly message: { type: MessageType; payload: Uint8Array; txid: string; channelId: string };
  resolve!: (payload: Buffer) => void;
  reject!: (error: Error) => void;
  readonly promise: Promise<Buffer>;

  constructor(type: MessageType, payload: Uint8Array, txid: string, channelId: string) {
    this.message = { type, payload, txid, channelId };
    this.promise = new Promise<Buffer>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
}

/** One transaction in flight on a stream: its request queue, buffered writes and event. */
export class TransactionContext implements TransactionPort {
  readonly channelId: string;
  readonly txId: string;
  readonly capabilities: PeerCapabilities;
  readonly localMspId: string | undefined;
  readonly batch: WriteBatch | undefined;
  readonly queue: RequestQueue;
  event: protos.ChaincodeEvent.$Properties | undefined = undefined;
  /** Set when the stream ended: nothing more is sent for this transaction. */
  closed = false;
  /**
   * Set when a request of this transaction went unanswered past its deadline: the peer may still
   * answer it late, so no later request could be matched safely; they all fail with this error.
   */
  failure: Error | undefined = undefined;
  /** When the transaction started (Date.now()). */
  readonly startedAt = Date.now();
  /** True while the transaction counts toward the handler's bound on transactions in flight. */
  holdsSlot = true;

  constructor(
    channelId: string,
    txId: string,
    capabilities: PeerCapabilities,
    localMspId: string | undefined,
    send: MessageSender,
    autoWriteBatch = false,
  ) {
    this.channelId = channelId;
    this.txId = txId;
    this.capabilities = capabilities;
    this.localMspId = localMspId;
    // Writes are batched only inside startWriteBatch()/finishWriteBatch(), or throughout with autoWriteBatch.
    this.batch = capabilities.useWriteBatch
      ? new WriteBatch(capabilities.maxSizeWriteBatch, autoWriteBatch)
      : undefined;
    this.queue = new RequestQueue(send);
  }

  request(type: MessageType, payload: Uint8Array): Promise<Buffer> {
    if (this.closed) {
      return Promise.reject(
        new StreamClosedError('the stream to the peer is closed', { txId: this.txId, channelId: this.channelId }),
      );
    }
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const pending = new Pending(type, payload, this.txId, this.channelId);
    this.queue.enqueue(pending);
    return pending.promise;
  }

  /** The stream ended: reject what waits, refuse what comes. */
  close(error: Error): void {
    this.closed = true;
    this.queue.rejectAll(error);
  }

  /** A request timed out: reject what waits and refuse what comes, with `error`. */
  fail(error: Error): void {
    this.failure = error;
    this.queue.rejectAll(error);
  }
}
