import { ContractClientError } from './contract-client-error';

/** What the peer answered for a failed transaction. */
export interface FailedResponse {
  readonly txId: string;
  readonly status: number;
  readonly message: string;
  readonly payload: Uint8Array;
}

/**
 * The chaincode answered a status of 400 or more: the proposal was not endorsed and nothing was
 * committed. `message` is the response message exactly (a `ContractError`'s message, or the text
 * of whatever the transaction threw); `status` and `payload` are the response's.
 */
export class TransactionFailedError extends ContractClientError<'CC_DEVPEER_CLIENT_TRANSACTION_FAILED'> {
  readonly status: number;
  readonly payload: Uint8Array;
  readonly txId: string;
  /** The chaincode the call went to. */
  readonly chaincode: string;

  constructor(response: FailedResponse, call: { chaincode: string; contract: string; transaction: string }) {
    super('CC_DEVPEER_CLIENT_TRANSACTION_FAILED', response.message, {
      contract: call.contract,
      transaction: call.transaction,
    });
    this.status = response.status;
    this.payload = response.payload;
    this.txId = response.txId;
    this.chaincode = call.chaincode;
  }

  /** The payload as UTF-8 text ('' when there is none). */
  get payloadText(): string {
    return Buffer.from(this.payload.buffer, this.payload.byteOffset, this.payload.byteLength).toString('utf8');
  }
}
