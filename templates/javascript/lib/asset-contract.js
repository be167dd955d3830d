'use strict';

const { Contract } = require('@chaincode/contract-api');
const { Asset } = require('./asset');

/**
 * Keeps assets in world state under their id. JavaScript has no decorators, so the transactions,
 * their parameter names and types, and which ones only read (evaluate) are declared in
 * contract-metadata/metadata.json, the file fabric-contract-api reads for this: the arguments
 * arrive converted and checked against it (size and appraisedValue as numbers).
 */
class AssetContract extends Contract {
  // Writes batched per transaction (Fabric 3.1): a refused write fails it at the end, not at its await (none is caught).
  static autoWriteBatch = true;

  constructor() {
    super('AssetContract');
  }

  async CreateAsset(ctx, id, color, size, owner, appraisedValue) {
    if (await this.AssetExists(ctx, id)) {
      throw new Error(`asset ${id} already exists`);
    }
    const asset = new Asset({ id, color, size, owner, appraisedValue });
    await ctx.stub.putState(id, asset.toBytes());
    ctx.stub.setEvent('AssetCreated', asset.toBytes());
    return asset;
  }

  async ReadAsset(ctx, id) {
    const bytes = await ctx.stub.getState(id);
    if (bytes.length === 0) {
      throw new Error(`asset ${id} does not exist`);
    }
    return Asset.fromBytes(bytes);
  }

  async UpdateAsset(ctx, id, color, size, owner, appraisedValue) {
    await this.ReadAsset(ctx, id);
    const asset = new Asset({ id, color, size, owner, appraisedValue });
    await ctx.stub.putState(id, asset.toBytes());
    return asset;
  }

  async TransferAsset(ctx, id, newOwner) {
    const asset = await this.ReadAsset(ctx, id);
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
    return assets;
  }
}

module.exports = { AssetContract };
