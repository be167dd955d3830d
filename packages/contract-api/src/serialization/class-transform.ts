import type * as ClassTransformer from 'class-transformer';

/**
 * class-transformer's `instanceToPlain` and `plainToInstance` with their default options, as the
 * serializer uses them (fabric-contract-api does the same), computed directly while no
 * class-transformer decorator (`@Type`, `@Expose`, `@Exclude`, `@Transform`) is registered.
 *
 * Why: with an empty metadata store, class-transformer still looks every key up in four metadata
 * maps along the class's ancestors (and filters and copies arrays for each), which cost more than
 * the rest of a small transaction. Without metadata its result only depends on the value, and the
 * walks below follow its steps one by one (the same keys in the same order, the same reads of each
 * property, getters and methods called as it calls them, `__proto__` and `constructor` skipped,
 * Sets as arrays, Maps as objects, Dates and Buffers copied, array holes dropped), so the JSON is
 * byte for byte the same. As soon as a decorator is registered, or a value holds a promise (which
 * class-transformer resolves later), class-transformer itself does the work.
 */

interface MetadataMaps {
  readonly _typeMetadatas?: unknown;
  readonly _transformMetadatas?: unknown;
  readonly _exposeMetadatas?: unknown;
  readonly _excludeMetadatas?: unknown;
  readonly getAncestors?: unknown;
}

const storage = loadMetadataStorage();

let classTransformer: typeof ClassTransformer | undefined;

/** class-transformer itself (34 modules), loaded the first time a value needs it. */
function library(): typeof ClassTransformer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when first needed, not at startup
  classTransformer ??= require('class-transformer') as typeof ClassTransformer;
  return classTransformer;
}

function instanceToPlain(value: unknown): unknown {
  return library().instanceToPlain(value);
}

function plainToInstance(cls: new () => object, json: Indexable): object {
  return library().plainToInstance(cls, json);
}

function loadMetadataStorage(): MetadataMaps | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the store is not exported by the package's index
    const { defaultMetadataStorage: store } = require('class-transformer/cjs/storage') as {
      defaultMetadataStorage?: unknown;
    };
    return typeof store === 'object' && store !== null ? store : undefined;
  } catch {
    return undefined;
  }
}

function isEmptyMap(value: unknown): boolean {
  return value instanceof Map && value.size === 0;
}

/** No class-transformer decorator registered anywhere (an unknown store layout counts as "some"). */
export function noTransformMetadata(): boolean {
  return (
    storage !== undefined &&
    typeof storage.getAncestors === 'function' &&
    isEmptyMap(storage._typeMetadatas) &&
    isEmptyMap(storage._transformMetadatas) &&
    isEmptyMap(storage._exposeMetadatas) &&
    isEmptyMap(storage._excludeMetadatas)
  );
}

/**
 * class-transformer looks a class's metadata up along its ancestors, found from
 * `target.prototype.constructor`; for a value whose `constructor` is no such class (a string in an
 * own `constructor` property, say) that lookup throws. Asked of the store itself (which caches it).
 */
function ancestorsResolve(target: unknown): boolean {
  if (!target) return true;
  try {
    (storage as { getAncestors: (target: unknown) => unknown }).getAncestors(target);
    return true;
  } catch {
    return false;
  }
}

/** The class class-transformer takes an object for when no type is given (none for plain objects). */
function guessedType(value: object): unknown {
  const ctor = (value as { constructor?: unknown }).constructor;
  if (ctor === Object || (!Array.isArray(value) && ctor === Array)) return undefined;
  return ctor;
}

/** What the walks answer when class-transformer must do the work; never leaves this module. */
const DELEGATE = Symbol('delegate to class-transformer');

type Indexable = Record<PropertyKey, unknown>;

/** `instanceToPlain(value)` (class-transformer 0.5, default options). */
export function toPlain(value: unknown): unknown {
  if (!noTransformMetadata()) return instanceToPlain(value);
  const plain = plainOf(value, false);
  return plain === DELEGATE ? instanceToPlain(value) : plain;
}

function isThenable(value: object): boolean {
  return typeof (value as { then?: unknown }).then === 'function';
}

/** class-transformer's CLASS_TO_PLAIN step with no metadata (so no target type matters). */
function plainOf(value: unknown, isMap: boolean): unknown {
  if (Array.isArray(value) || value instanceof Set) return plainOfList(value as unknown[]);
  if (typeof value !== 'object' || value === null) return value;
  if (!isMap) {
    if (value instanceof Date) return new Date(value.valueOf());
    if (Buffer.isBuffer(value)) return Buffer.from(value);
    if (isThenable(value)) return DELEGATE;
  }
  if (!ancestorsResolve(guessedType(value))) return DELEGATE;
  if (value instanceof Map) return plainOfMap(value as Map<unknown, unknown>);
  // a value flagged as a Map that is none (a getter answering differently on each read): rare, delegated
  if (isMap) return DELEGATE;
  const source = value as Indexable;
  const out: Indexable = {};
  for (const key of Object.keys(source)) {
    if (key === '__proto__' || key === 'constructor') continue;
    const sub = source[key] instanceof Function ? (source[key] as () => unknown)() : source[key];
    const plain = plainOf(pickFinal(source, key, sub), sub instanceof Map);
    if (plain === DELEGATE) return DELEGATE;
    out[key] = plain;
  }
  return out;
}

/** An array or a Set, element by element as `forEach` visits them (holes left out). */
function plainOfList(list: unknown[]): unknown {
  const out: unknown[] = [];
  const state = { delegate: false };
  list.forEach((element: unknown) => {
    if (state.delegate) return;
    const plain = plainOf(element, element instanceof Map);
    if (plain === DELEGATE) state.delegate = true;
    else out.push(plain);
  });
  return state.delegate ? DELEGATE : out;
}

/** A Map's entries become the object's keys (its own properties are left out). */
function plainOfMap(map: Map<unknown, unknown>): unknown {
  const source = map as unknown as Indexable;
  const out: Indexable = {};
  for (const key of Array.from(map.keys())) {
    if (key === '__proto__' || key === 'constructor') continue;
    const sub = map.get(key);
    const plain = plainOf(pickFinal(source, key as PropertyKey, sub), sub instanceof Map);
    if (plain === DELEGATE) return DELEGATE;
    out[key as PropertyKey] = plain;
  }
  return out;
}

/**
 * The reads class-transformer makes of a property after taking its value: one for the array-type
 * lookup, then the "original value" and its comparison with itself (which differs only for a getter
 * answering something new on every read, in which case the later read is used).
 */
function pickFinal(source: Indexable, key: PropertyKey, sub: unknown): unknown {
  void Array.isArray(source[key]);
  const original = source[key];
  return source[key] === original ? sub : original;
}

const BUILT_IN_TARGETS: ReadonlySet<unknown> = new Set([String, Number, Boolean, Date, Buffer, Map, Set, Promise]);

/**
 * `plainToInstance(cls, json)` (class-transformer 0.5, default options) for a JSON object (what
 * `JSON.parse` gives: plain objects, arrays and primitives only).
 */
export function toInstance(cls: new () => object, json: Indexable): object {
  if (!noTransformMetadata() || BUILT_IN_TARGETS.has(cls) || isThenable(json) || !ancestorsResolve(cls)) {
    return plainToInstance(cls, json);
  }
  // The nested values first: plain copies, computed without running any of the class's code, so that
  // a value class-transformer treats differently sends the whole object to it before `new cls()` ran.
  const keys: string[] = [];
  const values: unknown[] = [];
  for (const key of Object.keys(json)) {
    if (key === '__proto__' || key === 'constructor') continue;
    const copy = jsonCopy(json[key]);
    if (copy === DELEGATE) return plainToInstance(cls, json);
    keys.push(key);
    values.push(copy);
  }
  const instance = new cls() as Indexable;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (skipsKey(instance, key)) continue;
    instance[key] = values[i];
  }
  return instance;
}

/**
 * class-transformer leaves out a key the new object has as a method, or as an accessor without a
 * setter on its constructor's prototype.
 */
function skipsKey(target: Indexable, key: string): boolean {
  // read as class-transformer reads it (a missing constructor throws the same TypeError)
  const prototype = (target.constructor as { prototype?: object }).prototype;
  if (!prototype) return false;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
  return (descriptor !== undefined && descriptor.set === undefined) || target[key] instanceof Function;
}

/** PLAIN_TO_CLASS of a JSON value with no target type: arrays and plain objects copied. */
function jsonCopy(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const element of value as unknown[]) {
      const copy = jsonCopy(element);
      if (copy === DELEGATE) return DELEGATE;
      out.push(copy);
    }
    return out;
  }
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Indexable;
  // an own "constructor" key would become the target type; a "then" function a promise
  if (source.constructor !== Object || isThenable(source)) return DELEGATE;
  const out: Indexable = {};
  for (const key of Object.keys(source)) {
    if (key === '__proto__' || key === 'constructor') continue;
    if (skipsKey(out, key)) continue;
    const copy = jsonCopy(source[key]);
    if (copy === DELEGATE) return DELEGATE;
    out[key] = copy;
  }
  return out;
}
