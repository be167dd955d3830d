import type { DevPeer, TransactionResult } from '@chaincode/dev-peer';
import type { ChaincodeMessage } from '@chaincode/shim/internal';

/** Bound on waiting for something a stack may never do (termination only, never asserted). */
export const HANG_BOUND_MS = 4000;

/**
 * A transaction through the dev peer, bounded: its result; `undefined` when no answer came within
 * `ms`; a result with status 0 when the peer could not send it (no chaincode registered).
 */
export async function call(
  promise: Promise<TransactionResult>,
  ms = HANG_BOUND_MS,
): Promise<TransactionResult | undefined> {
  return within(
    promise.catch((error: unknown): TransactionResult => {
      const code = (error as { code?: unknown }).code;
      return {
        status: 0,
        message:
          code === 'CC_DEVPEER_NOT_REGISTERED' ? 'not sent: no chaincode registered' : `not sent: ${String(error)}`,
        payload: new Uint8Array(0),
      } as unknown as TransactionResult;
    }),
    ms,
  );
}

/** The value, or `undefined` once `ms` passed. */
export async function within<T>(promise: Promise<T>, ms = HANG_BOUND_MS): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => {
          resolve(undefined);
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export const text = (bytes: Uint8Array | null | undefined): string =>
  Buffer.from(bytes ?? new Uint8Array(0)).toString('utf8');

/** Table text: txids and ports replaced, long texts cut, one line. */
export function normalize(value: string, max = 160): string {
  const flat = value
    .replace(/[0-9a-f]{64}/g, '<txid>')
    .replace(/\[([\w.-]*)-[0-9a-f]{8}\]/g, '[$1-<txid>]')
    .replace(/\btransaction [0-9a-f]{8} on channel/g, 'transaction <txid> on channel')
    .replace(/127\.0\.0\.1:\d+/g, '<address>')
    .replace(/\s*\n\s*/g, ' ⏎ ')
    .replace(/\|/g, '\\|');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** `200 "payload"` or `500 "message"`, as the client gets it. */
export function describe(r: TransactionResult | undefined): string {
  if (r === undefined) return 'no answer';
  if (r.status === 0) return r.message;
  const body = r.status < 400 ? text(r.payload) : r.message;
  return `${String(r.status)} "${normalize(body, 120)}"`;
}

/** A message the chaincode sent, as the table shows it: `ERROR "..."`, `COMPLETED 500 "..."`. */
export function describeMessage(typeName: string, payload: string): string {
  return payload === '' ? typeName : `${typeName} "${normalize(payload, 120)}"`;
}

/** Every message the chaincode `name` sends from now on; `stop()` unsubscribes. */
export function recordFrom(peer: DevPeer, name: string): { readonly messages: ChaincodeMessage[]; stop(): void } {
  const messages: ChaincodeMessage[] = [];
  const stop = peer.connection(name).onMessage((m) => messages.push(m));
  return { messages, stop };
}

/** Wait (polling, bounded) until `predicate` holds; false if it never did. */
export async function eventually(predicate: () => boolean, ms = HANG_BOUND_MS): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

let round = 0;

/**
 * A few normal transactions proving correct service: a committed write read back, a typed call,
 * and nothing on Object.prototype. Waits (bounded) for the chaincode to be registered first.
 */
export async function serviceCheck(
  peer: DevPeer,
  name: string,
  registerWaitMs: number,
): Promise<{ readonly ok: boolean; readonly detail: string }> {
  try {
    await peer.waitForChaincode(name, { timeoutMs: registerWaitMs });
  } catch {
    return { ok: false, detail: 'not registered' };
  }
  const n = String(++round);
  const put = await call(peer.submit(name, ['chaos:put', `svc${n}`, `value ${n}`]));
  const get = await call(peer.evaluate(name, ['chaos:get', `svc${n}`]));
  const add = await call(peer.evaluate(name, ['chaos:add', '2', '3']));
  const probe = await call(peer.evaluate(name, ['chaos:probe']));
  const seen = [put, get, add, probe].map(describe);
  const ok =
    put?.status === 200 &&
    put.committed &&
    get?.status === 200 &&
    text(get.payload) === `value ${n}` &&
    add?.status === 200 &&
    text(add.payload) === '5' &&
    probe?.status === 200 &&
    text(probe.payload) === '{"polluted":null}';
  return { ok, detail: ok ? 'serves' : seen.join(' / ') };
}
