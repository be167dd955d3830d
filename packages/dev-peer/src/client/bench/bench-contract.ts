import { Context, Contract, Object as DataType, Property, Returns, Transaction } from '@chaincode/contract-api';

/** The asset the benchmark writes (an `@Object`, so results are decoded as JSON objects). */
@DataType()
export class BenchAsset {
  @Property()
  public id: string = '';

  @Property()
  public color: string = '';

  @Property()
  public size: number = 0;

  @Property()
  public owner: string = '';
}

/** One write per transaction, answering the object written: a typical submit. */
export class BenchContract extends Contract {
  constructor() {
    super('BenchContract');
  }

  @Transaction()
  @Returns('BenchAsset')
  public async CreateAsset(ctx: Context, id: string, color: string, size: number, owner: string): Promise<BenchAsset> {
    const asset = Object.assign(new BenchAsset(), { id, color, size, owner });
    await ctx.stub.putState(id, Buffer.from(JSON.stringify({ id, color, size, owner })));
    return asset;
  }
}
