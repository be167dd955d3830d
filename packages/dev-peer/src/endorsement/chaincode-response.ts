import { errorMessage } from '@chaincode/contract-api/internal';
import { MessageType, protos } from '@chaincode/shim/internal';
import type { ChaincodeResponse } from '../commit/ordered-transaction';
import type { ExecuteOutcome } from '../peer/chaincode-handler';

const EMPTY = new Uint8Array(0);

/**
 * The endorser's reading of the chaincode's answer (core/endorser processChaincodeExecutionResult):
 * ERROR → 500 "transaction returned with failure: <text>"; the peer giving up → 500 "failed to
 * execute transaction <txid>: error sending: <reason>"; COMPLETED → its Response and event.
 */
export function toChaincodeResponse(txId: string, outcome: ExecuteOutcome): ChaincodeResponse {
  if ('error' in outcome) {
    return {
      status: 500,
      message: `failed to execute transaction ${txId}: error sending: ${outcome.error}`,
      payload: EMPTY,
    };
  }
  const message = outcome.message;
  if (message.type === MessageType.ERROR) {
    return {
      status: 500,
      message: `transaction returned with failure: ${Buffer.from(message.payload).toString('utf8')}`,
      payload: EMPTY,
    };
  }
  if (message.type !== MessageType.COMPLETED) {
    return {
      status: 500,
      message: `unexpected response type ${String(message.type)} for transaction ${txId}`,
      payload: EMPTY,
    };
  }
  let response: protos.Response;
  try {
    response = protos.Response.decode(message.payload);
  } catch (error) {
    return {
      status: 500,
      message: `failed to unmarshal response for transaction ${txId}: ${errorMessage(error)}`,
      payload: EMPTY,
    };
  }
  const event = message.chaincodeEvent;
  return {
    status: response.status,
    message: response.message,
    payload: response.payload,
    ...(event !== null && event !== undefined
      ? { event: { name: event.eventName ?? '', payload: event.payload ?? EMPTY } }
      : {}),
  };
}
