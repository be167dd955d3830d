// The workloads as a low-level chaincode (fabric-shim's ChaincodeInterface: Init and Invoke over a
// stub), written once for either shim: ours and the official one differ only in `success`/`error`.
'use strict';
const { CONTRACT, WRITE_VALUE, assetProblem, writeKeys } = require('./workloads.cjs');

const EMPTY = Buffer.alloc(0);

/** @param shim `{ success(payload?), error(message) }` of one shim package */
function lowLevelChaincode(shim) {
  const handlers = {
    noop: async () => shim.success(EMPTY),
    rmw: async (stub, [key]) => {
      const current = await stub.getState(key);
      const counter = current.length > 0 ? JSON.parse(Buffer.from(current).toString('utf8')) : { n: 0 };
      counter.n += 1;
      await stub.putState(key, Buffer.from(JSON.stringify(counter)));
      return shim.success(EMPTY);
    },
    range: async (stub, [start, end]) => {
      let count = 0;
      for await (const entry of stub.getStateByRange(start, end)) {
        if (entry.key !== '' && entry.value !== undefined) count++;
      }
      return shim.success(Buffer.from(String(count)));
    },
    createAsset: async (_stub, [json]) => {
      const value = JSON.parse(json);
      const problem = assetProblem(value);
      if (problem !== null) return shim.error(problem);
      return shim.success(Buffer.from(JSON.stringify(value)));
    },
    write10: async (stub, [prefix]) => {
      for (const key of writeKeys(prefix)) await stub.putState(key, WRITE_VALUE);
      return shim.success(EMPTY);
    },
  };
  const prefix = `${CONTRACT}:`;
  return {
    Init: async () => shim.success(EMPTY),
    Invoke: async (stub) => {
      const { fcn, params } = stub.getFunctionAndParameters();
      const name = fcn.startsWith(prefix) ? fcn.slice(prefix.length) : '';
      const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
      if (handler === undefined) return shim.error(`unknown function ${fcn}`);
      try {
        return await handler(stub, params);
      } catch (err) {
        return shim.error(String(err?.message ?? err));
      }
    },
  };
}

module.exports = { lowLevelChaincode };
