import { backoffDelay, DEFAULT_BACKOFF, sleep } from './backoff';

describe('backoffDelay', () => {
  it('doubles its ceiling from the initial delay up to the cap, drawing between half and all of it', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 40].map((retry) => backoffDelay(DEFAULT_BACKOFF, retry, () => 1));
    expect(ceilings).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
    const floors = [0, 1, 5].map((retry) => backoffDelay(DEFAULT_BACKOFF, retry, () => 0));
    expect(floors).toEqual([125, 250, 2500]);
  });

  it('uses the given delays, and defaults for the rest', () => {
    expect(backoffDelay({ initialDelayMs: 10 }, 2, () => 1)).toBe(40);
    expect(backoffDelay({ maxDelayMs: 300 }, 9, () => 1)).toBe(300);
  });

  it('spreads the delays (jitter) within [ceiling/2, ceiling]', () => {
    let seed = 1;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const delays = Array.from({ length: 200 }, () => backoffDelay({ initialDelayMs: 100, maxDelayMs: 100 }, 3, random));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...delays)).toBeLessThanOrEqual(100);
    expect(new Set(delays).size).toBeGreaterThan(20);
  });
});

describe('sleep', () => {
  it('ends at once when its signal aborts, or is already aborted', async () => {
    const controller = new AbortController();
    const slept = sleep(60000, controller.signal);
    controller.abort();
    await slept;
    await sleep(60000, controller.signal);
  });
});
