/**
 * A consumer's contract, type-checked by the root `npm run typecheck` (tsconfig.check.json, strict):
 * every decorator and handler of the public API, used as a fabric-contract-api author writes them.
 * `types.test.ts` also compiles this file alone with `tsc --noEmit --strict`.
 */
import {
  Context,
  Contract,
  ContractError,
  Default,
  Info,
  JSONSerializer,
  Object as DataType,
  Param,
  Property,
  Returns,
  Transaction,
  type ChaincodeStub,
  type ClientIdentity,
  type ContractLogger,
  type StateQueryIterator,
  type KV,
} from '@chaincode/contract-api';

@DataType({ discriminator: 'kind' })
export class Asset {
  @Property()
  public kind: string = 'asset';

  @Property()
  public ID: string = '';

  @Property('size', 'number', { integer: true, minimum: 0 })
  public size: number = 0;

  @Property({ required: true, pattern: '^[A-Z]' })
  public owner: string = '';

  @Property('tags', 'string[]')
  public tags: string[] = [];

  @Property()
  public docType?: string;
}

export class AssetContext extends Context {
  public assets(): Promise<Uint8Array> {
    const stub: ChaincodeStub = this.stub;
    return stub.getState('assets');
  }

  public who(): string {
    const identity: ClientIdentity = this.clientIdentity;
    return identity.getID();
  }
}

@Info({ title: 'AssetTransfer', description: 'Smart contract for trading assets', version: '1.0.0' })
@Default()
export class AssetTransferContract extends Contract {
  public constructor() {
    super('AssetTransfer');
  }

  public override createContext(): AssetContext {
    return new AssetContext();
  }

  public override async beforeTransaction(ctx: Context): Promise<void> {
    const logger: ContractLogger = ctx.logging.getLogger('before');
    logger.debug('calling', ctx.stub.getFunctionAndParameters().fcn);
    ctx.logging.setLevel('DEBUG');
    await super.beforeTransaction(ctx);
  }

  public override async afterTransaction(ctx: Context, result: unknown): Promise<void> {
    await super.afterTransaction(ctx, result);
  }

  // The official typings declare `fn: Function`: an override written that way still compiles.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  public override async aroundTransaction(ctx: Context, fn: Function, parameters: unknown[]): Promise<unknown> {
    return super.aroundTransaction(ctx, fn, parameters);
  }

  public override async unknownTransaction(ctx: Context): Promise<void> {
    throw new ContractError(`no ${ctx.stub.getFunctionAndParameters().fcn}`, { status: 404, code: 'NOT_FOUND' });
  }

  @Transaction()
  public async CreateAsset(ctx: AssetContext, id: string, size: number, owner: string): Promise<void> {
    const asset = Object.assign(new Asset(), { ID: id, size, owner });
    await ctx.stub.putState(id, Buffer.from(JSON.stringify(asset)));
  }

  @Transaction(false)
  @Returns('Asset')
  public async ReadAsset(ctx: Context, id: string): Promise<Asset> {
    const data = await ctx.stub.getState(id);
    return Object.assign(new Asset(), JSON.parse(Buffer.from(data).toString()) as Partial<Asset>);
  }

  @Transaction(false)
  @Returns('boolean')
  public async AssetExists(ctx: Context, id: string): Promise<boolean> {
    return (await ctx.stub.getState(id)).length > 0;
  }

  @Transaction()
  @Param('assets', 'Asset[]', 'the assets to store')
  @Param('note', 'string', { optional: true, maxLength: 20 })
  public async StoreAll(ctx: Context, assets: Asset[], note?: string): Promise<number> {
    for (const a of assets) await ctx.stub.putState(a.ID, Buffer.from(JSON.stringify({ asset: a, note })));
    return assets.length;
  }

  @Transaction(false)
  @Returns('string')
  public async GetAllAssets(ctx: Context): Promise<string> {
    const all: string[] = [];
    for await (const kv of ctx.stub.getStateByRange('', '')) {
      const entry: KV = kv;
      all.push(Buffer.from(entry.value).toString('utf8'));
    }
    const iterator: StateQueryIterator = await ctx.stub.getStateByRange('', '');
    await iterator.close();
    return JSON.stringify(all);
  }
}

export const serializers = { transaction: 'json', serializers: { json: JSONSerializer } };
export const contracts: (typeof Contract)[] = [AssetTransferContract];
