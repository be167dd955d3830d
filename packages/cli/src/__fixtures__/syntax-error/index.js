'use strict';
module.exports.contracts = [require('./lib/contract').Broken];
