import type { ChaincodeInterface } from '@chaincode/contract-api';
import { ConnectionError } from '../errors/shim-error';
import type { Logger } from '../logging/logger';
import { backoffDelay, sleep } from './backoff';
import { dialPeer, type DialedStream, type PeerEndpoint } from './dial';
import type { DisconnectReason } from './disconnect-reason';
import type { ChaincodeMessageHandler } from './message-handler';
import { DEFAULT_CONNECT_TIMEOUT_MS, RECONNECT_FOREVER, type ChaincodeClientOptions } from './options';
import { isRetryable } from './retry-policy';
import type { ChaincodeSession } from './session';

type Registration =
  | { readonly ok: true; readonly stream: DialedStream; readonly attempts: number }
  | { readonly ok: false; readonly last: DisconnectReason | undefined; readonly attempts: number };

const CLOSED: DisconnectReason = { kind: 'closed', reason: 'closed by the chaincode' };

/**
 * Client mode's session: one stream to the peer at a time, registered again when it is lost.
 *
 * - Starting, the chaincode dials and sends REGISTER, retrying with backoff, until READY or until
 *   `connectTimeoutMs` (default 20 s) has passed since the start: then the session ends with
 *   `CC_SHIM_PEER_UNREACHABLE` naming what it waited for. A refusal by the peer ends it at once
 *   (`CC_SHIM_PEER_REFUSED`).
 * - Once READY, when the stream ends (peer restart, a frame grpc-js cannot read, a proxy reset),
 *   its in-flight transactions fail with `StreamClosedError` and the chaincode registers again,
 *   for `reconnectTimeoutMs` (-1: as long as it takes; 0: not at all), each attempt bounded by
 *   `connectTimeoutMs`; giving up ends the session with `CC_SHIM_CONNECTION_LOST`.
 */
export class ClientSession implements ChaincodeSession {
  readonly ready: Promise<void>;
  readonly closed: Promise<DisconnectReason>;
  readonly #chaincode: ChaincodeInterface;
  readonly #options: ChaincodeClientOptions;
  readonly #endpoint: PeerEndpoint;
  readonly #log: Logger;
  readonly #connectTimeoutMs: number;
  readonly #stop = new AbortController();
  #current: DialedStream | undefined;
  #resolveReady!: () => void;
  #rejectReady!: (error: Error) => void;
  #resolveClosed!: (reason: DisconnectReason) => void;

  constructor(chaincode: ChaincodeInterface, options: ChaincodeClientOptions, endpoint: PeerEndpoint, log: Logger) {
    this.#chaincode = chaincode;
    this.#options = options;
    this.#endpoint = endpoint;
    this.#log = log;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.ready = new Promise<void>((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.ready.catch(() => undefined);
    this.closed = new Promise<DisconnectReason>((resolve) => {
      this.#resolveClosed = resolve;
    });
    void this.#run();
  }

  /** The current stream's handler (state, transactions in flight), for the shim's own use. */
  get handler(): ChaincodeMessageHandler | undefined {
    return this.#current?.session.handler;
  }

  async close(): Promise<void> {
    if (!this.#stop.signal.aborted) {
      this.#stop.abort();
      await this.#current?.session.close();
    }
    await this.closed;
  }

  /** True once close() was called (a method, not a getter: it changes across awaits). */
  #closing(): boolean {
    return this.#stop.signal.aborted;
  }

  async #run(): Promise<void> {
    const target = this.#endpoint.target;
    const name = this.#options.chaincodeIdName;
    this.#log.debug('registering with the peer', {
      peer: target,
      chaincode: name,
      tls: this.#options.tls !== undefined,
    });
    let registration = await this.#register(Date.now() + this.#connectTimeoutMs, true);
    if (!registration.ok) {
      this.#finish(registration, (last) =>
        last.kind === 'refused' || !isRetryable(last)
          ? new ConnectionError(
              'CC_SHIM_PEER_REFUSED',
              `the peer at ${target} did not accept chaincode ${name}: ${last.reason}`,
            )
          : new ConnectionError(
              'CC_SHIM_PEER_UNREACHABLE',
              `could not register chaincode ${name} with the peer at ${target} within ${this.#connectTimeoutMs} ms ` +
                `(${attempts(registration.attempts)}): ${last.reason}`,
            ),
      );
      return;
    }
    this.#log.info('registered with the peer', { peer: target, chaincode: name });
    this.#resolveReady();
    const reconnectMs = this.#options.reconnectTimeoutMs ?? 0;
    for (;;) {
      const lost = await registration.stream.session.closed;
      if (this.#closing()) break;
      if (reconnectMs === 0) {
        this.#finish({ ok: false, last: lost, attempts: 0 }, () =>
          lostError(`the connection to the peer at ${target} ended (${lost.reason}); reconnecting is off`, lost),
        );
        return;
      }
      this.#log.warning('lost the connection to the peer; registering again', { peer: target, reason: lost.reason });
      const deadline = reconnectMs === RECONNECT_FOREVER ? Infinity : Date.now() + reconnectMs;
      registration = await this.#register(deadline, false);
      if (!registration.ok) {
        if (this.#closing()) break;
        const tried = attempts(registration.attempts);
        this.#finish(registration, (last) =>
          lostError(
            `the connection to the peer at ${target} ended (${lost.reason}) and registering again failed for ` +
              `${reconnectMs} ms (${tried}): ${last.reason}`,
            last,
          ),
        );
        return;
      }
      this.#log.info('registered with the peer again', { peer: target, attempts: registration.attempts });
    }
    this.#resolveClosed(CLOSED);
  }

  /** Attempts until one reaches READY, `deadline` passes, a first registration is refused, or close(). */
  async #register(deadline: number, first: boolean): Promise<Registration> {
    let failure: DisconnectReason | undefined;
    for (let attempt = 1; ; attempt++) {
      if (this.#closing()) return { ok: false, last: CLOSED, attempts: attempt - 1 };
      const window = Math.min(deadline - Date.now(), this.#connectTimeoutMs);
      const stream = dialPeer(this.#chaincode, this.#options, this.#endpoint, this.#log);
      this.#current = stream;
      const end = await handshake(stream, Math.max(1, window));
      if (end === undefined) return { ok: true, stream, attempts: attempt };
      // An attempt the deadline cut short says less than an earlier failure that had a cause.
      const last = end.kind === 'timeout' && window < this.#connectTimeoutMs ? withEarlier(end, failure) : end;
      if (end.kind !== 'timeout') failure = end;
      if (this.#closing() || (first && !isRetryable(end))) return { ok: false, last, attempts: attempt };
      const delay = backoffDelay(this.#options.backoff ?? {}, attempt - 1);
      if (Date.now() + delay >= deadline) return { ok: false, last, attempts: attempt };
      this.#logRetry(first, attempt, end, delay);
      await sleep(delay, this.#stop.signal);
    }
  }

  #logRetry(first: boolean, attempt: number, end: DisconnectReason, delay: number): void {
    const fields = { peer: this.#endpoint.target, attempt, reason: end.reason, retryInMs: delay };
    if (first) this.#log.info('the peer is not reachable yet; retrying', fields);
    else this.#log.debug('registering again failed; retrying', fields);
  }

  /** The session is over on its own: ready rejects (if pending) and closed resolves with `error`. */
  #finish(registration: Registration & { ok: false }, describe: (last: DisconnectReason) => ConnectionError): void {
    const last = registration.last ?? { kind: 'failed', reason: 'no attempt was made' };
    if (this.#closing() || last.kind === 'closed') {
      this.#rejectReady(new ConnectionError('CC_SHIM_CONNECTION_LOST', 'the session was closed by the chaincode'));
      this.#resolveClosed(CLOSED);
      return;
    }
    const error = describe(last);
    this.#log.error(error.message);
    this.#rejectReady(error);
    this.#resolveClosed({
      kind: last.kind,
      reason: error.message,
      error,
      ...(last.status === undefined ? {} : { status: last.status }),
    });
  }
}

/** `end`, with the cause of an earlier failed attempt when there was one. */
function withEarlier(end: DisconnectReason, earlier: DisconnectReason | undefined): DisconnectReason {
  if (earlier === undefined) return end;
  return { ...earlier, reason: `${earlier.reason} (then: ${end.reason})` };
}

function attempts(count: number): string {
  return count === 1 ? '1 attempt' : `${count} attempts`;
}

function lostError(message: string, last: DisconnectReason): ConnectionError {
  return new ConnectionError('CC_SHIM_CONNECTION_LOST', message, { cause: last.error });
}

/**
 * Wait for READY on a fresh stream, at most `timeoutMs`. Resolves undefined when READY came, else
 * the reason the stream ended (a timeout names what was still awaited).
 */
async function handshake(stream: DialedStream, timeoutMs: number): Promise<DisconnectReason | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    stream.session.ready.then(
      () => 'ready' as const,
      () => 'ended' as const,
    ),
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        resolve('timeout');
      }, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome === 'ready') return undefined;
  if (outcome === 'timeout') {
    await stream.session.end({ kind: 'timeout', reason: `no ${stream.waitingFor()} within ${timeoutMs} ms` });
  }
  return stream.session.closed;
}
