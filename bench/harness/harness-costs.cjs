// The test harness's own costs, in a fresh process (as a test file gets one): loading the dev peer,
// starting a fresh dev peer and deploying a contract into it (in process, as tests do), and N
// sequential submits of the rmw transaction through the raw API (`peer.submit`) and through the
// typed contract client (`contractClient(peer, BenchContract).submit.rmw(key)`), measured in
// alternating chunks. Reports one JSON object over IPC. Settings come as one JSON argument:
// { freshSamples, submits }.
'use strict';
const { performance } = require('node:perf_hooks');

const settings = JSON.parse(process.argv[2] ?? '{}');
const FRESH_SAMPLES = settings.freshSamples ?? 3;
const SUBMITS = settings.submits ?? 1000;
/** Bounds every loop in time as well as in count. */
const LOOP_SECONDS = settings.loopSeconds ?? 60;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function freshPeer(DevPeer, chaincode) {
  const t0 = performance.now();
  const peer = await DevPeer.start({ host: '127.0.0.1', port: 0 });
  const t1 = performance.now();
  await peer.deployChaincode('bench', chaincode);
  const t2 = performance.now();
  const first = await peer.submit('bench', ['bench:rmw', 'counter0']);
  const t3 = performance.now();
  if (first.status !== 200) throw new Error(`first submit failed: ${first.status} ${first.message}`);
  return {
    peer,
    sample: { startMs: t1 - t0, deployMs: t2 - t1, firstSubmitMs: t3 - t2, totalMs: t3 - t0 },
  };
}

async function stopTimed(peer, sample) {
  const t = performance.now();
  await peer.stop();
  sample.stopMs = performance.now() - t;
}

/** `count` sequential submits through `submit(i)`; wall time and this process's CPU (peer + chaincode). */
async function measureSubmits(api, submit, count) {
  const deadline = performance.now() + LOOP_SECONDS * 1000;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let done = 0;
  while (done < count && performance.now() < deadline) {
    const result = await submit(done);
    if (result.status !== 200) throw new Error(`submit ${done} failed: ${result.status} ${result.message}`);
    done++;
  }
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    api,
    count: done,
    totalMs,
    usPerSubmit: (totalMs * 1000) / done,
    cpuUsPerSubmit: (cpu.user + cpu.system) / done,
  };
}

async function main() {
  const t0 = performance.now();
  const { DevPeer, contractClient } = require('@chaincode/dev-peer');
  const shim = require('@chaincode/shim');
  const api = require('@chaincode/contract-api');
  const loadModulesMs = performance.now() - t0;
  const { defineBenchContract } = require('../workloads/bench-contract.cjs');
  const createContractChaincode =
    shim.createContractChaincode ?? require('@chaincode/shim/internal').createContractChaincode;
  const contracts = defineBenchContract(api);
  const chaincode = createContractChaincode(contracts);

  const samples = [];
  let peer;
  const freshDeadline = performance.now() + LOOP_SECONDS * 1000;
  for (let i = 0; i < FRESH_SAMPLES && performance.now() < freshDeadline; i++) {
    const fresh = await freshPeer(DevPeer, chaincode);
    samples.push(fresh.sample);
    if (i === FRESH_SAMPLES - 1)
      peer = fresh.peer; // the last one serves the submits
    else await stopTimed(fresh.peer, fresh.sample);
  }
  peer ??= (await freshPeer(DevPeer, chaincode)).peer;

  const typed = contractClient(peer, contracts[0], { chaincode: 'bench' });
  const submitApis = [
    ['raw API (peer.submit)', (i) => peer.submit('bench', ['bench:rmw', `counter${i % 256}`])],
    // resolves the decoded result (none for rmw) and throws on a failure: answer a status for the loop
    ['typed client (submit.rmw)', (i) => typed.submit.rmw(`counter${i % 256}`).then(() => ({ status: 200 }))],
  ];
  // warm up each path first (JIT), then measure in alternating chunks so neither gains from drift
  for (const [name, submit] of submitApis) await measureSubmits(name, submit, Math.min(100, SUBMITS));
  const ROUNDS = 5;
  const totals = submitApis.map(([api]) => ({ api, count: 0, totalMs: 0, cpuUs: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, [name, submit]] of submitApis.entries()) {
      const want = Math.min(Math.ceil(SUBMITS / ROUNDS), SUBMITS - totals[i].count);
      const chunk = await measureSubmits(name, submit, want);
      totals[i].count += chunk.count;
      totals[i].totalMs += chunk.totalMs;
      totals[i].cpuUs += chunk.cpuUsPerSubmit * chunk.count;
    }
  }
  const submits = totals.map((t) => ({
    api: t.api,
    count: t.count,
    totalMs: t.totalMs,
    usPerSubmit: (t.totalMs * 1000) / t.count,
    cpuUsPerSubmit: t.cpuUs / t.count,
  }));
  const last = samples[samples.length - 1];
  await stopTimed(peer, last ?? {});
  const stopped = samples.filter((s) => s.stopMs !== undefined);
  return {
    loadModulesMs,
    freshPeer: {
      samples,
      medianTotalMs: median(samples.map((s) => s.totalMs)),
      median: {
        startMs: median(samples.map((s) => s.startMs)),
        deployMs: median(samples.map((s) => s.deployMs)),
        firstSubmitMs: median(samples.map((s) => s.firstSubmitMs)),
        stopMs: stopped.length > 0 ? median(stopped.map((s) => s.stopMs)) : NaN,
      },
    },
    submits,
  };
}

main().then(
  (result) => process.send?.({ type: 'bench:harness', result }),
  (err) => process.send?.({ type: 'bench:harness', result: { error: String(err?.stack ?? err) } }),
);
