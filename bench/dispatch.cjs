// Contract-layer CPU per transaction, ours vs fabric-contract-api 2.5.8, side by side in one
// process, no peer and no wire: both chaincodes' `Invoke(stub)` (ours from @chaincode/shim's
// built dist/, theirs from fabric-shim's ChaincodeFromContract) driven with the same stub. The stub
// is a fake at the stub boundary carrying a real creator certificate (issued by the DevPeer's CA),
// so each side's ClientIdentity does its real work. `node bench/run.mjs --sections dispatch`.
//
// Both stacks are warmed up, then measured in alternating chunks (as the peer workloads are), and
// every loop is bounded by a call count AND a time limit.
'use strict';
const { defineBenchContract } = require('./workloads/bench-contract.cjs');
const { WORKLOADS } = require('./workloads/workloads.cjs');

const WARMUP_CALLS = 500;
const ROUNDS = 5;

const workloads = [
  { id: 'noop', title: 'dispatch noop', args: () => ['bench:noop'] },
  {
    id: 'object',
    title: 'dispatch @Object parameter',
    args: (i) => WORKLOADS.object.args(i),
    check: (payload, i) => WORKLOADS.object.check(payload, i),
  },
];

function fakeStub(args, creator) {
  const buffers = args.map((a) => Buffer.from(a));
  return {
    getBufferArgs: () => buffers,
    getArgs: () => args,
    getStringArgs: () => args,
    getTxID: () => 'tx1',
    getChannelID: () => 'mychannel',
    getCreator: () => creator,
    getFunctionAndParameters: () => ({ fcn: args[0] ?? '', params: args.slice(1) }),
  };
}

/** Both chaincodes over the same contract source, each on its own contract API. */
function chaincodes() {
  // both stacks read it when their loggers are made: the official logs every decorator at info
  process.env.CORE_CHAINCODE_LOGGING_LEVEL ??= 'warning';
  const { createContractChaincode } = require('@chaincode/shim');
  const ChaincodeFromContract = require('fabric-shim/lib/contract-spi/chaincodefromcontract');
  const officialApi = require('fabric-contract-api');
  return {
    ours: createContractChaincode(defineBenchContract(require('@chaincode/contract-api'))),
    official: new ChaincodeFromContract(
      defineBenchContract(officialApi),
      { transaction: 'jsonSerializer', serializers: { jsonSerializer: officialApi.JSONSerializer } },
      {},
      'bench',
      '1',
    ),
  };
}

/** `calls` Invokes (fewer if `seconds` run out); returns the count done and the CPU µs spent. */
async function invokeMany(chaincode, workload, creator, { calls, seconds, offset }) {
  const deadline = Date.now() + seconds * 1000;
  const stubs = Array.from({ length: Math.min(calls, 64) }, (_, i) => fakeStub(workload.args(offset + i), creator));
  const before = process.cpuUsage();
  let done = 0;
  while (done < calls && Date.now() < deadline) {
    const response = await chaincode.Invoke(stubs[done % stubs.length]);
    if (response.status !== 200) throw new Error(`status ${response.status}: ${response.message}`);
    const problem = done === 0 ? (workload.check?.(response.payload, offset) ?? null) : null;
    if (problem !== null) throw new Error(problem);
    done++;
  }
  const used = process.cpuUsage(before);
  return { done, micros: used.user + used.system };
}

/**
 * Rows `{ workload, stack, calls, cpuPerCall }` (or `{ workload, stack, error }`), ours first.
 * `count` calls per stack and workload, at most `seconds` each.
 */
async function runDispatch({ count, seconds }) {
  const { DevPeer } = require('@chaincode/dev-peer');
  const peer = await DevPeer.start({ host: '127.0.0.1', port: 0 });
  const identity = peer.defaultIdentity;
  await peer.stop();
  const creator = { mspid: identity.mspId, idBytes: Buffer.from(identity.certificate) };
  const stacks = chaincodes();
  const rows = [];
  for (const workload of workloads) {
    const totals = Object.fromEntries(Object.keys(stacks).map((stack) => [stack, { calls: 0, micros: 0 }]));
    try {
      for (const chaincode of Object.values(stacks)) {
        await invokeMany(chaincode, workload, creator, { calls: WARMUP_CALLS, seconds: 5, offset: 1_000_000 });
      }
      const chunk = { calls: Math.ceil(count / ROUNDS), seconds: seconds / ROUNDS };
      for (let round = 0; round < ROUNDS; round++) {
        for (const [stack, chaincode] of Object.entries(stacks)) {
          const { done, micros } = await invokeMany(chaincode, workload, creator, {
            ...chunk,
            offset: round * chunk.calls,
          });
          totals[stack].calls += done;
          totals[stack].micros += micros;
        }
      }
      for (const [stack, { calls, micros }] of Object.entries(totals)) {
        rows.push({ workload, stack, calls, cpuPerCall: micros / calls });
      }
    } catch (err) {
      rows.push({ workload, stack: 'both', error: String(err?.message ?? err).split('\n')[0] });
    }
  }
  return rows;
}

module.exports = { runDispatch };
