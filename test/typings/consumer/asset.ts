// A data type, written as fabric-samples writes them (the decorator imported under the name Object).
import { Object, Property } from '@chaincode/contract-api';

@Object()
export class Asset {
  @Property()
  public docType?: string;

  @Property()
  public ID: string = '';

  @Property()
  public Color: string = '';

  @Property()
  public Size: number = 0;

  @Property()
  public Owner: string = '';

  @Property('AppraisedValue', 'number')
  public AppraisedValue: number = 0;
}
