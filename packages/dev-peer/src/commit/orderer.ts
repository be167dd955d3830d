import { DevPeerError } from '../errors/dev-peer-error';
import type { OrderedTransaction } from './ordered-transaction';
import type { Validation } from './validation-code';

/** Where a transaction ended up. */
export interface CommitOutcome extends Validation {
  readonly blockNumber: number;
  readonly txNum: number;
}

/** Validates and commits one block's transactions; resolves with each one's outcome, in order. */
export type BlockDelivery = (channelId: string, txs: readonly OrderedTransaction[]) => Promise<CommitOutcome[]>;

interface Waiter {
  resolve(outcome: CommitOutcome): void;
  reject(error: unknown): void;
}

interface Batch {
  readonly txs: OrderedTransaction[];
  readonly waiters: Waiter[];
  timer: NodeJS.Timeout | undefined;
}

/**
 * The ordering service, per channel: transactions wait in a batch until `maxMessageCount` of them
 * arrived or `batchTimeoutMs` passed since the first (configtx.yaml BatchSize / BatchTimeout), or
 * until `cut()`; blocks are delivered to the committer one at a time, in order.
 */
export class Orderer {
  private readonly batches = new Map<string, Batch>();
  private readonly chains = new Map<string, Promise<void>>();
  private closedWith: DevPeerError | undefined;

  constructor(
    private readonly cutting: { readonly maxMessageCount: number; readonly batchTimeoutMs: number },
    private readonly deliver: BlockDelivery,
  ) {}

  /** Queue a transaction; resolves once its block is committed. */
  order(tx: OrderedTransaction): Promise<CommitOutcome> {
    if (this.closedWith !== undefined) return Promise.reject(this.closedWith);
    return new Promise<CommitOutcome>((resolve, reject) => {
      let batch = this.batches.get(tx.channelId);
      if (batch === undefined) {
        batch = { txs: [], waiters: [], timer: undefined };
        this.batches.set(tx.channelId, batch);
      }
      batch.txs.push(tx);
      batch.waiters.push({ resolve, reject });
      if (batch.txs.length >= this.cutting.maxMessageCount) {
        this.cutBatch(tx.channelId);
      } else if (batch.timer === undefined) {
        batch.timer = setTimeout(() => {
          this.cutBatch(tx.channelId);
        }, this.cutting.batchTimeoutMs);
      }
    });
  }

  /** Cut the waiting batch of a channel (of every channel) now; resolves when it is committed. */
  async cut(channelId?: string): Promise<void> {
    const ids = channelId === undefined ? [...this.batches.keys()] : [channelId];
    for (const id of ids) this.cutBatch(id);
    await this.idle();
  }

  /** Resolves when every block cut so far is committed. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.chains.values()]);
  }

  /** Refuse new transactions; waiting ones fail with CC_DEVPEER_STOPPED. */
  close(): void {
    this.closedWith = new DevPeerError('CC_DEVPEER_STOPPED', 'the dev network was stopped before the block was cut');
    for (const batch of this.batches.values()) {
      if (batch.timer !== undefined) clearTimeout(batch.timer);
      for (const waiter of batch.waiters) waiter.reject(this.closedWith);
    }
    this.batches.clear();
  }

  private cutBatch(channelId: string): void {
    const batch = this.batches.get(channelId);
    if (batch === undefined || batch.txs.length === 0) return;
    this.batches.delete(channelId);
    if (batch.timer !== undefined) clearTimeout(batch.timer);
    const previous = this.chains.get(channelId) ?? Promise.resolve();
    const next = previous.then(async () => {
      try {
        const outcomes = await this.deliver(channelId, batch.txs);
        batch.waiters.forEach((waiter, i) => {
          waiter.resolve(outcomes[i] as CommitOutcome);
        });
      } catch (error) {
        for (const waiter of batch.waiters) waiter.reject(error);
      }
    });
    this.chains.set(channelId, next);
    void next.then(() => {
      if (this.chains.get(channelId) === next) this.chains.delete(channelId);
    });
  }
}
