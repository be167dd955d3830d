import type { DevPeerErrorCode } from '../../errors/codes';
import { DevPeerError } from '../../errors/dev-peer-error';

export interface ContractClientErrorOptions {
  readonly cause?: unknown;
  /** The contract the client calls. */
  readonly contract?: string;
  /** The transaction (function name without the contract prefix). */
  readonly transaction?: string;
}

/**
 * Base of the typed contract client's errors: a stable `code` from the dev peer's registry and,
 * when the error concerns one call, the contract and the transaction.
 */
export class ContractClientError<C extends DevPeerErrorCode = DevPeerErrorCode> extends DevPeerError<C> {
  readonly contract: string | undefined;
  readonly transaction: string | undefined;

  constructor(code: C, message: string, options: ContractClientErrorOptions = {}) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.contract = options.contract;
    this.transaction = options.transaction;
  }
}

/** The class given to the client is not a usable contract. */
export class InvalidContractError extends ContractClientError<'CC_DEVPEER_CLIENT_INVALID_CONTRACT'> {
  constructor(message: string, options?: ContractClientErrorOptions) {
    super('CC_DEVPEER_CLIENT_INVALID_CONTRACT', message, options);
  }
}

/** A client made by contract name could not read the chaincode's metadata. */
export class ContractMetadataError extends ContractClientError<'CC_DEVPEER_CLIENT_METADATA_FAILED'> {
  constructor(message: string, options?: ContractClientErrorOptions) {
    super('CC_DEVPEER_CLIENT_METADATA_FAILED', message, options);
  }
}

/** An option of the client is not valid. */
export class ClientOptionsError extends ContractClientError<'CC_DEVPEER_CLIENT_INVALID_OPTIONS'> {
  constructor(message: string, options?: ContractClientErrorOptions) {
    super('CC_DEVPEER_CLIENT_INVALID_OPTIONS', message, options);
  }
}
