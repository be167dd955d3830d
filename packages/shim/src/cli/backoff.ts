/** How a command retries an unreachable peer: `attempts` tries, the delay doubling up to a cap. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Give up on one attempt when READY has not arrived in this time. */
  readonly attemptTimeoutMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 6,
  initialDelayMs: 250,
  maxDelayMs: 4000,
  attemptTimeoutMs: 30000,
};

/** Delay before retry number `retry` (1-based). */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, retry - 1));
}

/** Resolve after `ms`, or at once when `signal` aborts. Never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
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
