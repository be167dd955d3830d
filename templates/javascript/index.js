'use strict';

const { AssetContract } = require('./lib/asset-contract');
const { Asset } = require('./lib/asset');

// What `cc-start`, `fabric-chaincode-node server` and `chaincode dev` load: the contracts of this chaincode.
module.exports.contracts = [AssetContract];
module.exports.AssetContract = AssetContract;
module.exports.Asset = Asset;
