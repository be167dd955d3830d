'use strict';

const { Contract } = require('@chaincode/contract-api');

// a typo: a missing dot
class Broken extends Contract {
  async Broken(ctx) { return ctx stub; }
}

module.exports = { Broken };
