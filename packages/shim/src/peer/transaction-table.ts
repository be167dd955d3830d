import { PeerRequestError, RequestTimeoutError } from '../errors/shim-error';
import type { Logger } from '../logging/logger';
import { MessageType, messageTypeName, type ChaincodeMessage } from '../wire/protos';
import { transactionKey, type TransactionContext } from './transaction-context';

/**
 * The transactions in flight on one stream, by (channel, txid), and the matching of the peer's
 * answers to their requests: a RESPONSE or ERROR settles the request at the head of its
 * transaction's queue. A request the peer leaves unanswered past `requestTimeoutMs` fails with
 * `RequestTimeoutError`, and so does every later request of that transaction (a late answer could
 * otherwise be taken for the next request's).
 */
export class TransactionTable {
  readonly #contexts = new Map<string, TransactionContext>();
  readonly #log: Logger;
  readonly #requestTimeoutMs: number;
  #deadlineTimer: NodeJS.Timeout | undefined;

  constructor(log: Logger, requestTimeoutMs: number) {
    this.#log = log;
    this.#requestTimeoutMs = requestTimeoutMs;
  }

  get size(): number {
    return this.#contexts.size;
  }

  has(channelId: string, txId: string): boolean {
    return this.#contexts.has(transactionKey(channelId, txId));
  }

  values(): IterableIterator<TransactionContext> {
    return this.#contexts.values();
  }

  add(context: TransactionContext): void {
    this.#contexts.set(transactionKey(context.channelId, context.txId), context);
    this.#watchDeadlines();
  }

  delete(context: TransactionContext): void {
    this.#contexts.delete(transactionKey(context.channelId, context.txId));
  }

  /** A RESPONSE or ERROR from the peer. */
  route(message: ChaincodeMessage): void {
    const context = this.#contexts.get(transactionKey(message.channelId, message.txid));
    const head = context?.queue.takeHead();
    if (head === undefined) {
      const late = context?.failure !== undefined;
      this.#log[late ? 'debug' : 'warning'](
        late ? 'ignoring a late answer to a request that timed out' : 'ignoring an answer for no pending request',
        { type: messageTypeName(message.type), txid: message.txid, channel: message.channelId },
      );
      return;
    }
    if (message.type === MessageType.RESPONSE) {
      head.resolve(message.payload as Buffer);
    } else {
      head.reject(
        new PeerRequestError(Buffer.from(message.payload).toString('utf8'), {
          txId: message.txid,
          channelId: message.channelId,
        }),
      );
    }
  }

  /** The stream ended: every transaction's pending requests reject with `error`; the table empties. */
  closeAll(error: Error): void {
    this.#stopWatching();
    for (const context of this.#contexts.values()) context.close(error);
  }

  #watchDeadlines(): void {
    if (this.#deadlineTimer !== undefined) return;
    // A coarse sweep for the life of the stream, not a timer per request: a request fails between
    // 1× and 1.25× its deadline (at most one second late), at no cost per request.
    const every = Math.max(10, Math.min(1000, Math.ceil(this.#requestTimeoutMs / 4)));
    this.#deadlineTimer = setInterval(() => {
      this.#expire();
    }, every);
    this.#deadlineTimer.unref();
  }

  #stopWatching(): void {
    if (this.#deadlineTimer !== undefined) clearInterval(this.#deadlineTimer);
    this.#deadlineTimer = undefined;
  }

  #expire(): void {
    const oldest = Date.now() - this.#requestTimeoutMs;
    for (const context of this.#contexts.values()) {
      const queue = context.queue;
      if (queue.size === 0 || context.closed || context.failure !== undefined || queue.headSentAt > oldest) continue;
      const head = queue.peek();
      const type = head === undefined ? 'request' : messageTypeName(head.message.type ?? 0);
      const error = new RequestTimeoutError(
        `the peer did not answer ${type} within ${this.#requestTimeoutMs} ms` +
          ` (transaction ${context.txId.substring(0, 8)} on channel ${context.channelId})`,
        { txId: context.txId, channelId: context.channelId },
      );
      this.#log.warning('a request to the peer timed out; failing the transaction', {
        type,
        txid: context.txId,
        channel: context.channelId,
        timeoutMs: this.#requestTimeoutMs,
      });
      context.fail(error);
    }
  }
}
