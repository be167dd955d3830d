import { ContractApiError } from './contract-api-error';

/** A call asked for a function the contract does not have. */
export class UnknownTransactionError extends ContractApiError<'CC_API_UNKNOWN_TRANSACTION' | 'CC_API_NOT_A_FUNCTION'> {}
