// Side-by-side throughput and chaincode CPU: @chaincode/shim vs the official fabric-shim 2.5.8,
// both driven by one peer over real gRPC on 127.0.0.1.
//
//   npm run bench                       (builds first, then runs this file)
//   node bench/run.mjs [--peer dev|fake] [--count N] [--seconds S] [--in-flight K]
//                      [--only noop,rmw,contract-noop,contract-object,dispatch]
//
// --only dispatch: the contract layer alone, in this process, no peer and no wire (bench/dispatch.cjs):
// both stacks' contract chaincode `Invoke(stub)` with the same stub, CPU µs per call.
//
// --peer dev (default): the embedded DevPeer is the peer, with real proposals, simulation and
// read/write sets. --peer fake: bench/fake-peer.cjs, a minimal peer that does almost nothing per
// message, so the numbers show the chaincode stack alone (low-level workloads only: it sends no
// signed proposal, which the contract workloads need).
//
// Each chaincode runs in its own child process (preloaded with cpu-probe.cjs, which reports
// process.cpuUsage() over IPC), so the CPU it spends per transaction is measured the same way for
// both stacks. Both stacks of a workload are started and warmed up (2000 tx each, which also warms
// the peer), then measured in alternating chunks, so neither is favoured by the peer's own warm-up
// or by drift in the machine's load: with 400 warm-up tx and one run after the other, the stack
// measured first showed 30-60 µs/tx more peer CPU, whichever it was. Every load loop is bounded by
// a transaction count AND a time limit.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}
const MEASURE_COUNT = Number(option('count', '10000'));
const MEASURE_SECONDS = Number(option('seconds', '8'));
const IN_FLIGHT = Number(option('in-flight', '64'));
const PEER = option('peer', 'dev');
/** Each stack's measurement is split into this many chunks, alternating between the stacks. */
const ROUNDS = 5;
const WARMUP_COUNT = 2000;
const WARMUP_SECONDS = 3;
const TOTAL_BUDGET_MS = 115_000;
const ONLY = option('only', '')
  .split(',')
  .filter((name) => name !== '');

const STACKS = ['ours', 'official'];
/** The in-process contract-layer workloads (bench/dispatch.cjs), selected as one. */
const DISPATCH = 'dispatch';
const DISPATCH_COUNT = 4000;

let Peer;
try {
  require('@chaincode/shim');
  Peer = PEER === 'fake' ? require('./fake-peer.cjs').FakePeer : require('@chaincode/dev-peer').DevPeer;
} catch (err) {
  console.error(`cannot load the built packages (run \`npm run build\` first): ${err.message}`);
  process.exitCode = 1;
}

const probe = join(here, 'cpu-probe.cjs');
const child = join(here, 'chaincode-child.cjs');
const officialCli = require.resolve('fabric-shim/cli.js');
const officialContractDir = join(here, 'fixtures', 'official-contract');

/** The workloads; `args(i)` gives the i-th transaction's arguments. */
const workloads = [
  { id: 'noop', title: 'low-level noop', kind: 'noop', args: () => ['noop'] },
  {
    id: 'rmw',
    title: 'low-level read-modify-write',
    kind: 'rmw',
    args: (i) => ['inc', `counter${i % 256}`],
    verify: (peer, name) => {
      const value = peer.getState(name, 'counter0');
      const counter = value === undefined ? undefined : JSON.parse(Buffer.from(value).toString('utf8'));
      if (!(counter?.n > 0)) throw new Error(`counter0 was not written: ${JSON.stringify(counter)}`);
    },
  },
  {
    id: 'contract-noop',
    title: 'contract noop',
    kind: 'contract',
    contract: true,
    needsProposal: true,
    args: () => ['bench:noop'],
  },
  {
    id: 'contract-object',
    title: 'contract @Object parameter',
    kind: 'contract',
    contract: true,
    needsProposal: true,
    args: (i) => ['bench:createAsset', JSON.stringify({ id: `asset${i}`, owner: 'bob', value: i })],
    expectPayload: 'bob',
  },
];

function spawnChaincode(stack, workload, peerAddress, name) {
  const flags = ['--peer.address', peerAddress, '--chaincode-id-name', name];
  const officialContract = stack === 'official' && workload.contract;
  const script = officialContract ? officialCli : child;
  const args = officialContract ? ['start', '--module-path', officialContractDir, ...flags] : flags;
  const proc = fork(script, args, {
    execArgv: ['-r', probe],
    env: { ...process.env, BENCH_STACK: stack, BENCH_KIND: workload.kind },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  proc.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  return { proc, stderr: () => stderr };
}

let cpuRequest = 0;
function cpuOf(proc) {
  const id = ++cpuRequest;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.off('message', onMessage);
      reject(new Error('the chaincode process did not report its CPU time'));
    }, 5000);
    function onMessage(message) {
      if (message && message.type === 'cpu' && message.id === id) {
        clearTimeout(timer);
        proc.off('message', onMessage);
        resolve(message);
      }
    }
    proc.on('message', onMessage);
    proc.send({ type: 'cpu', id });
  });
}

async function stopChild(proc) {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/** Keep `inFlight` transactions outstanding until `count` are done or `seconds` have passed. */
async function drive(peer, name, workload, { count, seconds, offset }) {
  const deadline = Date.now() + seconds * 1000;
  let issued = 0;
  let completed = 0;
  let failed = 0;
  let firstFailure;
  let payloadChecked = workload.expectPayload === undefined;
  async function worker() {
    while (issued < count && Date.now() < deadline) {
      const index = offset + issued++;
      const result = await peer.submit(name, workload.args(index));
      completed++;
      if (result.status !== 200) {
        failed++;
        firstFailure ??= `${result.status} ${result.message}`;
      } else if (!payloadChecked) {
        const text = Buffer.from(result.payload).toString('utf8');
        if (text !== workload.expectPayload) throw new Error(`unexpected payload ${JSON.stringify(text)}`);
        payloadChecked = true;
      }
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { completed, failed, firstFailure };
}

/** Spawn one stack's chaincode for a workload, wait until it registered, and warm it up. */
async function startStack(peer, stack, workload) {
  const name = `${stack}-${workload.id}`;
  const { proc, stderr } = spawnChaincode(stack, workload, peer.address, name);
  const running = { stack, name, proc };
  try {
    await Promise.race([
      peer.waitForChaincode(name, { timeoutMs: 20000 }),
      new Promise((_, reject) =>
        proc.once('exit', (code) => reject(new Error(`exited with ${code} before registering: ${stderr()}`))),
      ),
    ]);
    await drive(peer, name, workload, { count: WARMUP_COUNT, seconds: WARMUP_SECONDS, offset: 1_000_000 });
    return running;
  } catch (err) {
    await stopChild(proc);
    throw err;
  }
}

/** One measured chunk of a started, warmed-up stack, added to its running totals. */
async function measureChunk(peer, running, workload, { count, seconds, offset }) {
  const { name, proc, totals } = running;
  const cpuBefore = await cpuOf(proc);
  const peerCpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const run = await drive(peer, name, workload, { count, seconds, offset });
  totals.seconds += Number(process.hrtime.bigint() - started) / 1e9;
  const peerCpu = process.cpuUsage(peerCpuBefore);
  const cpuAfter = await cpuOf(proc);
  totals.completed += run.completed;
  totals.failed += run.failed;
  totals.firstFailure ??= run.firstFailure;
  totals.chaincodeMicros +=
    cpuAfter.usage.user - cpuBefore.usage.user + (cpuAfter.usage.system - cpuBefore.usage.system);
  totals.peerMicros += peerCpu.user + peerCpu.system;
  totals.rss = cpuAfter.rss;
}

function rowOf({ stack, totals }, workload) {
  return {
    stack,
    workload,
    completed: totals.completed,
    failed: totals.failed,
    firstFailure: totals.firstFailure,
    tps: totals.completed / totals.seconds,
    cpuPerTx: totals.chaincodeMicros / totals.completed,
    peerCpuPerTx: totals.peerMicros / totals.completed,
    rssMb: totals.rss / 1024 / 1024,
  };
}

function firstLine(err) {
  return String(err?.message ?? err).split('\n')[0];
}

/**
 * Both stacks of one workload: start and warm up each, then measure them in alternating chunks
 * (ROUNDS of each), so drift in the machine's load or the peer's own warm-up does not favour the
 * stack measured second. Rows come back in STACKS order.
 */
async function runWorkload(peer, workload, budgetSpent) {
  const started = [];
  const rows = [];
  try {
    for (const stack of STACKS) {
      if (budgetSpent()) {
        rows.push({ stack, workload, error: 'skipped: total time budget spent' });
        continue;
      }
      try {
        const running = await startStack(peer, stack, workload);
        running.totals = { completed: 0, failed: 0, seconds: 0, chaincodeMicros: 0, peerMicros: 0, rss: 0 };
        started.push(running);
      } catch (err) {
        rows.push({ stack, workload, error: firstLine(err) });
      }
    }
    const chunk = { count: Math.ceil(MEASURE_COUNT / ROUNDS), seconds: MEASURE_SECONDS / ROUNDS };
    let measuring = started;
    for (let round = 0; round < ROUNDS; round++) {
      for (const running of measuring) {
        try {
          await measureChunk(peer, running, workload, { ...chunk, offset: round * chunk.count });
        } catch (err) {
          running.error = firstLine(err);
        }
      }
      measuring = measuring.filter((running) => running.error === undefined);
    }
    for (const running of started) {
      if (running.error !== undefined) {
        rows.push({ stack: running.stack, workload, error: running.error });
        continue;
      }
      try {
        workload.verify?.(peer, running.name);
      } catch (err) {
        rows.push({ stack: running.stack, workload, error: firstLine(err) });
        continue;
      }
      const row = rowOf(running, workload);
      rows.push(row);
      console.log(
        `  ${workload.title} / ${row.stack}: ${row.completed} tx, ${row.tps.toFixed(0)} tx/s, ${row.cpuPerTx.toFixed(0)} µs CPU/tx` +
          (row.failed > 0 ? `, ${row.failed} failed (${row.firstFailure})` : ''),
      );
    }
  } finally {
    await Promise.all(started.map(({ proc }) => stopChild(proc)));
  }
  for (const row of rows) if (row.error !== undefined) console.log(`  ${workload.title} / ${row.stack}: ${row.error}`);
  return rows.sort((a, b) => STACKS.indexOf(a.stack) - STACKS.indexOf(b.stack));
}

function pad(text, width, right = false) {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

function printTable(rows) {
  const header = [
    pad('workload', 28),
    pad('stack', 9),
    pad('tx', 6, true),
    pad('failed', 7, true),
    pad('tx/s', 9, true),
    pad('cc CPU µs/tx', 13, true),
    pad('peer CPU µs/tx', 15, true),
    pad('cc RSS MB', 10, true),
  ].join(' ');
  console.log(`\n${header}\n${'-'.repeat(header.length)}`);
  const byWorkload = new Map();
  for (const row of rows) {
    if (!byWorkload.has(row.workload.id)) byWorkload.set(row.workload.id, []);
    byWorkload.get(row.workload.id).push(row);
  }
  for (const group of byWorkload.values()) {
    for (const row of group) {
      if (row.error !== undefined) {
        console.log(`${pad(row.workload.title, 28)} ${pad(row.stack, 9)} ERROR: ${row.error}`);
        continue;
      }
      console.log(
        [
          pad(row.workload.title, 28),
          pad(row.stack, 9),
          pad(row.completed, 6, true),
          pad(row.failed, 7, true),
          pad(row.tps.toFixed(0), 9, true),
          pad(row.cpuPerTx.toFixed(0), 13, true),
          pad(row.peerCpuPerTx.toFixed(0), 15, true),
          pad(row.rssMb.toFixed(0), 10, true),
        ].join(' '),
      );
    }
    const ours = group.find((row) => row.stack === 'ours' && row.error === undefined);
    const official = group.find((row) => row.stack === 'official' && row.error === undefined);
    if (ours && official) {
      console.log(
        `${pad('', 28)} ${pad('ratio', 9)} ${pad('ours/official:', 14)} tx/s ×${(ours.tps / official.tps).toFixed(2)}, ` +
          `chaincode CPU/tx ×${(ours.cpuPerTx / official.cpuPerTx).toFixed(2)}`,
      );
    }
  }
}

function printDispatchTable(rows) {
  const header = [pad('workload', 28), pad('stack', 9), pad('calls', 6, true), pad('cc CPU µs/call', 15, true)].join(
    ' ',
  );
  console.log(`\n${header}\n${'-'.repeat(header.length)}`);
  for (const row of rows) {
    if (row.error !== undefined) {
      console.log(`${pad(row.workload.title, 28)} ${pad(row.stack, 9)} ERROR: ${row.error}`);
      continue;
    }
    const cells = [pad(row.workload.title, 28), pad(row.stack, 9), pad(row.calls, 6, true)];
    console.log([...cells, pad(row.cpuPerCall.toFixed(1), 15, true)].join(' '));
    const ours = rows.find((r) => r.workload === row.workload && r.stack === 'ours' && r.error === undefined);
    if (row.stack === 'official' && ours !== undefined) {
      const ratio = (ours.cpuPerCall / row.cpuPerCall).toFixed(3);
      console.log(`${pad('', 28)} ${pad('ratio', 9)} ${pad('ours/official:', 14)} chaincode CPU/call ×${ratio}`);
    }
  }
}

/** Both stacks' contract layer in this process (no peer), before any peer workload warms the process. */
async function runDispatchWorkloads() {
  const { runDispatch } = require('./dispatch.cjs');
  console.log(
    `contract layer in process: Invoke(stub), up to ${DISPATCH_COUNT} calls or ${MEASURE_SECONDS} s per stack`,
  );
  const rows = await runDispatch({ count: DISPATCH_COUNT, seconds: MEASURE_SECONDS });
  printDispatchTable(rows);
  return rows.some((row) => row.error !== undefined);
}

async function runPeerWorkloads(selected, began) {
  const peer = await Peer.start({ host: '127.0.0.1', port: 0 });
  const budgetSpent = () => Date.now() - began > TOTAL_BUDGET_MS;
  const rows = [];
  try {
    console.log(
      `\n${PEER === 'fake' ? 'fake peer' : 'DevPeer'} at ${peer.address}; ${IN_FLIGHT} transactions in flight; ` +
        `warm-up ${WARMUP_COUNT} tx / ${WARMUP_SECONDS} s; ` +
        `measure up to ${MEASURE_COUNT} tx or ${MEASURE_SECONDS} s per run (node ${process.version})`,
    );
    for (const workload of selected) {
      if (workload.needsProposal && PEER === 'fake') {
        console.log(`  ${workload.title}: skipped (the fake peer sends no signed proposal; use --peer dev)`);
        continue;
      }
      rows.push(...(await runWorkload(peer, workload, budgetSpent)));
    }
  } finally {
    await peer.stop();
  }
  printTable(rows);
  return rows.some((row) => (row.error !== undefined && !row.error.startsWith('skipped: needs')) || row.failed > 0);
}

async function main() {
  if (Peer === undefined) return;
  const unknown = ONLY.filter((id) => id !== DISPATCH && !workloads.some((workload) => workload.id === id));
  if (unknown.length > 0) {
    console.error(`unknown --only workload(s): ${unknown.join(', ')}`);
    process.exitCode = 1;
    return;
  }
  const began = Date.now();
  const selected = workloads.filter((workload) => ONLY.length === 0 || ONLY.includes(workload.id));
  let failed = false;
  if (ONLY.length === 0 || ONLY.includes(DISPATCH)) failed = (await runDispatchWorkloads()) || failed;
  if (selected.length > 0) failed = (await runPeerWorkloads(selected, began)) || failed;
  console.log(`\ntotal ${((Date.now() - began) / 1000).toFixed(1)} s`);
  if (failed) process.exitCode = 1;
}

await main();
