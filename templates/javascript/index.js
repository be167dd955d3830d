'use strict';

const { AssetContract } = require('./lib/asset-contract');
const { Asset } = require('./lib/asset');

// What `cc-start`, `cc server` and `cc dev` load: the contracts of this chaincode.
module.exports.contracts = [AssetContract];
module.exports.AssetContract = AssetContract;
module.exports.Asset = Asset;
