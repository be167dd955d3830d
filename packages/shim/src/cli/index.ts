/**
 * The command logic behind `fabric-chaincode-node` and `cc` (start, server, metadata generate),
 * kept in the shim so the drop-in bin needs no CLI package.
 */
export { argsAfterCommand } from './command-args';
export { CommandError, isCommandError, reasonOf, type CommandErrorCode } from './command-error';
export {
  metadataGenerateOptions,
  serverCommandOptions,
  serverTlsFlagProblem,
  startCommandOptions,
} from './command-options';
export { runFabricChaincodeNodeCli, type FabricChaincodeNodeCliInput } from './fabric-chaincode-node-cli';
export {
  generateMetadata,
  generatedMetadataText,
  type GeneratedMetadata,
  type GenerateMetadataInput,
} from './generate-metadata';
export { loadChaincodeForCommand } from './load-module';
export { defaultRetryPolicy, type RetryPolicy } from './backoff';
export { runServer, type RunServerInput } from './run-server';
export { runStart, type RunStartInput } from './run-start';
