import type { ChaincodeStub as ChaincodeStubApi } from '@chaincode/contract-api';
import { ChaincodeStub as ChaincodeStubClass } from './chaincode-stub';

/**
 * `ChaincodeStub` as users name it: as a type, the interface (so `ctx.stub`, a test double or
 * sinon's `createStubInstance(ChaincodeStub)` fit wherever `ChaincodeStub` is expected, as with
 * fabric-shim's structural declarations); as a value, the class (`ChaincodeStub.RESPONSE_CODE`,
 * `instanceof`, stubbing its prototype).
 */
export type ChaincodeStub = ChaincodeStubApi;
export const ChaincodeStub = ChaincodeStubClass;
