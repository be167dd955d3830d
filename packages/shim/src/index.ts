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
  ChaincodeResponse as ChaincodeResponseApi,
} from '@chaincode/contract-api';
import * as errors from './errors/shim-error';
import { ClientIdentity as ClientIdentityClass } from './identity';
import { configureLogging as configureLoggingFn, type Logger } from './logging/logger';
import { startChaincode as startChaincodeFn } from './peer/client';
import { serveChaincode as serveChaincodeFn } from './peer/server';
import type { ChaincodeClientOptions } from './peer/options';
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
export const success = (payload?: Uint8Array): ChaincodeResponseApi => Shim.success(payload);

/** `{status: 500, message, payload: empty}`. */
export const error = (message: string): ChaincodeResponseApi => Shim.error(message);

/** A user logger (`CORE_CHAINCODE_LOGGING_LEVEL`). */
export const newLogger = (name?: string): Logger => Shim.newLogger(name);

/** Extend it, or just implement Init and Invoke. */
export const ChaincodeInterface = ChaincodeInterfaceClass;
export type ChaincodeInterface = ChaincodeInterfaceClass;

export const ChaincodeStub = ChaincodeStubClass;
export type ChaincodeStub = ChaincodeStubClass;
/** fabric-shim's other name for `ChaincodeStub`. */
export const Stub = ChaincodeStubClass;
export type Stub = ChaincodeStubClass;

export const ClientIdentity = ClientIdentityClass;
export type ClientIdentity = ClientIdentityClass;

export * as Iterators from './stub/iterators-namespace';
export const StateQueryIterator = StateQueryIteratorClass;
export type StateQueryIterator = StateQueryIteratorClass;
export const HistoryQueryIterator = HistoryQueryIteratorClass;
export type HistoryQueryIterator = HistoryQueryIteratorClass;

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
  ChaincodeResponse,
  CommonIterator,
  FunctionAndParameters,
  KeyModification,
  KV,
  ProposalView,
  QueryIterable,
  QueryResponseMetadata,
  SerializedIdentity,
  SplitCompositeKey,
  StateQueryResponse,
  Timestamp,
} from '@chaincode/contract-api';
