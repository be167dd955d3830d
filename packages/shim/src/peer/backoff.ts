/** Delays between attempts to register with the peer: capped exponential, with jitter. */
export interface BackoffOptions {
  /** Ceiling of the first delay. Default 250. */
  readonly initialDelayMs?: number;
  /** No delay is longer than this. Default 5000. */
  readonly maxDelayMs?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = Object.freeze({ initialDelayMs: 250, maxDelayMs: 5000 });

/**
 * The delay before retry number `retry` (0 for the first): the ceiling doubles from
 * `initialDelayMs` up to `maxDelayMs`, and the delay is drawn between half the ceiling and the
 * ceiling ("equal jitter"), so chaincodes that lost the same peer do not come back in step.
 */
export function backoffDelay(options: BackoffOptions, retry: number, random: () => number = Math.random): number {
  const initial = options.initialDelayMs ?? DEFAULT_BACKOFF.initialDelayMs;
  const max = options.maxDelayMs ?? DEFAULT_BACKOFF.maxDelayMs;
  const ceiling = Math.min(max, initial * 2 ** Math.min(Math.max(0, retry), 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Resolve after `ms`, or at once when `signal` aborts. Never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true || ms <= 0) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
