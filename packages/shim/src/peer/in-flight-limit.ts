import type { Logger } from '../logging/logger';
import { Fifo } from './fifo';

/** A running transaction as the limit sees it. */
export interface SlotHolder {
  readonly txId: string;
  readonly channelId: string;
  /** Date.now() when it started. */
  readonly startedAt: number;
  /** True while it counts toward the limit. */
  holdsSlot: boolean;
}

export interface InFlightLimitOptions<T> {
  readonly max: number;
  /** After this long a running transaction stops counting toward `max` (it is not cancelled). */
  readonly slotTimeoutMs: number;
  readonly log: Logger;
  /** Start a transaction that waited for a slot (the slot is already taken for it). */
  readonly start: (item: T) => void;
  /** The transactions running now, for the slot-timeout sweep. */
  readonly running: () => Iterable<SlotHolder>;
}

/**
 * The bound on transactions served at once on one stream: at most `max` run, the rest wait in
 * arrival order and start as slots free up. A transaction still running after `slotTimeoutMs`
 * (the peer has given up on it by then) stops counting, so hung ones cannot block the stream.
 */
export class InFlightLimit<T> {
  readonly #options: InFlightLimitOptions<T>;
  readonly #waiting = new Fifo<T>();
  #inFlight = 0;
  #sweepTimer: NodeJS.Timeout | undefined;

  constructor(options: InFlightLimitOptions<T>) {
    this.#options = options;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  get waiting(): number {
    return this.#waiting.size;
  }

  /** Take a slot when one is free; false when the caller must `wait` instead. */
  tryAcquire(): boolean {
    if (this.#inFlight >= this.#options.max) return false;
    this.#inFlight++;
    return true;
  }

  /** Queue a transaction until a slot frees up. */
  wait(item: T): void {
    this.#waiting.push(item);
    this.#scheduleSweep();
  }

  /** A transaction finished: give its slot back (once) and start those waiting. */
  release(holder: SlotHolder): void {
    if (holder.holdsSlot) {
      holder.holdsSlot = false;
      this.#inFlight--;
    }
    this.#startWaiting();
  }

  /** Give back a slot taken for a transaction that did not start after all, and start those waiting. */
  giveBack(): void {
    this.#inFlight--;
    this.#startWaiting();
  }

  /** The stream ended: forget the waiting transactions (never started); returns how many. */
  drain(): number {
    if (this.#sweepTimer !== undefined) clearTimeout(this.#sweepTimer);
    this.#sweepTimer = undefined;
    return this.#waiting.drain().length;
  }

  #startWaiting(): void {
    while (this.#waiting.size > 0 && this.tryAcquire()) {
      this.#options.start(this.#waiting.shift() as T);
    }
  }

  /** While transactions wait, look now and then for running ones past the slot timeout. */
  #scheduleSweep(): void {
    if (this.#sweepTimer !== undefined) return;
    this.#sweepTimer = setTimeout(
      () => {
        this.#sweepTimer = undefined;
        this.#sweep();
      },
      Math.min(this.#options.slotTimeoutMs, 1000),
    );
    this.#sweepTimer.unref();
  }

  #sweep(): void {
    if (this.#waiting.size === 0) return;
    const now = Date.now();
    const oldest = now - this.#options.slotTimeoutMs;
    for (const holder of this.#options.running()) {
      if (holder.holdsSlot && holder.startedAt <= oldest) {
        holder.holdsSlot = false;
        this.#inFlight--;
        this.#options.log.warning('transaction still running after the slot timeout; no longer counted as in flight', {
          txid: holder.txId,
          channel: holder.channelId,
          runningMs: now - holder.startedAt,
        });
      }
    }
    this.#startWaiting();
    if (this.#waiting.size > 0) this.#scheduleSweep();
  }
}
