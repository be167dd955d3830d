import type { ChaincodeResponse } from '@chaincode/contract-api';
import { isContractError } from '@chaincode/contract-api';

const EMPTY = new Uint8Array(0);

/** The payload of a call without arguments (the official answers it as a payload, not a message). */
export const DEFAULT_INITIATOR_PAYLOAD = Buffer.from('Default initiator successful.');

export function successResponse(payload: Uint8Array | undefined): ChaincodeResponse {
  return { status: 200, message: '', payload: payload ?? EMPTY };
}

export function errorResponse(message: string, status = 500, payload?: Uint8Array): ChaincodeResponse {
  return { status, message, payload: payload ?? EMPTY };
}

/**
 * Any thrown value as a response: a ContractError keeps its status, message and payload; an Error
 * (or anything with a string `message`) gives 500 with that message; other values (strings,
 * numbers, null, undefined...) give 500 with a message saying what was thrown.
 */
export function responseFromError(err: unknown): ChaincodeResponse {
  if (isContractError(err)) return errorResponse(err.message, err.status, err.payload);
  return errorResponse(thrownMessage(err));
}

/** The message a thrown value stands for. */
export function thrownMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string') {
    return (err as { message: string }).message;
  }
  if (typeof err === 'string') return err;
  switch (typeof err) {
    case 'number':
    case 'bigint':
    case 'boolean':
      return err.toString();
    case 'undefined':
      return 'The transaction threw undefined';
    case 'symbol':
      return `The transaction threw ${err.toString()}`;
    case 'function':
      return 'The transaction threw a function';
    default:
      return err === null ? 'The transaction threw null' : `The transaction threw ${safeJson(err)}`;
  }
}

function safeJson(value: unknown): string {
  try {
    const json: unknown = JSON.stringify(value);
    return typeof json === 'string' ? json : 'a value';
  } catch {
    return 'an object';
  }
}
