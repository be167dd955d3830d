'use strict';
// A contract module on the official fabric-contract-api 2.5.8, started as the peer starts one:
// `fabric-chaincode-node start --module-path <this dir> --peer.address …`.
const api = require('fabric-contract-api');
const { defineBenchContract } = require('../../workloads/bench-contract.cjs');

module.exports.contracts = defineBenchContract(api);
