import { ChaincodeError } from './chaincode-error';
import type { ContractApiErrorCode } from './codes';

/** Base of the errors `@chaincode/contract-api` throws; `code` is one of `contractApiErrorCodes`. */
export class ContractApiError<C extends ContractApiErrorCode = ContractApiErrorCode> extends ChaincodeError<C> {}
