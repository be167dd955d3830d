import { ContractApiError } from './contract-api-error';
import type { ContractApiErrorCode } from './codes';

/** The codes of the errors raised while building or checking contract metadata. */
export type MetadataErrorCode = Extract<
  ContractApiErrorCode,
  | 'CC_API_TYPE_NOT_RECORDED'
  | 'CC_API_INVALID_CONTRACT'
  | 'CC_API_DUPLICATE_DEFAULT'
  | 'CC_API_DUPLICATE_CONTRACT'
  | 'CC_API_METADATA_MISMATCH'
  | 'CC_API_METADATA_SCHEMA'
  | 'CC_API_SCHEMA_COMPILE'
>;

/** The contracts, their decorators or a metadata file cannot make a valid chaincode. */
export class MetadataError extends ContractApiError<MetadataErrorCode> {}
