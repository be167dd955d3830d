import type { ParsedArgs } from '../config/option-source';
import { resolveServerOptions } from '../config/resolve-options';
import * as shim from '../index';
import { routeGrpcLogs } from '../logging/grpc-logs';
import { configureLogging } from '../logging/logger';
import { loadChaincodeForCommand } from './load-module';

export interface RunServerInput {
  /** The flags of `server` as the command's yargs parse gave them. */
  readonly args: ParsedArgs;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Default of --module-path (the caller's working directory). */
  readonly cwd?: string;
  /** Stop listening and resolve. Without it the server runs until the process ends. */
  readonly signal?: AbortSignal;
}

/**
 * `server` (chaincode as a service): resolve the options, load the contract module, and serve it
 * through the public module's `server` (looked up at call time, as the official CLI does) until
 * `signal` aborts. A connection that breaks ends alone; the others keep being served.
 */
export async function runServer(input: RunServerInput): Promise<void> {
  const options = resolveServerOptions({
    args: input.args,
    env: input.env,
    ...(input.cwd === undefined ? {} : { cwd: input.cwd }),
  });
  configureLogging(options.logging);
  routeGrpcLogs();
  const chaincode = await loadChaincodeForCommand(options.modulePath);
  const server = shim.server(chaincode, options);
  await server.start();
  await new Promise<void>((resolve) => {
    const signal = input.signal;
    if (signal === undefined) return; // run until the process is stopped
    if (signal.aborted) resolve();
    else
      signal.addEventListener(
        'abort',
        () => {
          resolve();
        },
        { once: true },
      );
  });
  await server.close();
}
