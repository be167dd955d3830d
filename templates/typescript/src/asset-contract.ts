import { Context, Contract, Info, Returns, Transaction } from '@chaincode/contract-api';
import { Asset } from './asset';

/** Keeps assets in world state under their id; anyone may create, read, update, transfer or delete. */
@Info({ title: 'AssetContract', description: 'Create, read, update, transfer and delete assets' })
export class AssetContract extends Contract {
  // Writes batched per transaction (Fabric 3.1): a refused write fails it at the end, not at its await (none is caught).
  static autoWriteBatch = true;

  constructor() {
    super('AssetContract');
  }

  @Transaction()
  @Returns('Asset')
  public async CreateAsset(
    ctx: Context,
    id: string,
    color: string,
    size: number,
    owner: string,
    appraisedValue: number,
  ): Promise<Asset> {
    if (await this.AssetExists(ctx, id)) {
      throw new Error(`asset ${id} already exists`);
    }
    const asset = Object.assign(new Asset(), { id, color, size, owner, appraisedValue });
    await ctx.stub.putState(id, asset.toBytes());
    ctx.stub.setEvent('AssetCreated', asset.toBytes());
    return asset;
  }

  @Transaction(false)
  @Returns('Asset')
  public async ReadAsset(ctx: Context, id: string): Promise<Asset> {
    const bytes = await ctx.stub.getState(id);
    if (bytes.length === 0) {
      throw new Error(`asset ${id} does not exist`);
    }
    return Asset.fromBytes(bytes);
  }

  @Transaction()
  @Returns('Asset')
  public async UpdateAsset(
    ctx: Context,
    id: string,
    color: string,
    size: number,
    owner: string,
    appraisedValue: number,
  ): Promise<Asset> {
    await this.ReadAsset(ctx, id);
    const asset = Object.assign(new Asset(), { id, color, size, owner, appraisedValue });
    await ctx.stub.putState(id, asset.toBytes());
    return asset;
  }

  @Transaction()
  @Returns('string')
  public async TransferAsset(ctx: Context, id: string, newOwner: string): Promise<string> {
    const asset = await this.ReadAsset(ctx, id);
    const previousOwner = asset.owner;
    asset.owner = newOwner;
    await ctx.stub.putState(id, asset.toBytes());
    return previousOwner;
  }

  @Transaction()
  public async DeleteAsset(ctx: Context, id: string): Promise<void> {
    await this.ReadAsset(ctx, id);
    await ctx.stub.deleteState(id);
  }

  @Transaction(false)
  @Returns('boolean')
  public async AssetExists(ctx: Context, id: string): Promise<boolean> {
    const bytes = await ctx.stub.getState(id);
    return bytes.length > 0;
  }

  @Transaction(false)
  @Returns('Asset[]')
  public async GetAllAssets(ctx: Context): Promise<Asset[]> {
    const assets: Asset[] = [];
    for await (const { value } of ctx.stub.getStateByRange('', '')) {
      assets.push(Asset.fromBytes(value));
    }
    return assets;
  }
}
