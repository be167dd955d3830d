export * from './errors/shim-error';
export {
  configureLogging,
  parseLogLevel,
  setUserLogLevel,
  shimLogger,
  userLogger,
  type LogFields,
  type Logger,
  type LoggingConfig,
  type LogLevel,
  type LogSink,
} from './logging/logger';
export { ClientIdentity, type CreatorSource } from './identity';

// fabric-shim's runtime surface: Shim (start/server/success/error/newLogger), the stub, iterators.
export { ChaincodeInterface, error, newLogger, server, Shim, start, success } from './shim';
export type { ShimServer, ShimServerOptions } from './shim';
export { VALIDATION_PARAMETER } from './stub/chaincode-stub';
export { ChaincodeStub, ChaincodeStub as Stub } from './stub/public-names';
export { HistoryQueryIterator, StateQueryIterator } from './stub/iterators-namespace';
export * as Iterators from './stub/iterators-namespace';
export type { PeerCapabilities } from './stub/transaction-port';

// Client and server mode.
export { startChaincode } from './peer/client';
export { serveChaincode, type ChaincodeServer } from './peer/server';
export type { ChaincodeSession } from './peer/session';
export type { DisconnectReason } from './peer/message-handler';
export { ProtocolState } from './peer/protocol-state';
export {
  DEFAULT_GRPC_OPTIONS,
  DEFAULT_MAX_CONCURRENT_TRANSACTIONS,
  DEFAULT_TRANSACTION_SLOT_TIMEOUT_MS,
  type ChaincodeClientOptions,
  type ChaincodeServerOptions,
  type ClientTlsOptions,
  type GrpcOptions,
  type ServerTlsOptions,
} from './peer/options';

// The options module: argv + CORE_* environment (+ files) → typed options.
export {
  resolveClientOptions,
  resolveLogging,
  resolveServerOptions,
  type OptionsInput,
  type ResolvedClientOptions,
  type ResolvedServerOptions,
} from './config/resolve-options';

// Types of the stub API, re-exported for convenience.
export type {
  ChaincodeProposal,
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
  SplitCompositekey,
  StateQueryResponse,
  Timestamp,
} from '@chaincode/contract-api';

export { Shim as default } from './shim';
export { ENDORSER_ROLES, KeyEndorsementPolicy, type EndorserRole } from './policy';

// The commands behind the `fabric-chaincode-node` bin and `cc` (start, server, metadata generate).
export * from './cli';

// The contract dispatcher (engineer CONTRACTS).
export {
  createContractChaincode,
  loadContractModule,
  readContractModule,
  readMetadataFile,
  splitFunctionName,
  SystemContract,
  DEFAULT_SERIALIZER_NAME,
  type ContractChaincode,
  type ContractChaincodeOptions,
  type LoadedContractModule,
  type Route,
  type SerializersConfig,
  type SerializerSource,
  type TransactionSerializer,
} from './dispatch';
