import type { ChaincodeInterface } from '@chaincode/contract-api';
import { configureLogging, shimLogger } from '../logging/logger';
import { resolveClientOptions } from '../config/resolve-options';
import { startChaincode } from '../peer/client';
import type { DisconnectReason } from '../peer/message-handler';
import type { ChaincodeClientOptions } from '../peer/options';
import type { ChaincodeSession } from '../peer/session';
import { backoffDelay, defaultRetryPolicy, sleep, type RetryPolicy } from './backoff';
import { CommandError, reasonOf } from './command-error';
import { loadChaincodeForCommand } from './load-module';

const log = shimLogger('start');

export interface RunStartInput {
  /** The command's own arguments (flags after `start`). */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Default of --module-path (the caller's working directory). */
  readonly cwd?: string;
  /** Stop: close the stream and resolve. */
  readonly signal?: AbortSignal;
  readonly retry?: Partial<RetryPolicy>;
  /** Called once the peer answered READY (tests, `cc dev`). */
  readonly onReady?: (info: { peerAddress: string; chaincodeIdName: string }) => void;
}

/**
 * `start`: resolve the options (flags + CORE_* variables), load the contract module, dial the peer
 * (retrying an unreachable peer with backoff), then serve until the stream ends. Resolves when
 * stopped through `signal`; rejects with a CommandError when the stream ends on its own, because a
 * chaincode process whose peer is gone has nothing left to do.
 */
export async function runStart(input: RunStartInput): Promise<void> {
  const options = resolveWithReason(() => resolveClientOptions({ argv: input.argv, env: input.env, cwd: input.cwd }));
  configureLogging(options.logging);
  const chaincode = await loadChaincodeForCommand(options.modulePath);
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...input.retry };
  const session = await connectWithRetry(chaincode, options, policy, input.signal);
  if (session === undefined) return; // stopped while connecting
  log.info(`chaincode ${options.chaincodeIdName} is registered with peer ${options.peerAddress}`);
  input.onReady?.({ peerAddress: options.peerAddress, chaincodeIdName: options.chaincodeIdName });

  const stop = (): void => {
    void session.close();
  };
  input.signal?.addEventListener('abort', stop, { once: true });
  try {
    const reason = await session.closed;
    if (input.signal?.aborted === true) return;
    throw new CommandError(
      'STREAM_ENDED',
      `the connection to peer ${options.peerAddress} ended: ${reasonOf(describeReason(reason))}`,
    );
  } finally {
    input.signal?.removeEventListener('abort', stop);
  }
}

/** Options errors become one-line reasons. */
export function resolveWithReason<T>(resolve: () => T): T {
  try {
    return resolve();
  } catch (err) {
    throw new CommandError('INVALID_OPTIONS', reasonOf(err), { cause: err });
  }
}

async function connectWithRetry(
  chaincode: ChaincodeInterface,
  options: ChaincodeClientOptions,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
): Promise<ChaincodeSession | undefined> {
  let lastReason = 'no attempt made';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (signal?.aborted === true) return undefined;
    const result = await tryConnect(chaincode, options, policy.attemptTimeoutMs);
    if (result.session !== undefined) return result.session;
    if (!isTransportFailure(result.reason)) {
      // the peer answered and said no (e.g. an unknown or duplicate chaincode id): retrying won't help
      throw new CommandError(
        'PEER_REFUSED',
        `the peer at ${options.peerAddress} did not accept chaincode ${options.chaincodeIdName}: ${result.reason}`,
      );
    }
    lastReason = connectFailure(result.reason);
    if (attempt < policy.attempts) {
      const delay = backoffDelay(policy, attempt);
      log.warning(`peer ${options.peerAddress} not reachable (${lastReason}); retry ${attempt} in ${delay} ms`);
      await sleep(delay, signal);
    }
  }
  if (signal?.aborted === true) return undefined;
  throw new CommandError(
    'PEER_UNREACHABLE',
    `cannot reach the peer at ${options.peerAddress} after ${policy.attempts} attempts: ${lastReason}`,
  );
}

type Attempt = { session: ChaincodeSession; reason?: undefined } | { session?: undefined; reason: string };

async function tryConnect(
  chaincode: ChaincodeInterface,
  options: ChaincodeClientOptions,
  timeoutMs: number,
): Promise<Attempt> {
  let session: ChaincodeSession;
  try {
    session = await startChaincode(chaincode, options);
  } catch (err) {
    return { reason: reasonOf(err) };
  }
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    session.ready.then(
      () => ({ ok: true as const }),
      (err: unknown) => ({ ok: false as const, reason: reasonOf(err) }),
    ),
    session.closed.then((reason) => ({ ok: false as const, reason: describeReason(reason) })),
    new Promise<{ ok: false; reason: string }>((resolve) => {
      timer = setTimeout(() => {
        resolve({ ok: false, reason: `no READY within ${timeoutMs} ms` });
      }, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome.ok) return { session };
  await session.close().catch(() => undefined);
  return { reason: reasonOf(outcome.reason) };
}

function describeReason(reason: DisconnectReason): string {
  return reason.reason === '' ? reasonOf(reason.error) : reason.reason;
}

/** Failures of the connection itself (worth retrying), as opposed to an answer from the peer. */
export function isTransportFailure(reason: string): boolean {
  return /UNAVAILABLE|ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|DEADLINE_EXCEEDED|no READY within|handshake|socket|connect/i.test(
    reason,
  );
}

/** A short cause for a failed dial, instead of grpc's paragraph. */
export function connectFailure(reason: string): string {
  if (/ECONNREFUSED/.test(reason)) return 'connection refused';
  if (/ENOTFOUND|EAI_AGAIN|Name resolution failed|DNS resolution failed/i.test(reason)) return 'host not found';
  if (/ETIMEDOUT|DEADLINE_EXCEEDED|timed out|no READY within/i.test(reason)) {
    return reason.includes('no READY') ? reason : 'connection timed out';
  }
  if (/handshake|certificate|SSL|TLS/i.test(reason)) return `TLS handshake failed (${reason})`;
  return reason;
}
