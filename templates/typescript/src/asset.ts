import { Object as DataType, Property } from '@chaincode/contract-api';

/**
 * One asset on the ledger. `@Object` puts the class in the contract metadata, so clients (and
 * `chaincode dev`) can see its shape; `@Property` lists its fields with their types.
 */
@DataType()
export class Asset {
  @Property()
  public id: string = '';

  @Property()
  public color: string = '';

  @Property()
  public size: number = 0;

  @Property()
  public owner: string = '';

  @Property()
  public appraisedValue: number = 0;

  /** Rebuild an asset from its stored JSON. */
  static fromBytes(bytes: Uint8Array): Asset {
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<Asset>;
    return Object.assign(new Asset(), parsed);
  }

  /** Stored form: JSON with the fields in a fixed order, so every endorser writes the same bytes. */
  toBytes(): Buffer {
    const { id, color, size, owner, appraisedValue } = this;
    return Buffer.from(JSON.stringify({ id, color, size, owner, appraisedValue }));
  }
}
