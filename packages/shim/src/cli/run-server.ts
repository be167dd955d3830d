import { errorMessage } from '../errors/shim-error';
import { resolveServerOptions } from '../config/resolve-options';
import { configureLogging } from '../logging/logger';
import { serveChaincode, type ChaincodeServer } from '../peer/server';
import { CommandError, reasonOf } from './command-error';
import { loadChaincodeForCommand } from './load-module';
import { resolveWithReason } from './run-start';

export interface RunServerInput {
  /** The command's own arguments (flags after `server`). */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Default of --module-path (the caller's working directory). */
  readonly cwd?: string;
  /** Stop listening and resolve. Without it the server runs until the process ends. */
  readonly signal?: AbortSignal;
  /** Called once listening, with the bound address (tests use port 0). */
  readonly onListening?: (server: ChaincodeServer) => void;
}

/**
 * `server` (chaincode as a service): resolve the options, load the contract module, listen for the
 * peer's Chaincode.Connect and serve until `signal` aborts.
 */
export async function runServer(input: RunServerInput): Promise<void> {
  const options = resolveWithReason(() => resolveServerOptions({ argv: input.argv, env: input.env, cwd: input.cwd }));
  configureLogging(options.logging);
  const chaincode = await loadChaincodeForCommand(options.modulePath);
  let server: ChaincodeServer;
  try {
    server = await serveChaincode(chaincode, options);
  } catch (err) {
    throw listenError(options.address, err);
  }
  input.onListening?.(server);
  await new Promise<void>((resolve) => {
    if (input.signal === undefined) return; // run until the process is stopped
    if (input.signal.aborted) resolve();
    else
      input.signal.addEventListener(
        'abort',
        () => {
          resolve();
        },
        { once: true },
      );
  });
  await server.close();
}

function listenError(address: string, err: unknown): CommandError {
  const message = errorMessage(err);
  if (/EADDRINUSE|address already in use|No address added/i.test(message)) {
    return new CommandError('ADDRESS_IN_USE', `cannot listen on ${address}: the port is already in use`, {
      cause: err,
    });
  }
  return new CommandError('INVALID_OPTIONS', `cannot listen on ${address}: ${reasonOf(message)}`, { cause: err });
}
