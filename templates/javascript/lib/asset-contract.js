'use strict';

const { Contract } = require('@chaincode/contract-api');
const { Asset } = require('./asset');

/**
 * Keeps assets in world state under their id. Without decorators every method is a transaction
 * and every argument arrives as a string, as with fabric-contract-api.
 */
class AssetContract extends Contract {
  constructor() {
    super('AssetContract');
  }

  async CreateAsset(ctx, id, color, size, owner, appraisedValue) {
    if (await this.AssetExists(ctx, id)) {
      throw new Error(`asset ${id} already exists`);
    }
    const asset = new Asset({
      id,
      color,
      size: toNumber('size', size),
      owner,
      appraisedValue: toNumber('appraisedValue', appraisedValue),
    });
    await ctx.stub.putState(id, asset.toBytes());
    ctx.stub.setEvent('AssetCreated', asset.toBytes());
    return JSON.stringify(asset);
  }

  async ReadAsset(ctx, id) {
    const bytes = await ctx.stub.getState(id);
    if (bytes.length === 0) {
      throw new Error(`asset ${id} does not exist`);
    }
    return Buffer.from(bytes).toString('utf8');
  }

  async TransferAsset(ctx, id, newOwner) {
    const asset = Asset.fromBytes(Buffer.from(await this.ReadAsset(ctx, id)));
    const previousOwner = asset.owner;
    asset.owner = newOwner;
    await ctx.stub.putState(id, asset.toBytes());
    return previousOwner;
  }

  async DeleteAsset(ctx, id) {
    await this.ReadAsset(ctx, id);
    await ctx.stub.deleteState(id);
  }

  async AssetExists(ctx, id) {
    const bytes = await ctx.stub.getState(id);
    return bytes.length > 0;
  }

  async GetAllAssets(ctx) {
    const assets = [];
    for await (const { value } of ctx.stub.getStateByRange('', '')) {
      assets.push(Asset.fromBytes(value));
    }
    return JSON.stringify(assets);
  }
}

function toNumber(name, value) {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n)) {
    throw new Error(`${name} must be a number, got "${value}"`);
  }
  return n;
}

module.exports = { AssetContract };
