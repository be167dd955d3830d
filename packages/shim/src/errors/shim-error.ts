import { ChaincodeError } from '@chaincode/contract-api';
import type { ShimErrorCode } from './codes';

export type { ShimErrorCode } from './codes';

export interface ShimErrorOptions {
  readonly cause?: unknown;
  readonly txId?: string;
  readonly channelId?: string;
}

/**
 * Base class of the shim's errors: a stable `code` from the shim's registry (`errors/codes.ts`),
 * and the transaction it concerns when known. Each code belongs to exactly one subclass.
 */
export abstract class ShimError<C extends ShimErrorCode = ShimErrorCode> extends ChaincodeError<C> {
  readonly txId: string | undefined;
  readonly channelId: string | undefined;

  protected constructor(code: C, message: string, options: ShimErrorOptions = {}) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.txId = options.txId;
    this.channelId = options.channelId;
  }
}

/** Options (argv, environment, files, or an options object) are missing or invalid. */
export class InvalidOptionsError extends ShimError<'CC_SHIM_INVALID_OPTIONS'> {
  constructor(message: string, options?: ShimErrorOptions) {
    super('CC_SHIM_INVALID_OPTIONS', message, options);
  }
}

/** A caller handed a shim method an argument Fabric would refuse (empty key, bad delimiter...). */
export class InvalidArgumentError extends ShimError<'CC_SHIM_INVALID_ARGUMENT'> {
  constructor(message: string, options?: ShimErrorOptions) {
    super('CC_SHIM_INVALID_ARGUMENT', message, options);
  }
}

/** The peer answered a request with ERROR; `message` is the peer's text. */
export class PeerRequestError extends ShimError<'CC_SHIM_PEER_ERROR'> {
  constructor(message: string, options?: ShimErrorOptions) {
    super('CC_SHIM_PEER_ERROR', message, options);
  }
}

/** A message from the peer could not be read (undecodable or missing proposal...). */
export class ProtocolError extends ShimError<'CC_SHIM_PROTOCOL_ERROR'> {
  constructor(message: string, options?: ShimErrorOptions) {
    super('CC_SHIM_PROTOCOL_ERROR', message, options);
  }
}

/** The stream to the peer ended; pending stub requests reject with this. */
export class StreamClosedError extends ShimError<'CC_SHIM_STREAM_CLOSED'> {
  constructor(message: string, options?: ShimErrorOptions) {
    super('CC_SHIM_STREAM_CLOSED', message, options);
  }
}

/** The peer did not answer a stub request within the request timeout. */
export class RequestTimeoutError extends ShimError<'CC_SHIM_REQUEST_TIMEOUT'> {
  constructor(message: string, options?: ShimErrorOptions) {
    super('CC_SHIM_REQUEST_TIMEOUT', message, options);
  }
}

/** Why the connection with the peer could not be made or kept. */
export type ConnectionErrorCode =
  'CC_SHIM_PEER_UNREACHABLE' | 'CC_SHIM_PEER_REFUSED' | 'CC_SHIM_CONNECTION_LOST' | 'CC_SHIM_LISTEN_FAILED';

/** The chaincode could not register with the peer, lost it for good, or could not listen for it. */
export class ConnectionError extends ShimError<ConnectionErrorCode> {
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor -- makes the protected base constructor public
  constructor(code: ConnectionErrorCode, message: string, options?: ShimErrorOptions) {
    super(code, message, options);
  }
}

/** A command line that cannot run: unknown flag, missing value, no command. Its message is the line the user sees. */
export class UsageError extends ShimError<'CC_SHIM_USAGE'> {
  constructor(message: string, options?: ShimErrorOptions) {
    super('CC_SHIM_USAGE', message, options);
  }
}

/** Why a command (start, server, metadata generate) could not go on, besides options and the peer. */
export type CommandErrorCode = 'CC_SHIM_MODULE_LOAD_FAILED' | 'CC_SHIM_FILE_ERROR';

/** A command could not load the contract package or write its output. */
export class CommandError extends ShimError<CommandErrorCode> {
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor -- makes the protected base constructor public
  constructor(code: CommandErrorCode, message: string, options?: ShimErrorOptions) {
    super(code, message, options);
  }
}

/** A contract package loaded, but exports no Contract classes. */
export class NoContractsError extends ShimError<'CC_SHIM_NO_CONTRACTS'> {
  constructor(message: string, options?: ShimErrorOptions) {
    super('CC_SHIM_NO_CONTRACTS', message, options);
  }
}

/** The transaction's creator cannot be read as an X.509 identity (not PEM, idemix, malformed DER...). */
export class IdentityError extends ShimError<'CC_SHIM_IDENTITY_ERROR'> {
  constructor(message: string, options?: ShimErrorOptions) {
    super('CC_SHIM_IDENTITY_ERROR', message, options);
  }
}

/** A message the chaincode was about to send is larger than its grpc.max_send_message_length; it was not sent. */
export class MessageTooLargeError extends ShimError<'CC_SHIM_MESSAGE_TOO_LARGE'> {
  constructor(message: string, options?: ShimErrorOptions) {
    super('CC_SHIM_MESSAGE_TOO_LARGE', message, options);
  }
}
