/* eslint-disable @typescript-eslint/no-unnecessary-type-parameters -- typed views of untyped reflect-metadata storage */
import 'reflect-metadata';

/**
 * The metadata store. Each class holds only its own records; a decorator never touches the lists of
 * a parent class (copy on write), and readers merge the chain from the root down (merge on read).
 */

/** Append one record to `target`'s own list under `key`, replacing the list instead of mutating it. */
export function appendOwn<T>(key: symbol, target: object, record: T): void {
  const own = Reflect.getOwnMetadata(key, target) as readonly T[] | undefined;
  const next = Object.freeze([...(own ?? []), Object.freeze(record)]);
  Reflect.defineMetadata(key, next, target);
}

/** `target`'s own list under `key` (empty when none). */
export function readOwn<T>(key: symbol, target: object): readonly T[] {
  return (Reflect.getOwnMetadata(key, target) as readonly T[] | undefined) ?? [];
}

/** One record with the class (prototype or constructor) that holds it. */
export interface OwnedRecord<T> {
  readonly owner: object;
  readonly record: T;
}

/** The lists of `target` and all its prototypes, root first (a fresh array: merge on read). */
export function readChain<T>(key: symbol, target: object): OwnedRecord<T>[] {
  const chain: object[] = [];
  for (
    let p: object | null = target;
    p !== null && p !== Object.prototype;
    p = Object.getPrototypeOf(p) as object | null
  ) {
    chain.push(p);
  }
  const merged: OwnedRecord<T>[] = [];
  for (let i = chain.length - 1; i >= 0; i--) {
    const owner = chain[i] as object;
    for (const record of readOwn<T>(key, owner)) merged.push({ owner, record });
  }
  return merged;
}

/** The own list of the nearest class in the chain that has one (reflect-metadata's lookup). */
export function readNearest<T>(key: symbol, target: object): OwnedRecord<T>[] {
  for (
    let p: object | null = target;
    p !== null && p !== Object.prototype;
    p = Object.getPrototypeOf(p) as object | null
  ) {
    const own = readOwn<T>(key, p);
    if (own.length > 0) return own.map((record) => ({ owner: p, record }));
  }
  return [];
}

/** Set a single own value (class-level flags and options). */
export function defineOwn(key: symbol, target: object, value: unknown): void {
  Reflect.defineMetadata(key, typeof value === 'object' && value !== null ? Object.freeze(value) : value, target);
}

/** Read a single own value. */
export function getOwn<T>(key: symbol, target: object): T | undefined {
  return Reflect.getOwnMetadata(key, target) as T | undefined;
}

/** Read a design-time type (`design:type`, `design:paramtypes`, `design:returntype`) through the chain. */
export function getDesign<T>(key: string, target: object, property?: string | symbol): T | undefined {
  return (property === undefined ? Reflect.getMetadata(key, target) : Reflect.getMetadata(key, target, property)) as
    T | undefined;
}
