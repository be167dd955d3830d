import { errorMessage } from '@chaincode/contract-api/internal';
import { StreamClosedError } from '../errors/shim-error';
import type { ChaincodeMessageInit } from '../wire/protos';
import { Fifo } from './fifo';

/** One stub request waiting for the peer's RESPONSE or ERROR. */
export interface PendingRequest {
  readonly message: ChaincodeMessageInit;
  resolve(payload: Buffer): void;
  reject(error: Error): void;
}

/** Writes a message to the stream; throws when the stream can no longer be written. */
export type MessageSender = (message: ChaincodeMessageInit) => void;

/**
 * The requests of one (channel, txid), first in first out. Only the head is on the wire: the peer
 * drops a second outstanding request for the same transaction, so the next one is sent only when
 * the head has been answered.
 */
export class RequestQueue {
  readonly #send: MessageSender;
  readonly #items = new Fifo<PendingRequest>();
  #headSentAt = 0;

  constructor(send: MessageSender) {
    this.#send = send;
  }

  /** Number of requests not yet answered (the one on the wire included). */
  get size(): number {
    return this.#items.size;
  }

  /** When the request on the wire was sent (Date.now()); meaningless while the queue is empty. */
  get headSentAt(): number {
    return this.#headSentAt;
  }

  /** The request on the wire, left in place; undefined when nothing is pending. */
  peek(): PendingRequest | undefined {
    return this.#items.peek();
  }

  /** Queue a request; it goes out at once when nothing else of this transaction is pending. */
  enqueue(request: PendingRequest): void {
    this.#items.push(request);
    if (this.#items.size === 1) this.#sendHead();
  }

  /**
   * Take the request on the wire (the peer just answered it) and send the next one.
   * Returns undefined when nothing was pending.
   */
  takeHead(): PendingRequest | undefined {
    const head = this.#items.shift();
    if (head !== undefined && this.#items.size > 0) this.#sendHead();
    return head;
  }

  /** Reject every pending request (the stream ended) and empty the queue. */
  rejectAll(error: Error): void {
    for (const request of this.#items.drain()) request.reject(error);
  }

  #sendHead(): void {
    // A failing write rejects that request and moves on, so later requests are not stranded.
    for (let head = this.#items.peek(); head !== undefined; head = this.#items.peek()) {
      try {
        this.#send(head.message);
        this.#headSentAt = Date.now();
        return;
      } catch (err) {
        this.#items.shift();
        head.reject(err instanceof Error ? err : new StreamClosedError(errorMessage(err), { cause: err }));
      }
    }
  }
}
