import { ContractClientError } from './contract-client-error';

/** Why `chaincode types` (generateContractTypes) stopped. */
export type ContractTypesErrorCode = 'CC_DEVPEER_CLIENT_TYPES_STALE' | 'CC_DEVPEER_CLIENT_TYPES_FAILED';

/** The contract transaction declaration is stale (check mode), or could not be generated. */
export class ContractTypesError extends ContractClientError<ContractTypesErrorCode> {}
