'use strict';
// A contract module on @chaincode/contract-api, started as a peer starts a contract package: its
// package.json "start" script is `cc-start`, run as `cc-start --module-path <this dir> --peer.address …`.
const api = require('@chaincode/contract-api');
const { defineBenchContract } = require('../../workloads/bench-contract.cjs');

module.exports.contracts = defineBenchContract(api);
