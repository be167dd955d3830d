/**
 * The probe both chaincodes run for the differential suite: ours in the test process, fabric-shim
 * 2.5.8's in a child process (this file is transpiled for it, so it imports nothing). It decodes
 * one call, runs it against the stack's stub, ClientIdentity or KeyEndorsementPolicy, and
 * describes what came back: the value with the type of every part (Buffer or plain Uint8Array,
 * Long, Map order, key order), its JSON text, or the error and whether it was thrown or rejected.
 */

/** An argument as it travels in a proposal (JSON), decoded to the same value on both sides. */
export type Enc =
  | { s: string }
  | { n: number | 'NaN' | 'Infinity' | '-Infinity' }
  | { b: boolean }
  | { u: 1 }
  | { z: 1 }
  | { buf: string }
  | { u8: string }
  | { arr: Enc[] }
  | { obj: Record<string, Enc> }
  | { fn: 1 };

/**
 * How to run a call: `call` calls and awaits; `walk` also walks the iterator it resolves with
 * (next() until done, then close()); `forAwait` iterates the returned value with `for await`;
 * `forAwaitBreak` leaves that loop after the first row; `closeValue` reports what close() of an
 * exhausted iterator resolves with; `twice` calls twice and says whether both calls returned the
 * same object; `script` runs steps on a KeyEndorsementPolicy.
 */
export type Mode = 'call' | 'walk' | 'forAwait' | 'forAwaitBreak' | 'closeValue' | 'twice' | 'script';

export interface Step {
  readonly method: string;
  readonly args: readonly Enc[];
}

export interface Call {
  readonly target: 'stub' | 'identity' | 'policy';
  readonly method: string;
  readonly args: readonly Enc[];
  readonly mode: Mode;
  /** `script` mode: the policy's constructor arguments are `args`, then these steps. */
  readonly steps?: readonly Step[];
}

/** What each stack provides besides the stub. */
export interface StackClasses {
  readonly ClientIdentity: new (stub: unknown) => object;
  readonly KeyEndorsementPolicy: new (...args: unknown[]) => object;
}

export type Desc =
  | { t: 'undefined' | 'null' | 'cycle' | 'deep' }
  | { t: 'string' | 'boolean' | 'number' | 'bigint' | 'symbol'; v: string }
  | { t: 'function'; name: string }
  | { t: 'bytes'; ctor: string; isBuffer: boolean; hex: string }
  | { t: 'Date'; v: string }
  | { t: 'Map'; entries: [Desc, Desc][] }
  | { t: 'Array'; items: Desc[] }
  | { t: 'iterator'; ctor: string }
  | { t: 'thenable'; isPromise: boolean }
  | { t: 'error'; message: string }
  | { t: 'object'; ctor: string; keys: string[]; props: Record<string, Desc> };

export interface ErrorDesc {
  readonly message: string;
  readonly isError: boolean;
  /** The error's class name: ours are typed (InvalidArgumentError...), the official's plain Errors. */
  readonly name: string;
}

/** One outcome: a value (described, plus its JSON text) or an error. */
export type Outcome =
  | { readonly kind: 'returned' | 'resolved'; readonly value: Desc; readonly json: string }
  | { readonly kind: 'threw' | 'rejected'; readonly error: ErrorDesc };

export interface Report {
  /** For calls answering a thenable: was it a real Promise, and async iterable? */
  readonly shape?: { readonly isPromise: boolean; readonly asyncIterable: boolean };
  readonly outcome: Outcome;
  /** `walk`: each next() result, then close(); `forAwait`: the rows, and the loop's error. */
  readonly steps?: readonly Outcome[];
  readonly same?: boolean;
}

const MAX_ROWS = 40;
const MAX_DEPTH = 8;

function hex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += (byte < 16 ? '0' : '') + byte.toString(16);
  return text;
}

function fromHex(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 2) bytes.push(parseInt(text.slice(i, i + 2), 16));
  return bytes;
}

export function decode(enc: Enc): unknown {
  if ('s' in enc) return enc.s;
  if ('n' in enc) return typeof enc.n === 'number' ? enc.n : Number(enc.n);
  if ('b' in enc) return enc.b;
  if ('u' in enc) return undefined;
  if ('z' in enc) return null;
  if ('buf' in enc) return Buffer.from(fromHex(enc.buf));
  if ('u8' in enc) return Uint8Array.from(fromHex(enc.u8));
  if ('arr' in enc) return enc.arr.map(decode);
  if ('obj' in enc) {
    const obj: Record<string, unknown> = {};
    for (const key of Object.keys(enc.obj)) obj[key] = decode(enc.obj[key] as Enc);
    return obj;
  }
  return function probeFunction(): string {
    return 'f';
  };
}

function ctorName(value: object): string {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return 'null-prototype';
  const ctor = (value as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor === 'function' && typeof ctor.name === 'string' ? ctor.name : '?';
}

function isIterator(value: object): boolean {
  const v = value as { next?: unknown; close?: unknown };
  return typeof v.next === 'function' && typeof v.close === 'function';
}

export function describe(value: unknown, depth = 0, seen: object[] = []): Desc {
  if (value === undefined) return { t: 'undefined' };
  if (value === null) return { t: 'null' };
  switch (typeof value) {
    case 'string':
      return { t: 'string', v: value };
    case 'boolean':
      return { t: 'boolean', v: String(value) };
    case 'number':
      return { t: 'number', v: Object.is(value, -0) ? '-0' : String(value) };
    case 'bigint':
      return { t: 'bigint', v: String(value) };
    case 'symbol':
      return { t: 'symbol', v: String(value) };
    case 'function':
      return { t: 'function', name: value.name };
    default:
      break;
  }
  const obj = value;
  if (seen.includes(obj)) return { t: 'cycle' };
  if (depth > MAX_DEPTH) return { t: 'deep' };
  if (obj instanceof Uint8Array) {
    return { t: 'bytes', ctor: ctorName(obj), isBuffer: Buffer.isBuffer(obj), hex: hex(obj) };
  }
  if (obj instanceof Date) return { t: 'Date', v: Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString() };
  if (obj instanceof Error) return { t: 'error', message: obj.message };
  if (typeof (obj as { then?: unknown }).then === 'function')
    return { t: 'thenable', isPromise: obj instanceof Promise };
  if (isIterator(obj)) return { t: 'iterator', ctor: ctorName(obj) };
  const inner = [...seen, obj];
  if (obj instanceof Map) {
    return {
      t: 'Map',
      entries: [...(obj as Map<unknown, unknown>)].map(([k, v]) => [
        describe(k, depth + 1, inner),
        describe(v, depth + 1, inner),
      ]),
    };
  }
  if (Array.isArray(obj)) return { t: 'Array', items: obj.map((item) => describe(item, depth + 1, inner)) };
  const keys = Object.keys(obj);
  const props: Record<string, Desc> = {};
  for (const key of keys) props[key] = describe((obj as Record<string, unknown>)[key], depth + 1, inner);
  return { t: 'object', ctor: ctorName(obj), keys, props };
}

function jsonOf(value: unknown): string {
  try {
    const text = JSON.stringify(value) as string | undefined;
    return text === undefined ? '(undefined)' : text;
  } catch (err) {
    return `(JSON.stringify threw: ${messageOf(err)})`;
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function errorDesc(err: unknown): ErrorDesc {
  return {
    message: messageOf(err),
    isError: err instanceof Error,
    name: err instanceof Error ? err.constructor.name : typeof err,
  };
}

function holdsIterator(desc: Desc): boolean {
  if (desc.t === 'iterator') return true;
  return desc.t === 'object' && Object.values(desc.props).some(holdsIterator);
}

/** A value and its JSON text (not for iterators: fabric-shim's hold its stream, and no contract stringifies one). */
function valueOutcome(kind: 'returned' | 'resolved', value: unknown): Outcome {
  const desc = describe(value);
  return { kind, value: desc, json: holdsIterator(desc) ? '(holds an iterator)' : jsonOf(value) };
}

async function settle(value: unknown): Promise<Outcome> {
  try {
    return valueOutcome('resolved', await value);
  } catch (err) {
    return { kind: 'rejected', error: errorDesc(err) };
  }
}

interface IteratorLike {
  next(): Promise<unknown>;
  close(): Promise<unknown>;
}

function iteratorOf(value: unknown): IteratorLike | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (isIterator(value)) return value as IteratorLike;
  const inner = (value as { iterator?: unknown }).iterator;
  return typeof inner === 'object' && inner !== null && isIterator(inner) ? (inner as IteratorLike) : undefined;
}

/** next() until done (at most MAX_ROWS), then close(); close()'s value is only kept in `closeValue` mode. */
async function walk(iterator: IteratorLike, keepCloseValue: boolean): Promise<Outcome[]> {
  const steps: Outcome[] = [];
  for (let i = 0; i < MAX_ROWS; i++) {
    let result: unknown;
    try {
      result = await iterator.next();
    } catch (err) {
      steps.push({ kind: 'rejected', error: errorDesc(err) });
      break;
    }
    steps.push(valueOutcome('resolved', result));
    if ((result as { done?: unknown } | undefined)?.done === true) break;
  }
  try {
    const closed = await iterator.close();
    steps.push(
      keepCloseValue ? valueOutcome('resolved', closed) : { kind: 'resolved', value: { t: 'undefined' }, json: '' },
    );
  } catch (err) {
    steps.push({ kind: 'rejected', error: errorDesc(err) });
  }
  return steps;
}

async function iterateWithForAwait(value: unknown, stopAfterFirst: boolean): Promise<Outcome[]> {
  const steps: Outcome[] = [];
  try {
    for await (const row of value as AsyncIterable<unknown>) {
      steps.push(valueOutcome('returned', row));
      if (stopAfterFirst || steps.length >= MAX_ROWS) break;
    }
  } catch (err) {
    steps.push({ kind: 'rejected', error: errorDesc(err) });
  }
  return steps;
}

function invoke(target: object, method: string, args: unknown[]): unknown {
  const fn = (target as Record<string, unknown>)[method];
  if (typeof fn !== 'function') throw new TypeError(`no method ${method}`);
  return (fn as (...a: unknown[]) => unknown).apply(target, args);
}

async function runOnTarget(target: object, call: Call): Promise<Report> {
  const args = call.args.map(decode);
  if (call.mode === 'twice') {
    let first: unknown;
    let second: unknown;
    try {
      first = invoke(target, call.method, args);
      second = invoke(target, call.method, args);
    } catch (err) {
      return { outcome: { kind: 'threw', error: errorDesc(err) } };
    }
    return { outcome: valueOutcome('returned', first), same: first === second };
  }
  let returned: unknown;
  try {
    returned = invoke(target, call.method, args);
  } catch (err) {
    return { outcome: { kind: 'threw', error: errorDesc(err) } };
  }
  const thenable = typeof (returned as { then?: unknown } | null | undefined)?.then === 'function';
  if (!thenable) return { outcome: valueOutcome('returned', returned) };
  const shape = {
    isPromise: returned instanceof Promise,
    asyncIterable: typeof (returned as Record<symbol, unknown>)[Symbol.asyncIterator] === 'function',
  };
  if (call.mode === 'forAwait' || call.mode === 'forAwaitBreak') {
    const steps = await iterateWithForAwait(returned, call.mode === 'forAwaitBreak');
    return { shape, outcome: { kind: 'resolved', value: { t: 'undefined' }, json: '' }, steps };
  }
  const outcome = await settle(returned);
  if (call.mode !== 'walk' && call.mode !== 'closeValue') {
    // An iterator left open is closed (its rows are not part of a `call` report).
    if (outcome.kind === 'resolved') await closeQuietly(returned);
    return { shape, outcome };
  }
  const iterator = outcome.kind === 'resolved' ? iteratorOf(await returned) : undefined;
  return iterator === undefined
    ? { shape, outcome }
    : { shape, outcome, steps: await walk(iterator, call.mode === 'closeValue') };
}

async function closeQuietly(result: unknown): Promise<void> {
  try {
    const iterator = iteratorOf(await result);
    if (iterator !== undefined) await iterator.close();
  } catch {
    // nothing to report: the call's own outcome is what counts
  }
}

async function runScript(classes: StackClasses, call: Call): Promise<Report> {
  let policy: object;
  try {
    policy = new classes.KeyEndorsementPolicy(...call.args.map(decode));
  } catch (err) {
    return { outcome: { kind: 'threw', error: errorDesc(err) } };
  }
  const steps: Outcome[] = [];
  for (const step of call.steps ?? []) {
    try {
      steps.push(valueOutcome('returned', invoke(policy, step.method, step.args.map(decode))));
    } catch (err) {
      steps.push({ kind: 'threw', error: errorDesc(err) });
    }
  }
  return { outcome: { kind: 'returned', value: { t: 'undefined' }, json: '' }, steps };
}

/**
 * fabric-shim keeps any setEvent payload and fails to encode COMPLETED later: an unhandled
 * rejection that ends its process. The probe replaces such an event so the suite goes on.
 */
function unencodablePayload(call: Call): boolean {
  if (call.target !== 'stub' || call.method !== 'setEvent') return false;
  const payload = call.args.length > 1 ? decode(call.args[1] as Enc) : undefined;
  return !(payload === undefined || payload === null || typeof payload === 'string' || payload instanceof Uint8Array);
}

/** Run one call on this stack. Never throws: every failure is part of the report. */
export async function runCall(stub: object, classes: StackClasses, call: Call): Promise<Report> {
  if (call.target === 'stub') {
    const report = await runOnTarget(stub, call);
    if (unencodablePayload(call) && report.outcome.kind === 'returned') {
      invoke(stub, 'setEvent', ['probe-replaced-event', Buffer.from('unencodable')]);
    }
    return report;
  }
  if (call.target === 'policy') return runScript(classes, call);
  let identity: object;
  try {
    identity = new classes.ClientIdentity(stub);
  } catch (err) {
    return { outcome: { kind: 'threw', error: errorDesc(err) } };
  }
  return runOnTarget(identity, call);
}

/** What a proposal carries for the probe: `['probe', JSON of the call, ...extra args]`. */
export const PROBE_FUNCTION = 'probe';
export const SEED_FUNCTION = 'seed';

/** The state every probe transaction reads, written once by each chaincode in its own namespace. */
export async function seed(
  stub: {
    putState(key: string, value: Uint8Array): Promise<unknown>;
    setStateValidationParameter(key: string, ep: Uint8Array): Promise<unknown>;
    putPrivateData(collection: string, key: string, value: Uint8Array): Promise<unknown>;
    setPrivateDataValidationParameter(collection: string, key: string, ep: Uint8Array): Promise<unknown>;
    createCompositeKey(objectType: string, attributes: string[]): string;
  },
  round: number,
): Promise<void> {
  const put = (key: string, value: string): Promise<unknown> => stub.putState(key, Buffer.from(value));
  for (let i = 1; i <= 7; i++) await put(`p${i}`, `value-${i}-round-${round}`);
  await put('p\u00fc', 'umlaut');
  await put('json', JSON.stringify({ b: 1, a: [true, null], c: 'x' }));
  for (const [color, id] of [
    ['blue', '1'],
    ['blue', '2'],
    ['red', '3'],
  ] as const) {
    await put(stub.createCompositeKey('color~id', [color, id]), `${color}-${id}`);
  }
  if (round === 1) {
    await stub.putPrivateData('col', 'p1', Buffer.from('secret-1'));
    await stub.putPrivateData('col', 'p2', Buffer.from('secret-2'));
    await stub.putPrivateData('col', 'p3', Buffer.from('secret-3'));
    await stub.putPrivateData('col', stub.createCompositeKey('owner', ['alice', '1']), Buffer.from('a1'));
  } else {
    await stub.putState('p7', Buffer.from(''));
    // Set in the last round: the bytes are no policy, so no later transaction could write p1 (the
    // dev peer's Gateway, as Fabric's, finds no endorsers that satisfy an unreadable key policy).
    await stub.setStateValidationParameter('p1', Buffer.from('policy-bytes'));
    await stub.setPrivateDataValidationParameter('col', 'p1', Buffer.from('pdc-policy'));
  }
}
