// A contract project's main code against @chaincode/contract-api: Contract subclass, decorators, the
// Context subclass pattern, handlers overridden with the official signatures, ClientIdentity and
// the stub through ctx, ContractError, a custom serializer.
import {
  Context,
  Contract,
  ContractError,
  Default,
  Info,
  JSONSerializer,
  Param,
  Returns,
  Transaction,
  type ChaincodeStub,
  type ClientIdentity,
} from '@chaincode/contract-api';
import { Asset } from './asset';

export class AssetList {
  constructor(private readonly ctx: AssetContext) {}

  async get(id: string): Promise<Asset | undefined> {
    const data = await this.ctx.stub.getState(id);
    if (!data || data.length === 0) return undefined;
    return JSON.parse(Buffer.from(data).toString('utf8')) as Asset;
  }

  async put(asset: Asset): Promise<void> {
    await this.ctx.stub.putState(asset.ID, Buffer.from(JSON.stringify(asset)));
  }
}

export class AssetContext extends Context {
  public readonly assets: AssetList;

  constructor() {
    super();
    this.assets = new AssetList(this);
  }
}

function callerOf(identity: ClientIdentity): string {
  const role = identity.getAttributeValue('role');
  const admin: boolean = identity.assertAttributeValue('role', 'admin');
  const bytes: Uint8Array = identity.getIDBytes();
  return `${identity.getMSPID()}:${identity.getID()}:${role ?? ''}:${String(admin)}:${bytes.length}`;
}

function describeCall(stub: ChaincodeStub): string {
  const { fcn, params } = stub.getFunctionAndParameters();
  const creator = stub.getCreator();
  const when: Date = stub.getDateTimestamp();
  return [stub.getTxID(), stub.getChannelID(), creator.mspid, fcn, params.join(','), when.toISOString()].join('|');
}

@Info({ title: 'AssetTransfer', description: 'Smart contract for trading assets' })
@Default()
export class AssetTransferContract extends Contract {
  constructor() {
    super('AssetTransfer');
  }

  createContext(): AssetContext {
    return new AssetContext();
  }

  async beforeTransaction(ctx: Context): Promise<void> {
    ctx.logging.getLogger('before').info(describeCall(ctx.stub), callerOf(ctx.clientIdentity));
    ctx.logging.setLevel('DEBUG');
  }

  async afterTransaction(ctx: Context, result: any): Promise<void> {
    ctx.logging.getLogger().debug('result', result);
  }

  // the official typings declare fn as Function
  // eslint-disable-next-line @typescript-eslint/ban-types
  async aroundTransaction(ctx: Context, fn: Function, parameters: any): Promise<void> {
    await super.aroundTransaction(ctx, fn, parameters);
  }

  async unknownTransaction(ctx: Context): Promise<void> {
    throw new ContractError(`no such function: ${ctx.stub.getFunctionAndParameters().fcn}`, {
      status: 404,
      code: 'NOT_FOUND',
    });
  }

  @Transaction()
  public async InitLedger(ctx: AssetContext): Promise<void> {
    const asset = new Asset();
    asset.ID = 'asset1';
    await ctx.assets.put(asset);
  }

  @Transaction()
  @Param('id', 'string', 'the asset id')
  public async CreateAsset(ctx: AssetContext, id: string, color: string, size: number, owner: string): Promise<void> {
    if (await ctx.assets.get(id)) throw new Error(`The asset ${id} already exists`);
    const asset: Asset = { ID: id, Color: color, Size: size, Owner: owner, AppraisedValue: 0 };
    await ctx.assets.put(asset);
    ctx.stub.setEvent('Created', Buffer.from(id));
  }

  @Transaction(false)
  @Returns('Asset')
  public async ReadAsset(ctx: AssetContext, id: string): Promise<Asset> {
    const asset = await ctx.assets.get(id);
    if (!asset) throw new Error(`The asset ${id} does not exist`);
    return asset;
  }

  @Transaction(false)
  @Returns('boolean')
  public async AssetExists(ctx: Context, id: string): Promise<boolean> {
    const data = await ctx.stub.getState(id);
    return data && data.length > 0;
  }

  @Transaction()
  public async DeleteAsset(ctx: Context, id: string): Promise<void> {
    await ctx.stub.deleteState(id);
  }

  @Transaction(false)
  @Returns('string')
  public async GetAllAssets(ctx: Context): Promise<string> {
    const all: string[] = [];
    for await (const { key, value } of ctx.stub.getStateByRange('', '')) {
      all.push(`${key}=${Buffer.from(value).toString('utf8')}`);
    }
    const { iterator, metadata } = await ctx.stub.getStateByRangeWithPagination('', '', 10, '');
    const next = await iterator.next();
    if (!next.done) all.push(next.value.key);
    await iterator.close();
    all.push(`${metadata.fetchedRecordsCount}:${metadata.bookmark}`);
    const key = ctx.stub.createCompositeKey('asset', ['a', 'b']);
    const { objectType, attributes } = ctx.stub.splitCompositeKey(key);
    all.push(`${objectType ?? ''}:${attributes.join('/')}`);
    return JSON.stringify(all);
  }

  @Transaction()
  public async Private(ctx: Context, collection: string, id: string): Promise<string> {
    const transient: Map<string, Uint8Array> = ctx.stub.getTransient();
    const value = transient.get('asset');
    if (value) await ctx.stub.putPrivateData(collection, id, value);
    const hash: Uint8Array = await ctx.stub.getPrivateDataHash(collection, id);
    const response = await ctx.stub.invokeChaincode('other', ['fn', id], 'mychannel');
    return `${hash.length}:${response.status}:${response.message}:${Buffer.from(response.payload ?? []).toString()}`;
  }
}

/** A serializer written for the official package: the same method names and arguments. */
export class UpperCaseSerializer extends JSONSerializer {
  toBuffer(result: any, schema: any, loggerPrefix?: string): Buffer {
    const buffer = super.toBuffer(result, schema, loggerPrefix);
    return Buffer.from((buffer ?? Buffer.alloc(0)).toString().toUpperCase());
  }

  fromBuffer(data: Buffer, schema: any, loggerPrefix?: string): any {
    return super.fromBuffer(data, schema, loggerPrefix);
  }
}
