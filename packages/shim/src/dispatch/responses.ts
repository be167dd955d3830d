import type { ChaincodeResponse } from '@chaincode/contract-api';
import { isContractError } from '@chaincode/contract-api';
import { errorMessage } from '@chaincode/contract-api/internal';

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

/**
 * The message a thrown value stands for: an Error's (or any object's string `message`), a string or
 * a number as is, and for anything else a sentence saying what was thrown (never an empty message).
 */
export function thrownMessage(err: unknown): string {
  if (typeof err === 'number' || typeof err === 'bigint' || typeof err === 'boolean') return err.toString();
  if (typeof err === 'string' || hasMessage(err)) return errorMessage(err);
  if (typeof err === 'function') return 'The transaction threw a function';
  return `The transaction threw ${errorMessage(err)}`;
}

function hasMessage(err: unknown): boolean {
  return typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string';
}
