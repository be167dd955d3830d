import { ConnectionError } from '../errors/shim-error';
import { resolveClientOptions } from '../config/resolve-options';
import type { ParsedArgs } from '../config/option-source';
import * as shim from '../index';
import { routeGrpcLogs } from '../logging/grpc-logs';
import { configureLogging } from '../logging/logger';
import type { ChaincodeSession } from '../peer/session';
import { loadChaincodeForCommand } from './load-module';

export interface RunStartInput {
  /** The flags of `start` as the command's yargs parse gave them. */
  readonly args: ParsedArgs;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Default of --module-path (the caller's working directory). */
  readonly cwd?: string;
  /** Stop: close the session and resolve. */
  readonly signal?: AbortSignal;
}

function isSession(value: unknown): value is ChaincodeSession {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<ChaincodeSession>).close === 'function' &&
    (value as Partial<ChaincodeSession>).closed instanceof Promise
  );
}

/**
 * `start` (`cc-start`, `chaincode start`, `fabric-chaincode-node start`): resolve the options
 * (flags + CORE_* variables), load the contract module, and start it in client mode through the
 * public module's `start`, looked up at call time as the official CLI does (so a tool or test that
 * replaced `shim.start` receives the chaincode). Resolves when stopped through `signal` (or when a
 * replaced `start` returned no session); rejects with a `ConnectionError` when the session gives
 * up (never registered within the connect timeout, refused, or lost past the reconnect timeout).
 */
export async function runStart(input: RunStartInput): Promise<void> {
  const options = resolveClientOptions({ args: input.args, env: input.env, ...cwdOf(input) });
  configureLogging(options.logging);
  routeGrpcLogs();
  const chaincode = await loadChaincodeForCommand(options.modulePath);
  if (isAborted(input.signal)) return;
  const started: unknown = await shim.start(chaincode, options);
  if (!isSession(started)) return;
  const session = started;
  const stop = (): void => {
    void session.close();
  };
  input.signal?.addEventListener('abort', stop, { once: true });
  try {
    const end = await session.closed;
    if (isAborted(input.signal) || end.kind === 'closed') return;
    throw end.error ?? new ConnectionError('CC_SHIM_CONNECTION_LOST', end.reason);
  } finally {
    input.signal?.removeEventListener('abort', stop);
  }
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function cwdOf(input: { readonly cwd?: string }): { cwd?: string } {
  return input.cwd === undefined ? {} : { cwd: input.cwd };
}
