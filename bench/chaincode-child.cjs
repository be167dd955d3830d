// One chaincode process of the benchmark. BENCH_STACK = ours | official, BENCH_KIND = noop | rmw
// | contract. argv carries --peer.address and --chaincode-id-name, as a peer would pass them.
'use strict';
const stack = process.env.BENCH_STACK;
const kind = process.env.BENCH_KIND;

function argValue(flag) {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Low-level chaincode over a shim's `success`. */
function lowLevel(success) {
  if (kind === 'noop') {
    return { Init: async () => success(), Invoke: async () => success() };
  }
  return {
    Init: async () => success(),
    // read-modify-write: getState, parse, putState
    Invoke: async (stub) => {
      const { params } = stub.getFunctionAndParameters();
      const key = params[0];
      const current = await stub.getState(key);
      const counter = current && current.length > 0 ? JSON.parse(Buffer.from(current).toString('utf8')) : { n: 0 };
      counter.n += 1;
      await stub.putState(key, Buffer.from(JSON.stringify(counter)));
      return success();
    },
  };
}

async function main() {
  if (stack === 'official') {
    // contracts on the official stack run through `fabric-chaincode-node start` instead of this file
    const { Shim } = require('fabric-shim');
    Shim.start(lowLevel((payload) => Shim.success(payload)));
    return;
  }
  const shim = require('@chaincode/shim');
  let chaincode;
  if (kind === 'contract') {
    const api = require('@chaincode/contract-api');
    const { defineBenchContract } = require('./fixtures/bench-contract.cjs');
    chaincode = shim.createContractChaincode(defineBenchContract(api));
  } else {
    chaincode = lowLevel((payload) => shim.Shim.success(payload));
  }
  const session = await shim.startChaincode(chaincode, {
    peerAddress: argValue('--peer.address'),
    chaincodeIdName: argValue('--chaincode-id-name'),
  });
  await session.ready;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
