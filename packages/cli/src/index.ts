/** `@chaincode/cli` as a library: the `chaincode` command line, for embedding and tests. */
export { createCli, runCli, runCommandLine, type CommandLineOutcome } from './cli';
export { CliError, UsageError } from './errors/cli-error';
export type { CliErrorCode } from './errors/codes';
export type { CliContext, CliInput, TextSink } from './context';
export { describeFailure, exitCodeOf, runEntry, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './entry';
export { packageChaincode, type PackageOptions, type PackageResult } from './commands/package/package';
export type { ConnectionFlags } from './commands/package/connection';
export { initProject, type InitOptions, type InitResult } from './commands/init/init';
export { TEMPLATE_NAMES, type TemplateName } from './commands/init/template-dir';
