import type { ShimRegistryCode } from './codes';

/** Stable codes for every error the shim throws; clients may switch on `code`. */
export type ShimErrorCode =
  | ShimRegistryCode
  | 'INVALID_OPTIONS'
  | 'PEER_ERROR'
  | 'STREAM_CLOSED'
  | 'TRANSACTION_TIMEOUT'
  | 'BATCH_ERROR'
  | 'NO_CONTRACTS';

export interface ShimErrorOptions {
  readonly cause?: unknown;
  readonly txId?: string;
  readonly channelId?: string;
}

/** Base class of the shim's errors: a stable `code`, and the transaction it concerns when known. */
export class ShimError extends Error {
  readonly code: ShimErrorCode;
  readonly txId: string | undefined;
  readonly channelId: string | undefined;

  constructor(code: ShimErrorCode, message: string, options: ShimErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.txId = options.txId;
    this.channelId = options.channelId;
  }
}

/** A caller handed a stub method an argument Fabric would refuse (empty key, bad delimiter...). */
export class InvalidArgumentError extends ShimError {
  constructor(message: string, options?: ShimErrorOptions) {
    super('CC_SHIM_INVALID_ARGUMENT', message, options);
  }
}

/** The peer answered a request with ERROR; `message` is the peer's text. */
export class PeerRequestError extends ShimError {
  constructor(message: string, options?: ShimErrorOptions) {
    super('PEER_ERROR', message, options);
  }
}

/** A message broke the protocol (wrong state, undecodable payload, unexpected type). */
export class ProtocolError extends ShimError {
  constructor(message: string, options?: ShimErrorOptions) {
    super('CC_SHIM_PROTOCOL_ERROR', message, options);
  }
}

/** The stream to the peer ended; pending requests reject with this. */
export class StreamClosedError extends ShimError {
  constructor(message: string, options?: ShimErrorOptions) {
    super('STREAM_CLOSED', message, options);
  }
}

/** Options (argv, environment, files) are missing or invalid. */
export class InvalidOptionsError extends ShimError {
  constructor(message: string, options?: ShimErrorOptions) {
    super('INVALID_OPTIONS', message, options);
  }
}

/** A contract package loaded, but exports no Contract classes. */
export class NoContractsError extends ShimError {
  constructor(message: string, options?: ShimErrorOptions) {
    super('NO_CONTRACTS', message, options);
  }
}

/** Narrow an unknown catch value to a message. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  if (err === undefined || err === null) return '';
  return describeValue(err);
}

/** Render any value for a message: JSON where possible, else its type. */
export function describeValue(value: unknown): string {
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return `[function ${value.name}]`;
  try {
    const json = JSON.stringify(value) as string | undefined;
    return json ?? typeof value;
  } catch {
    return `[${typeof value}]`;
  }
}

/** The transaction's creator cannot be read as an X.509 identity (not PEM, idemix, malformed DER...). */
export class IdentityError extends ShimError {
  constructor(message: string, options?: ShimErrorOptions) {
    super('CC_SHIM_IDENTITY_ERROR', message, options);
  }
}
