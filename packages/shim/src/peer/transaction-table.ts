import { PeerRequestError, RequestTimeoutError } from '../errors/shim-error';
import type { Logger } from '../logging/logger';
import { MessageType, messageTypeName, type ChaincodeMessage } from '../wire/protos';
import type { TransactionContext } from './transaction-context';

/**
 * The transactions in flight on one stream, by (channel, txid), and the matching of the peer's
 * answers to their requests: a RESPONSE or ERROR settles the request at the head of its
 * transaction's queue. A request the peer leaves unanswered past `requestTimeoutMs` fails with
 * `RequestTimeoutError`, and so does every later request of that transaction (a late answer could
 * otherwise be taken for the next request's).
 */
export class TransactionTable {
  /**
   * By channel, then txid. (One map keyed by channel + txid would build, flatten and hash a new
   * ~80-character string for every lookup: for each request's answer, twice per transaction.)
   */
  readonly #channels = new Map<string, Map<string, TransactionContext>>();
  #size = 0;
  readonly #log: Logger;
  readonly #requestTimeoutMs: number;
  #deadlineTimer: NodeJS.Timeout | undefined;

  constructor(log: Logger, requestTimeoutMs: number) {
    this.#log = log;
    this.#requestTimeoutMs = requestTimeoutMs;
  }

  get size(): number {
    return this.#size;
  }

  has(channelId: string, txId: string): boolean {
    return this.#channels.get(channelId)?.has(txId) === true;
  }

  *values(): IterableIterator<TransactionContext> {
    for (const contexts of this.#channels.values()) yield* contexts.values();
  }

  add(context: TransactionContext): void {
    let contexts = this.#channels.get(context.channelId);
    if (contexts === undefined) {
      contexts = new Map();
      this.#channels.set(context.channelId, contexts);
    }
    if (!contexts.has(context.txId)) this.#size += 1;
    contexts.set(context.txId, context);
    this.#watchDeadlines();
  }

  delete(context: TransactionContext): void {
    const contexts = this.#channels.get(context.channelId);
    if (contexts?.delete(context.txId) !== true) return;
    this.#size -= 1;
    if (contexts.size === 0) this.#channels.delete(context.channelId);
  }

  /** A RESPONSE or ERROR from the peer. */
  route(message: ChaincodeMessage): void {
    const context = this.#channels.get(message.channelId)?.get(message.txid);
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
    for (const context of this.values()) context.close(error);
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
    for (const context of this.values()) {
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
