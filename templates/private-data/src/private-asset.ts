import { Object as DataType, Property } from '@chaincode/contract-api';

/**
 * An asset kept only in the `assetCollection` private data collection: members of the collection
 * hold the value, every other peer sees only its hash.
 */
@DataType()
export class PrivateAsset {
  @Property()
  public id: string = '';

  @Property()
  public color: string = '';

  @Property()
  public size: number = 0;

  @Property()
  public appraisedValue: number = 0;

  /** The MSP of the client that created it. */
  @Property()
  public owner: string = '';

  static fromBytes(bytes: Uint8Array): PrivateAsset {
    return Object.assign(new PrivateAsset(), JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<PrivateAsset>);
  }

  toBytes(): Buffer {
    const { id, color, size, appraisedValue, owner } = this;
    return Buffer.from(JSON.stringify({ id, color, size, appraisedValue, owner }));
  }
}
