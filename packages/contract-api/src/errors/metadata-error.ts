/** Stable codes of the errors raised while building or checking contract metadata. */
export type MetadataErrorCode =
  | 'INVALID_TYPE'
  | 'INVALID_CONTRACT'
  | 'DUPLICATE_DEFAULT'
  | 'DUPLICATE_CONTRACT'
  | 'METADATA_MISMATCH'
  | 'METADATA_SCHEMA'
  | 'SCHEMA_COMPILE';

/** The contracts, their decorators or a metadata file cannot make a valid chaincode. */
export class MetadataError extends Error {
  readonly code: MetadataErrorCode;

  constructor(code: MetadataErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
  }
}
