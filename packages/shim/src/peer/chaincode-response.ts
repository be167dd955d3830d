import type { ChaincodeResponse } from '@chaincode/contract-api';
import { errorMessage } from '@chaincode/contract-api/internal';

/** Statuses from here up are errors: the batch is not flushed and the peer does not endorse. */
export const RESPONSE_ERROR_THRESHOLD = 400;
export const RESPONSE_ERROR = 500;

const EMPTY = new Uint8Array(0);

/** Short transaction prefix for texts, as fabric-shim writes it: `[channel-txid8]`. */
export function transactionPrefix(channelId: string, txId: string): string {
  return `[${channelId}-${txId.substring(0, 8)}]`;
}

/** A 500 answer carrying `message`. */
export function errorResponse(message: string): ChaincodeResponse {
  return { status: RESPONSE_ERROR, message, payload: EMPTY };
}

/**
 * What Init/Invoke returned, as a Response: anything without a usable status is fabric-shim's
 * 500 "has not called success or error"; a missing message is '', a string payload is UTF-8.
 */
export function normalizeResponse(
  result: unknown,
  isInit: boolean,
  channelId: string,
  txId: string,
): ChaincodeResponse {
  const candidate = result as Partial<Record<keyof ChaincodeResponse, unknown>> | null | undefined;
  const status = typeof candidate === 'object' && candidate !== null ? candidate.status : undefined;
  if (typeof status !== 'number' || status === 0 || !Number.isFinite(status)) {
    return errorResponse(
      `${transactionPrefix(channelId, txId)} Calling chaincode ${isInit ? 'Init' : 'Invoke'}() has not called success or error.`,
    );
  }
  const rawMessage = candidate?.message;
  const rawPayload = candidate?.payload;
  return {
    status: Math.trunc(status),
    message: rawMessage === undefined || rawMessage === null ? '' : errorMessage(rawMessage),
    payload:
      rawPayload instanceof Uint8Array
        ? rawPayload
        : typeof rawPayload === 'string'
          ? Buffer.from(rawPayload, 'utf8')
          : EMPTY,
  };
}
