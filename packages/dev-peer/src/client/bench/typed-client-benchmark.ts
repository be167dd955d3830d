import { performance } from 'node:perf_hooks';
import { createContractChaincode } from '@chaincode/shim';
import { DevPeer } from '../../network/dev-peer';
import { contractClient } from '../contract-client';
import { BenchContract } from './bench-contract';

export interface TypedClientBenchmarkOptions {
  /** Submits measured through each API. Default 1000. */
  readonly count?: number;
  /** Submits through each API before measuring. Default 200. */
  readonly warmup?: number;
  /** Submits in flight at once. Default 1 (one after the other: the latency of a call). */
  readonly concurrency?: number;
  /** Stop measuring after this long (the counts are then smaller). Default 60000. */
  readonly timeLimitMs?: number;
}

export interface BenchmarkRun {
  /** Submits measured. */
  readonly count: number;
  readonly totalMs: number;
  readonly perTxMs: number;
  readonly txPerSecond: number;
}

export interface TypedClientBenchmarkResult {
  /** `DevPeer.start()` plus deploying the benchmark contract in process. */
  readonly setupMs: number;
  /** `assets.submit.CreateAsset(...)` through the typed client (value decoded from JSON). */
  readonly typed: BenchmarkRun;
  /** `peer.submit(...)` with the arguments as strings, the status checked and the payload JSON-parsed by hand. */
  readonly raw: BenchmarkRun;
  /** `typed.perTxMs - raw.perTxMs`: what the typed client adds per call. */
  readonly overheadPerTxMs: number;
}

const CHAINCODE = 'typed-client-bench';
const ROUNDS = 5;

/**
 * N submits through the typed contract client against N through the raw byte API, on a fresh dev
 * peer with the benchmark contract deployed in process. Both are warmed up, then measured in
 * alternating chunks so neither gains from the other's warm-up or from drift in the machine's
 * load. Bounded by the counts and by `timeLimitMs`. For `npm run bench`.
 */
export async function runTypedClientBenchmark(
  options: TypedClientBenchmarkOptions = {},
): Promise<TypedClientBenchmarkResult> {
  const count = positive(options.count, 1000);
  const warmup = Math.max(0, Math.floor(options.warmup ?? 200));
  const concurrency = positive(options.concurrency, 1);
  const deadline = performance.now() + positive(options.timeLimitMs, 60000);
  const setupStart = performance.now();
  const peer = await DevPeer.start();
  try {
    await peer.deployChaincode(CHAINCODE, createContractChaincode([BenchContract]));
    const setupMs = performance.now() - setupStart;
    const assets = contractClient(peer, BenchContract, { chaincode: CHAINCODE });
    let sequence = 0;
    const typed = async (): Promise<void> => {
      const id = `typed-${String(sequence++)}`;
      const asset = await assets.submit.CreateAsset(id, 'blue', 5, 'Tomoko');
      if (asset.id !== id) throw new Error(`the typed client answered ${asset.id} for ${id}`);
    };
    const raw = async (): Promise<void> => {
      const id = `raw-${String(sequence++)}`;
      const result = await peer.submit(CHAINCODE, ['BenchContract:CreateAsset', id, 'blue', '5', 'Tomoko']);
      if (result.status >= 400) throw new Error(`raw submit failed: ${result.message}`);
      const asset = JSON.parse(Buffer.from(result.payload).toString('utf8')) as { id: string };
      if (asset.id !== id) throw new Error(`the raw API answered ${asset.id} for ${id}`);
    };
    await runMany(typed, warmup, concurrency, deadline);
    await runMany(raw, warmup, concurrency, deadline);
    const totals = { typed: { count: 0, ms: 0 }, raw: { count: 0, ms: 0 } };
    const chunk = Math.ceil(count / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, call] of [
        ['typed', typed],
        ['raw', raw],
      ] as const) {
        const want = Math.min(chunk, count - totals[name].count);
        const start = performance.now();
        const done = await runMany(call, want, concurrency, deadline);
        totals[name].ms += performance.now() - start;
        totals[name].count += done;
      }
    }
    const typedRun = stats(totals.typed.count, totals.typed.ms);
    const rawRun = stats(totals.raw.count, totals.raw.ms);
    return { setupMs, typed: typedRun, raw: rawRun, overheadPerTxMs: typedRun.perTxMs - rawRun.perTxMs };
  } finally {
    await peer.stop();
  }
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

/** Run `call` `count` times with up to `concurrency` at once, stopping at `deadline`; how many ran. */
async function runMany(
  call: () => Promise<void>,
  count: number,
  concurrency: number,
  deadline: number,
): Promise<number> {
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < count && performance.now() < deadline) {
      started++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(count, 0)) }, worker));
  return started;
}

function stats(count: number, totalMs: number): BenchmarkRun {
  return {
    count,
    totalMs,
    perTxMs: count === 0 ? 0 : totalMs / count,
    txPerSecond: totalMs === 0 ? 0 : (count * 1000) / totalMs,
  };
}
