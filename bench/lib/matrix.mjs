// The matrix: workloads × batching × in-flight levels × implementations, each implementation in its
// own chaincode process (one per workload and batching mode), all driven by one PeerDriver.
//
// One group = one workload with one batching mode:
//   1. spawn each implementation in turn (never two at once, so startups do not compete for the
//      chaincode core), and time spawn→REGISTER and spawn→first completed transaction;
//   2. for each in-flight level, lowest first: warm every process up at that level, then measure in
//      `rounds` chunks, the implementations alternating (their order rotates every round), so
//      drift in the machine's load and the driver's own warm-up favour none of them; after the
//      level, read each process's peak RSS;
//   3. stop the processes.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cellCount } from './options.mjs';
import { ask, cpuMicros, monotonicMs, spawnChaincode, statsOf, stopChaincode } from './processes.mjs';

const require = createRequire(import.meta.url);
const { PeerDriver } = require('../driver/peer-driver.cjs');
const { buildTransactions } = require('../driver/transactions.cjs');
const { IMPLEMENTATIONS } = require('../implementations/index.cjs');
const { WORKLOADS } = require('../workloads/workloads.cjs');

const REGISTER_TIMEOUT_MS = 30_000;
/** Payloads checked: the first answer of every chunk and then one in this many. */
const CHECK_EVERY = 64;

function firstLine(err) {
  return String(err?.message ?? err).split('\n')[0];
}

/**
 * Keep `inFlight` transactions outstanding until `count` were sent or `seconds` passed. Latencies of
 * completed transactions are appended to `latencies` when given.
 */
async function drive(driver, running, workload, { count, seconds, inFlight, latencies }) {
  const deadline = performance.now() + seconds * 1000;
  const pool = running.pool;
  let issued = 0;
  let completed = 0;
  let failed = 0;
  let checked = 0;
  let firstFailure;
  async function worker() {
    while (issued < count && performance.now() < deadline) {
      const transaction = pool[running.cursor++ % pool.length];
      issued++;
      const result = await driver.submit(running.name, transaction);
      completed++;
      latencies?.push(result.latencyMs);
      let problem = null;
      if (result.status !== 200) problem = `status ${result.status}: ${result.message}`;
      else if (checked++ % CHECK_EVERY === 0) problem = workload.check(result.payload, transaction.index);
      if (problem !== null) {
        failed++;
        firstFailure ??= problem;
      }
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { completed, failed, firstFailure };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Spawn one implementation, wait for REGISTER, run its first transaction; startup marks in ms. */
async function launch(driver, context, implementationId, workloadId, batching) {
  const workload = WORKLOADS[workloadId];
  const name = `${implementationId}.${workloadId}.${batching}`;
  driver.expect(name, { batching: batching === 'on', seed: workload.seed?.() ?? [] });
  const command = IMPLEMENTATIONS[implementationId].command(driver.address, name);
  const nodeFlags = context.startupProfileFlags(implementationId, name);
  const { proc, spawnAt, stderr } = spawnChaincode(command, { taskset: context.taskset, nodeFlags });
  const running = { implementationId, name, proc, pool: context.pools.get(workloadId), cursor: 0, startup: {} };
  try {
    const exited = new Promise((_, reject) =>
      proc.once('exit', (code, signal) =>
        reject(new Error(`exited (${signal ?? code}) before it registered: ${stderr().trim().split('\n').pop()}`)),
      ),
    );
    exited.catch(() => undefined);
    const { registeredAt } = await Promise.race([driver.waitForRegister(name, REGISTER_TIMEOUT_MS), exited]);
    const first = await Promise.race([driver.submit(name, running.pool[running.cursor++]), exited]);
    const firstAt = monotonicMs();
    if (first.status !== 200) throw new Error(`first transaction failed: ${first.status} ${first.message}`);
    const stats = await ask(proc, 'bench:modules');
    const { preloadAt, connectAt, modulesAtConnect } = stats.marks;
    running.startup = {
      spawnToRegisterMs: registeredAt - spawnAt,
      spawnToFirstTxMs: firstAt - spawnAt,
      bootMs: preloadAt - spawnAt,
      loadMs: connectAt === undefined ? undefined : connectAt - preloadAt,
      connectMs: connectAt === undefined ? undefined : registeredAt - connectAt,
      modulesAtConnect,
      modulesByPackage: stats.modulesByPackage,
      loadMsByPackage: stats.loadMsByPackage,
    };
    return running;
  } catch (err) {
    driver.disconnect(name);
    await stopChaincode(proc);
    throw err;
  }
}

/** One measured chunk of one running implementation, added to its cell's totals. */
async function measureChunk(driver, running, workload, cell, { count, seconds, inFlight }) {
  const before = await statsOf(running.proc);
  const receivedBefore = driver.received(running.name);
  const driverBefore = process.cpuUsage();
  const started = performance.now();
  const run = await drive(driver, running, workload, { count, seconds, inFlight, latencies: cell.latencies });
  cell.seconds += (performance.now() - started) / 1000;
  const driverCpu = process.cpuUsage(driverBefore);
  cell.messages += driver.received(running.name) - receivedBefore;
  const after = await statsOf(running.proc);
  cell.completed += run.completed;
  cell.failed += run.failed;
  cell.firstFailure ??= run.firstFailure;
  cell.cpuMicros += cpuMicros(after) - cpuMicros(before);
  cell.driverCpuMicros += driverCpu.user + driverCpu.system;
}

function rotate(list, by) {
  const shift = by % list.length;
  return [...list.slice(shift), ...list.slice(0, shift)];
}

function cellResult(base, running, cell, peakRss) {
  const sorted = Float64Array.from(cell.latencies).sort();
  return {
    ...base,
    completed: cell.completed,
    failed: cell.failed,
    ...(cell.firstFailure !== undefined ? { firstFailure: cell.firstFailure } : {}),
    seconds: cell.seconds,
    tps: cell.completed / cell.seconds,
    latencyMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99) },
    cpuUsPerTx: cell.cpuMicros / cell.completed,
    driverCpuUsPerTx: cell.driverCpuMicros / cell.completed,
    messagesPerTx: cell.messages / cell.completed,
    peakRssMb: peakRss / (1024 * 1024),
    startup: running.startup,
  };
}

/** The profile requests (--cpu-prof, --alloc-prof) for the running processes that asked for one. */
function profileRequests({ settings }, running) {
  const requests = [];
  for (const r of running) {
    const cpu = settings.cpuProf.includes(r.implementationId);
    const alloc = settings.allocProf.includes(r.implementationId);
    if (!cpu && !alloc) continue;
    const base = join(settings.profDir, r.name);
    requests.push({
      r,
      start: { cpu, alloc, cpuIntervalUs: settings.profIntervalUs },
      stop: { cpuPath: cpu ? `${base}.cpuprofile` : undefined, allocPath: alloc ? `${base}.heapprofile` : undefined },
    });
  }
  return requests;
}

/** All cells of one workload and batching mode; cells of a failed implementation carry `error`. */
async function runGroup(driver, context, workloadId, batching) {
  const { settings } = context;
  const workload = WORKLOADS[workloadId];
  const cells = [];
  const running = [];
  const failedToStart = [];
  try {
    for (const implementationId of settings.implementations) {
      if (context.budgetSpent()) {
        failedToStart.push({ implementationId, error: 'skipped: the time budget is spent' });
        continue;
      }
      try {
        running.push(await launch(driver, context, implementationId, workloadId, batching));
      } catch (err) {
        failedToStart.push({ implementationId, error: firstLine(err) });
      }
    }
    for (const inFlight of settings.inFlight) {
      const cellsOfLevel = new Map(
        running.map((r) => [
          r,
          { completed: 0, failed: 0, seconds: 0, cpuMicros: 0, driverCpuMicros: 0, messages: 0, latencies: [] },
        ]),
      );
      const errors = new Map();
      const warmup = { ...settings.warmup, inFlight };
      for (const r of running) {
        try {
          await drive(driver, r, workload, warmup);
        } catch (err) {
          errors.set(r, firstLine(err));
        }
      }
      const count = cellCount(settings, inFlight);
      const chunk = {
        count: Math.ceil(count / settings.rounds),
        seconds: settings.seconds / settings.rounds,
        inFlight,
      };
      const highest = inFlight === settings.inFlight[settings.inFlight.length - 1];
      const profiled = highest ? profileRequests(context, running) : [];
      for (const { r, start } of profiled) await ask(r.proc, 'bench:profile-start', start);
      for (let round = 0; round < settings.rounds; round++) {
        for (const r of rotate(running, round)) {
          if (errors.has(r)) continue;
          try {
            await measureChunk(driver, r, workload, cellsOfLevel.get(r), chunk);
          } catch (err) {
            errors.set(r, firstLine(err));
          }
        }
      }
      for (const { r, stop } of profiled) {
        try {
          const { written } = await ask(r.proc, 'bench:profile-stop', stop, 60_000);
          context.profiles.push(...written);
        } catch (err) {
          errors.set(r, firstLine(err));
        }
      }
      for (const r of running) {
        const base = { workload: workloadId, batching, inFlight, implementation: r.implementationId };
        if (errors.has(r)) {
          cells.push({ ...base, error: errors.get(r) });
          continue;
        }
        try {
          const stats = await statsOf(r.proc);
          const cell = cellResult(base, r, cellsOfLevel.get(r), stats.maxRss);
          const problem = workload.verify?.(driver.store(r.name));
          if (problem) cell.error = `verify: ${problem}`;
          cells.push(cell);
        } catch (err) {
          cells.push({ ...base, error: firstLine(err) });
        }
      }
      for (const { implementationId, error } of failedToStart) {
        cells.push({ workload: workloadId, batching, inFlight, implementation: implementationId, error });
      }
    }
  } finally {
    for (const r of running) driver.disconnect(r.name);
    await Promise.all(running.map((r) => stopChaincode(r.proc)));
  }
  return cells;
}

/**
 * Run the whole selected matrix; `onGroup(cells)` is called after each group (for progress).
 * Returns `{ cells, profiles }`: every cell, in the order workload → batching → in-flight →
 * implementation, and the paths of the profiles written.
 */
export async function runMatrix(settings, { taskset, budgetSpent, onGroup }) {
  const pools = new Map();
  for (const workloadId of settings.workloads) {
    pools.set(workloadId, buildTransactions(WORKLOADS[workloadId].args, settings.poolSize));
  }
  const startupProfileFlags = (implementationId, name) =>
    settings.startupProf.includes(implementationId)
      ? ['--cpu-prof', `--cpu-prof-dir=${settings.profDir}`, `--cpu-prof-name=${name}.startup.cpuprofile`]
      : [];
  const context = { settings, taskset, pools, budgetSpent, startupProfileFlags, profiles: [] };
  const driver = await PeerDriver.start();
  const cells = [];
  try {
    for (const workloadId of settings.workloads) {
      for (const batching of settings.batching) {
        const group = await runGroup(driver, context, workloadId, batching);
        const order = (cell) =>
          settings.inFlight.indexOf(cell.inFlight) * 100 + settings.implementations.indexOf(cell.implementation);
        group.sort((a, b) => order(a) - order(b));
        cells.push(...group);
        onGroup?.(group);
      }
    }
  } finally {
    await driver.stop();
  }
  return { cells, profiles: context.profiles };
}
