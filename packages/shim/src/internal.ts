/**
 * @internal Entry for our sibling packages (the CLI, the dev peer): not part of the public API;
 * it may change in any release. Users import from `@chaincode/shim`.
 */

// The wire codec and the gRPC service definitions (the dev peer is the other end of the wire).
export * from './wire/protos';
export * from './wire/services';

// Logging beyond `configureLogging`.
export {
  LOG_LEVELS,
  parseLogLevel,
  resetLogging,
  setUserLogLevel,
  shimLogger,
  userLogger,
  type Logger,
} from './logging/logger';
export { routeGrpcLogs } from './logging/grpc-logs';

// The error registry (docs/errors.md) and the errors only the commands throw.
export { shimErrorCodes, type ShimErrorCode } from './errors/codes';
export { CommandError, UsageError, type CommandErrorCode } from './errors/shim-error';

// The options module: parsed flags + CORE_* environment (+ files) → typed options.
export {
  envName,
  metadataGenerateOptions,
  serverCommandOptions,
  startCommandOptions,
  type FlagTable,
} from './config/command-flags';
export { parseCommandArgs } from './config/parse-args';
export {
  resolveClientArgv,
  resolveClientOptions,
  resolveLogging,
  resolveServerArgv,
  resolveServerOptions,
  type LoggingEnvironment,
  type OptionsInput,
  type ParsedArgs,
  type ResolvedClientOptions,
  type ResolvedServerOptions,
} from './config/resolve-options';

// The commands behind `cc-start`, `fabric-chaincode-node` and the CLI's start / server / metadata generate.
export { runStart, type RunStartInput } from './commands/run-start';
export { runServer, type RunServerInput } from './commands/run-server';
export { runCcStart } from './commands/cc-start-cli';
export { runFabricChaincodeNodeCli } from './commands/fabric-chaincode-node-cli';
export { program, runProgram, type CommandIo } from './commands/program';
export { startBuilder, startCommand } from './commands/start-command';
export { serverBuilder, serverCommand } from './commands/server-command';
export {
  generateMetadata,
  generatedMetadataText,
  type GeneratedMetadata,
  type GenerateMetadataInput,
} from './commands/generate-metadata';
export { loadChaincodeForCommand } from './commands/load-module';
export { isCommandError } from './commands/user-error';

// Runtime details: protocol state, defaults.
export { ProtocolState } from './peer/protocol-state';
export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_GRPC_OPTIONS,
  DEFAULT_MAX_CONCURRENT_TRANSACTIONS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_TRANSACTION_SLOT_TIMEOUT_MS,
  RECONNECT_FOREVER,
} from './peer/options';
export { DEFAULT_BACKOFF } from './peer/backoff';
export { VALIDATION_PARAMETER } from './stub/chaincode-stub';

// The contract dispatcher, beyond createContractChaincode.
export {
  loadContractModule,
  readContractModule,
  readMetadataFile,
  splitFunctionName,
  unusableParameters,
  SystemContract,
  DEFAULT_SERIALIZER_NAME,
  type LoadedContractModule,
  type Route,
  type SerializersConfig,
  type SerializerSource,
  type TransactionSerializer,
} from './dispatch';
