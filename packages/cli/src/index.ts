/** `@chaincode/cli` as a library: the `cc` command line, for embedding and tests. */
export { createCli, runCli } from './cli';
export { CliError, type CliErrorCode } from './cli-error';
export type { CliContext, CliInput, TextSink } from './context';
export { describeFailure, exitCodeOf, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './entry';
export { UsageError } from './usage-error';
export { packageChaincode, type PackageOptions, type PackageResult } from './commands/package/package';
export { initProject, type InitOptions, type InitResult } from './commands/init/init';
export { TEMPLATE_NAMES, type TemplateName } from './commands/init/template-dir';
