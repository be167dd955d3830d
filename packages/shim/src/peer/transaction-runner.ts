import type { ChaincodeInterface, ChaincodeResponse } from '@chaincode/contract-api';
import { errorMessage } from '@chaincode/contract-api/internal';
import type { Logger } from '../logging/logger';
import { ChaincodeStub } from '../stub/chaincode-stub';
import { LazyProposal } from '../stub/proposal';
import type { protos } from '../wire/protos';
import { errorResponse, normalizeResponse, RESPONSE_ERROR_THRESHOLD } from './chaincode-response';
import type { TransactionContext } from './transaction-context';

/** A TRANSACTION or INIT, decoded, ready to run. */
export interface TransactionInput {
  readonly args: Uint8Array[];
  readonly proposal: protos.SignedProposal.$Properties | null | undefined;
  readonly isInit: boolean;
}

/**
 * Run one transaction: build its stub, call Init or Invoke, flush buffered writes when it
 * succeeded. Never rejects: whatever goes wrong is the 500 answer to send in COMPLETED.
 */
export async function runTransaction(
  chaincode: ChaincodeInterface,
  context: TransactionContext,
  input: TransactionInput,
  log: Logger,
): Promise<ChaincodeResponse> {
  try {
    const stub = new ChaincodeStub(context, input.args, new LazyProposal(input.proposal));
    const result: unknown = input.isInit ? await chaincode.Init(stub) : await chaincode.Invoke(stub);
    const response = normalizeResponse(result, input.isInit, context.channelId, context.txId);
    const batch = context.batch;
    if (batch !== undefined && batch.size > 0 && response.status < RESPONSE_ERROR_THRESHOLD) {
      await batch.flush(context);
    }
    return response;
  } catch (err) {
    if (log.isEnabled('debug')) log.debug('chaincode failed', { txid: context.txId, error: errorMessage(err) });
    return errorResponse(errorMessage(err));
  }
}
