import { createHash } from 'node:crypto';
import { Context, Contract, Info, Returns, Transaction } from '@chaincode/contract-api';
import { PrivateAsset } from './private-asset';

export const COLLECTION = 'assetCollection';
/** The transient field that carries the asset, so its values never appear in the transaction. */
export const TRANSIENT_KEY = 'asset';

@Info({ title: 'PrivateAssetContract', description: 'Assets kept in a private data collection' })
export class PrivateAssetContract extends Contract {
  // Writes batched per transaction (Fabric 3.1): a refused write fails it at the end, not at its await (none is caught).
  static autoWriteBatch = true;

  constructor() {
    super('PrivateAssetContract');
  }

  /** Create an asset from the transient field `asset`: {"id", "color", "size", "appraisedValue"}. */
  @Transaction()
  public async CreateAsset(ctx: Context): Promise<void> {
    const input = readTransientAsset(ctx);
    const existing = await ctx.stub.getPrivateData(COLLECTION, input.id);
    if (existing.length > 0) {
      throw new Error(`asset ${input.id} already exists`);
    }
    const asset = Object.assign(new PrivateAsset(), input, { owner: ctx.clientIdentity.getMSPID() });
    await ctx.stub.putPrivateData(COLLECTION, asset.id, asset.toBytes());
  }

  @Transaction(false)
  @Returns('PrivateAsset')
  public async ReadAsset(ctx: Context, id: string): Promise<PrivateAsset> {
    const bytes = await ctx.stub.getPrivateData(COLLECTION, id);
    if (bytes.length === 0) {
      throw new Error(`asset ${id} does not exist in ${COLLECTION}`);
    }
    return PrivateAsset.fromBytes(bytes);
  }

  /**
   * True when the asset given in the transient field `asset` is exactly the stored one: what a
   * non-member can check against the hash on its ledger, without seeing the value.
   */
  @Transaction(false)
  @Returns('boolean')
  public async VerifyAsset(ctx: Context, id: string): Promise<boolean> {
    const claimed = ctx.stub.getTransient().get(TRANSIENT_KEY);
    if (claimed === undefined) {
      throw new Error(`put the stored JSON of the asset in the transient field "${TRANSIENT_KEY}"`);
    }
    const hash = await ctx.stub.getPrivateDataHash(COLLECTION, id);
    if (hash.length === 0) {
      throw new Error(`asset ${id} does not exist in ${COLLECTION}`);
    }
    return Buffer.from(hash).equals(createHash('sha256').update(claimed).digest());
  }

  @Transaction()
  public async DeleteAsset(ctx: Context, id: string): Promise<void> {
    const asset = await this.ReadAsset(ctx, id);
    if (asset.owner !== ctx.clientIdentity.getMSPID()) {
      throw new Error(`only ${asset.owner} may delete asset ${id}`);
    }
    await ctx.stub.deletePrivateData(COLLECTION, id);
  }
}

function readTransientAsset(ctx: Context): Pick<PrivateAsset, 'id' | 'color' | 'size' | 'appraisedValue'> {
  const bytes = ctx.stub.getTransient().get(TRANSIENT_KEY);
  if (bytes === undefined) {
    throw new Error(`the asset must be in the transient field "${TRANSIENT_KEY}"`);
  }
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new Error(`the transient field "${TRANSIENT_KEY}" is not JSON`);
  }
  const { id, color, size, appraisedValue } = value;
  if (typeof id !== 'string' || id === '') throw new Error('id must be a non-empty string');
  if (typeof color !== 'string' || color === '') throw new Error('color must be a non-empty string');
  if (typeof size !== 'number' || !(size > 0)) throw new Error('size must be a positive number');
  if (typeof appraisedValue !== 'number' || !(appraisedValue > 0)) {
    throw new Error('appraisedValue must be a positive number');
  }
  return { id, color, size, appraisedValue };
}
