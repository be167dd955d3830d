import { resolveClientArgv, type ResolvedClientOptions } from './resolve-options';

/**
 * This process's arguments (after node and the script) and environment as `start` options: what
 * `Shim.start(chaincode)` without options reads, as fabric-shim does.
 */
export function clientOptionsFromProcess(): ResolvedClientOptions {
  return resolveClientArgv(process.argv.slice(2), process.env);
}
