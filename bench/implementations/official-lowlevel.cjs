// The official fabric-shim 2.5.8, low-level: the same ChaincodeInterface started with Shim.start,
// which reads --peer.address / --chaincode-id-name from the command line.
'use strict';
const { Shim } = require('fabric-shim');
const { lowLevelChaincode } = require('../workloads/lowlevel-chaincode.cjs');

Shim.start(lowLevelChaincode({ success: (payload) => Shim.success(payload), error: (message) => Shim.error(message) }));
