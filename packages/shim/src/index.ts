/**
 * `@chaincode/shim`: the chaincode runtime, with fabric-shim 2.5's names.
 *
 * What a user needs and nothing else: what our sibling packages need goes through
 * `@chaincode/shim/internal`. Every value is exported as `export const`, so that
 * `require('@chaincode/shim')` is a plain object of ordinary writable properties, as fabric-shim's
 * is: `sinon.stub(shim, 'start')` and `shim.start = fn` work, and the bins call `start` through
 * this object at call time.
 */
import type {
  ChaincodeInterface as ChaincodeInterfaceApi,
  ChaincodeStub as ChaincodeStubApi,
  ClientIdentity as ClientIdentityApi,
  ErrorResponse as ErrorResponseApi,
  HistoryQueryIterator as HistoryQueryIteratorApi,
  StateQueryIterator as StateQueryIteratorApi,
  SuccessResponse as SuccessResponseApi,
} from '@chaincode/contract-api';
import * as errors from './errors/shim-error';
import { ClientIdentity as ClientIdentityClass } from './identity/client-identity';
import { configureLogging as configureLoggingFn, type Logger } from './logging/logger';
import { startChaincode as startChaincodeFn } from './peer/client';
import { serveChaincode as serveChaincodeFn } from './peer/server';
import type { ChaincodeClientOptions, ServerTlsOptions } from './peer/options';
import type { ChaincodeSession } from './peer/session';
import { ENDORSER_ROLES as ENDORSER_ROLES_VALUE, KeyEndorsementPolicy as KeyEndorsementPolicyClass } from './policy';
import {
  ChaincodeInterface as ChaincodeInterfaceClass,
  Shim as ShimClass,
  type ShimServer,
  type ShimServerOptions,
} from './shim';
import { ChaincodeStub as ChaincodeStubClass } from './stub/chaincode-stub';
import {
  HistoryQueryIterator as HistoryQueryIteratorClass,
  StateQueryIterator as StateQueryIteratorClass,
} from './stub/iterators';
import { createContractChaincode as createContractChaincodeFn } from './dispatch';

// --- fabric-shim's names ---------------------------------------------------------------------

/** fabric-shim's entry points as a class: `Shim.start/server/success/error/newLogger`. */
export const Shim = ShimClass;
export type Shim = ShimClass;

/**
 * Start a low-level chaincode in client mode (fabric-shim's `start`). Without options they come
 * from the process's arguments and CORE_* variables. Calls `Shim.start` at call time.
 */
export const start = (chaincode: ChaincodeInterfaceApi, options?: ChaincodeClientOptions): Promise<ChaincodeSession> =>
  Shim.start(chaincode, options);

/** Chaincode as a service (fabric-shim's `server`): returns a server to `start()`. */
export const server = (chaincode: ChaincodeInterfaceApi, serverOptions: ShimServerOptions): ShimServer =>
  Shim.server(chaincode, serverOptions);

/** `{status: 200, message: '', payload}`. */
export const success = (payload?: Uint8Array): SuccessResponseApi => Shim.success(payload);

/** `{status: 500, message, payload: empty}`. */
export const error = (message: string): ErrorResponseApi => Shim.error(message);

/** A user logger (`CORE_CHAINCODE_LOGGING_LEVEL`). */
export const newLogger = (name?: string): Logger => Shim.newLogger(name);

/** Extend it, or just implement Init and Invoke. */
export const ChaincodeInterface = ChaincodeInterfaceClass;
export type ChaincodeInterface = ChaincodeInterfaceClass;

// The stub, the identity and the iterators: as values the classes (`ChaincodeStub.RESPONSE_CODE`,
// `new ClientIdentity(stub)`, `instanceof`, stubbing a prototype with sinon); as types the
// interfaces fabric-shim-api declares (also `ctx.stub`'s and `ctx.clientIdentity`'s), so a test
// double, `sinon.createStubInstance(ChaincodeStub)` or whatever a query resolves with fits wherever
// the name is expected, as with fabric-shim's structural declarations.

export const ChaincodeStub = ChaincodeStubClass;
export type ChaincodeStub = ChaincodeStubApi;
/** fabric-shim's other name for `ChaincodeStub`. */
export const Stub = ChaincodeStubClass;
export type Stub = ChaincodeStubApi;

export const ClientIdentity = ClientIdentityClass;
export type ClientIdentity = ClientIdentityApi;

/** fabric-shim's `Iterators`: `Iterators.StateQueryIterator`, `Iterators.HistoryQueryIterator` and their result types. */
export * as Iterators from './stub/iterators-namespace';
export const StateQueryIterator = StateQueryIteratorClass;
export type StateQueryIterator = StateQueryIteratorApi;
export const HistoryQueryIterator = HistoryQueryIteratorClass;
export type HistoryQueryIterator = HistoryQueryIteratorApi;

export const KeyEndorsementPolicy = KeyEndorsementPolicyClass;
export type KeyEndorsementPolicy = KeyEndorsementPolicyClass;
export const ENDORSER_ROLES = ENDORSER_ROLES_VALUE;
export type { EndorserRole } from './policy';

export default ShimClass;

// --- our additions ---------------------------------------------------------------------------

/** Client mode with explicit options: dial the peer, register, serve (see `ChaincodeClientOptions`). */
export const startChaincode = startChaincodeFn;
/** Chaincode as a service with explicit options (see `ChaincodeServerOptions`). */
export const serveChaincode = serveChaincodeFn;
/** Contract classes → a chaincode for `startChaincode`/`serveChaincode` (what `cc-start` runs). */
export const createContractChaincode = createContractChaincodeFn;
/** Levels, format and destination of the shim's logging (CORE_CHAINCODE_LOGGING_* are the defaults). */
export const configureLogging = configureLoggingFn;

// The errors the shim throws; each `code` is in docs/errors.md.
export const ShimError = errors.ShimError;
export type ShimError = errors.ShimError;
export const InvalidOptionsError = errors.InvalidOptionsError;
export type InvalidOptionsError = errors.InvalidOptionsError;
export const InvalidArgumentError = errors.InvalidArgumentError;
export type InvalidArgumentError = errors.InvalidArgumentError;
export const PeerRequestError = errors.PeerRequestError;
export type PeerRequestError = errors.PeerRequestError;
export const ProtocolError = errors.ProtocolError;
export type ProtocolError = errors.ProtocolError;
export const StreamClosedError = errors.StreamClosedError;
export type StreamClosedError = errors.StreamClosedError;
export const RequestTimeoutError = errors.RequestTimeoutError;
export type RequestTimeoutError = errors.RequestTimeoutError;
export const ConnectionError = errors.ConnectionError;
export type ConnectionError = errors.ConnectionError;
export const NoContractsError = errors.NoContractsError;
export type NoContractsError = errors.NoContractsError;
export const IdentityError = errors.IdentityError;
export type IdentityError = errors.IdentityError;
export type { ConnectionErrorCode, ShimErrorCode, ShimErrorOptions } from './errors/shim-error';

// Types of the options, sessions and servers.
export type { ShimServer, ShimServerOptions } from './shim';
/** fabric-shim's name for the options of `Shim.server` (`{ccid, address, tlsProps?, 'grpc.*'?}`). */
export type ChaincodeServerOpts = ShimServerOptions;
/** fabric-shim's name for `tlsProps` of `Shim.server`: `{key, cert, clientCACerts?}`. */
export type ChaincodeServerTLSProperties = ServerTlsOptions;
export type { ChaincodeSession } from './peer/session';
export type { ChaincodeServer } from './peer/server';
export type { DisconnectKind, DisconnectReason } from './peer/disconnect-reason';
export type { BackoffOptions } from './peer/backoff';
export type {
  ChaincodeClientOptions,
  ChaincodeServerOptions,
  ClientTlsOptions,
  GrpcOptions,
  ServerTlsOptions,
} from './peer/options';
export type { ContractChaincode, ContractChaincodeOptions } from './dispatch';
export type { LogFields, Logger, LoggingConfig, LogLevel, LogSink } from './logging/logger';
export type { CreatorSource } from './identity';
export type { PeerCapabilities } from './stub/transaction-port';

// Types of the stub API (fabric-shim-api's), re-exported for convenience.
export type {
  ChaincodeProposal,
  ChaincodeResponse,
  CommonIterator,
  ErrorResponse,
  FunctionAndParameters,
  KeyModification,
  KV,
  ProposalView,
  QueryIterable,
  QueryResponseMetadata,
  SerializedIdentity,
  SplitCompositeKey,
  SplitCompositekey,
  StateQueryResponse,
  SuccessResponse,
  Timestamp,
} from '@chaincode/contract-api';
