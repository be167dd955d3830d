// The test harness's own costs, in a fresh process (as a test file gets one): loading the dev peer,
// starting a fresh dev peer and deploying a contract into it (in process, as tests do), and N
// sequential submits of the rmw transaction through the raw API (`peer.submit`). Reports one JSON
// object over IPC. Settings come as one JSON argument: { freshSamples, submits }.
//
// The typed client (packages/dev-peer/src/client/) is measured with the same loop once it exists:
// see `submitApis` below.
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
  const { DevPeer } = require('@chaincode/dev-peer');
  const shim = require('@chaincode/shim');
  const api = require('@chaincode/contract-api');
  const loadModulesMs = performance.now() - t0;
  const { defineBenchContract } = require('../workloads/bench-contract.cjs');
  const createContractChaincode =
    shim.createContractChaincode ?? require('@chaincode/shim/internal').createContractChaincode;
  const chaincode = createContractChaincode(defineBenchContract(api));

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

  const submitApis = [
    ['raw API (peer.submit)', (i) => peer.submit('bench', ['bench:rmw', `counter${i % 256}`])],
    // The typed client, once packages/dev-peer/src/client/ lands, is one more line here, e.g.:
    // ['typed client', (i) => typedBench.rmw(`counter${i % 256}`)],
  ];
  const submits = [];
  for (const [name, submit] of submitApis) {
    // warm up the path first (JIT), then measure
    await measureSubmits(name, submit, Math.min(100, SUBMITS));
    submits.push(await measureSubmits(name, submit, SUBMITS));
  }
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
