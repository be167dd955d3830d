import { resolveLogging, type LoggingEnvironment } from './logging-options';
import { resolveClientArgv, type ResolvedClientOptions } from './resolve-options';

/**
 * The one place the shim (and the CLI, through `@chaincode/shim/command-options`) reads this
 * process's environment and arguments; everything else takes them as values.
 */
export type ProcessEnvironment = Readonly<Record<string, string | undefined>>;

/** This process's environment variables. */
export function processEnvironment(): ProcessEnvironment {
  return process.env;
}

/**
 * This process's arguments (after node and the script) and environment as `start` options: what
 * `Shim.start(chaincode)` without options reads, as fabric-shim does.
 */
export function clientOptionsFromProcess(): ResolvedClientOptions {
  return resolveClientArgv(process.argv.slice(2), process.env);
}

/**
 * The logging variables of this process. The logger applies them before its first line, so a
 * chaincode started from code (tests, `startChaincode`) honours them as well as `cc-start` does.
 */
export function processLogging(): LoggingEnvironment {
  return resolveLogging(process.env);
}

/** Whether CORE_CHAINCODE_LOGGING_LEVEL asks for debug: failures then show their stacks and causes. */
export function isDebugLogging(env: ProcessEnvironment): boolean {
  return resolveLogging(env).level === 'debug';
}
