// The workloads as a decorated contract, written once in plain JS and decorated by hand (as
// TypeScript's legacy decorators with emitDecoratorMetadata would), for either contract API: ours or
// fabric-contract-api. Same requests and payloads as lowlevel-chaincode.cjs and floor-logic.cjs.
'use strict';
const { CONTRACT, WRITE_VALUE, writeKeys } = require('./workloads.cjs');

/**
 * @param api `{ Contract, Context, Transaction, Returns, Object, Property }` of one contract API
 * @returns the contract classes (what a contract module exports as `contracts`)
 */
function defineBenchContract(api) {
  class Asset {}
  api.Property('id', 'string')(Asset.prototype, 'id');
  api.Property('owner', 'string')(Asset.prototype, 'owner');
  api.Property('value', 'number')(Asset.prototype, 'value');
  api.Object()(Asset);

  class BenchContract extends api.Contract {
    constructor() {
      super(CONTRACT);
    }

    async noop(_ctx) {}

    async rmw(ctx, key) {
      const current = await ctx.stub.getState(key);
      const counter = current.length > 0 ? JSON.parse(Buffer.from(current).toString('utf8')) : { n: 0 };
      counter.n += 1;
      await ctx.stub.putState(key, Buffer.from(JSON.stringify(counter)));
    }

    async range(ctx, start, end) {
      let count = 0;
      for await (const entry of ctx.stub.getStateByRange(start, end)) {
        if (entry.key !== '' && entry.value !== undefined) count++;
      }
      return count;
    }

    async createAsset(_ctx, asset) {
      return asset;
    }

    async write10(ctx, prefix) {
      for (const key of writeKeys(prefix)) await ctx.stub.putState(key, WRITE_VALUE);
    }
  }

  const decorate = (method, paramTypes, returns) => {
    const proto = BenchContract.prototype;
    const returnType = { string: String, number: Number, Asset }[returns];
    Reflect.defineMetadata('design:paramtypes', paramTypes, proto, method);
    Reflect.defineMetadata('design:returntype', returnType, proto, method);
    const descriptor = Object.getOwnPropertyDescriptor(proto, method);
    api.Transaction()(proto, method, descriptor);
    if (returns !== undefined) api.Returns(returns)(proto, method, descriptor);
  };
  decorate('noop', [api.Context]);
  decorate('rmw', [api.Context, String]);
  decorate('range', [api.Context, String, String], 'number');
  decorate('createAsset', [api.Context, Asset], 'Asset');
  decorate('write10', [api.Context, String]);
  return [BenchContract];
}

module.exports = { defineBenchContract };
