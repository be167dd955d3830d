import { ContractClientError } from './contract-client-error';

/**
 * The transaction succeeded, but its payload is not what its `@Returns` (metadata `returns`)
 * declares: the runtime never checks `@Returns`, so a contract can answer `"abc"` for a `number`.
 * The transaction was endorsed (and committed, for a submit).
 */
export class ResultTypeError extends ContractClientError<'CC_DEVPEER_CLIENT_RESULT_TYPE'> {
  readonly txId: string;
  readonly payload: Uint8Array;

  constructor(
    message: string,
    details: { contract: string; transaction: string; txId: string; payload: Uint8Array; cause?: unknown },
  ) {
    super('CC_DEVPEER_CLIENT_RESULT_TYPE', message, {
      contract: details.contract,
      transaction: details.transaction,
      cause: details.cause,
    });
    this.txId = details.txId;
    this.payload = details.payload;
  }
}
