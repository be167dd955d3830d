import { runTypedClientBenchmark } from '@chaincode/dev-peer/internal';
import { configureLogging } from '@chaincode/shim';

// The hook `npm run bench` calls: checked here for what it counts, never for how fast it is.
describe('runTypedClientBenchmark', () => {
  it('runs the submits through both APIs on a fresh peer and reports each run', async () => {
    const logs: string[] = [];
    configureLogging({ level: 'info', sink: (line) => logs.push(line) });
    const result = await runTypedClientBenchmark({ count: 24, warmup: 4, concurrency: 3 });
    expect(result.typed.count).toBe(24);
    expect(result.raw.count).toBe(24);
    for (const run of [result.typed, result.raw]) {
      expect(run.totalMs).toBeGreaterThan(0);
      expect(run.perTxMs).toBeCloseTo(run.totalMs / run.count);
      expect(run.txPerSecond).toBeCloseTo((run.count * 1000) / run.totalMs);
    }
    expect(result.overheadPerTxMs).toBeCloseTo(result.typed.perTxMs - result.raw.perTxMs);
    expect(result.setupMs).toBeGreaterThan(0);
    expect(logs.filter((line) => / (WARNING|ERROR|CRITICAL) /.test(line))).toEqual([]);
  });
});
