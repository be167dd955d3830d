// Ours, low-level: a ChaincodeInterface started with @chaincode/shim's `start`, which reads
// --peer.address / --chaincode-id-name (and CORE_* variables) as fabric-shim's Shim.start does.
'use strict';
const shim = require('@chaincode/shim');
const { lowLevelChaincode } = require('../workloads/lowlevel-chaincode.cjs');

shim.start(lowLevelChaincode(shim)).catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
