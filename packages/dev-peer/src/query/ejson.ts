import { compareKeys } from '../state/key-order';

/**
 * A number that CouchDB (Erlang) holds as a float: JSON wrote it with a fraction or an exponent
 * (`1.0`, `2e3`), or it is not an integer. CouchDB keeps integers and floats apart: `$mod` and
 * `$size` accept integers only, and `$all` matches elements exactly (1 is not 1.0).
 */
export class ErlFloat {
  constructor(readonly value: number) {}
}

/** A JSON object as CouchDB keeps it: members in order (Fabric writes them sorted). */
export type EObject = Map<string, EJson>;

/** A JSON value as CouchDB's Erlang side sees it (EJSON): integers and floats apart, ordered objects. */
export type EJson = null | boolean | number | ErlFloat | string | EJson[] | EObject;

/** The type names of `$type` (mango_json:type). */
export type MangoType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function isObject(value: EJson): value is EObject {
  return value instanceof Map;
}

export function isNumber(value: EJson): value is number | ErlFloat {
  return typeof value === 'number' || value instanceof ErlFloat;
}

/** An Erlang integer (a JSON number written without fraction or exponent). */
export function isInteger(value: EJson): value is number {
  return typeof value === 'number';
}

export function numberValue(value: number | ErlFloat): number {
  return typeof value === 'number' ? value : value.value;
}

export function mangoType(value: EJson): MangoType {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Map) return 'object';
  return 'number';
}

/**
 * A number decoded from a document written by Fabric: Go decoded the value into float64 and wrote
 * it back with encoding/json, which prints integral values below 1e21 without fraction or exponent
 * (CouchDB then reads an integer) and everything else with one (a float).
 */
export function documentNumber(value: number): number | ErlFloat {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? value : new ErlFloat(value);
}

/** `object` with members in Go's map order (keys sorted by UTF-8 bytes): itself when already so, else a copy. */
export function sortedObject(object: EObject): EObject {
  return keysSorted(object.keys()) ? object : new Map([...object].sort(([a], [b]) => compareKeys(a, b)));
}

/** True when the keys come in Go's map order already (most JSON written by Fabric or by hand). */
export function keysSorted(keys: Iterable<string>): boolean {
  let previous: string | undefined;
  for (const key of keys) {
    if (previous !== undefined && compareKeys(previous, key) > 0) return false;
    previous = key;
  }
  return true;
}

/** Exact term equality (Erlang =:=): 1 and 1.0 differ, object member order matters. */
export function exactlyEqual(a: EJson, b: EJson): boolean {
  if (a === b) return true;
  if (a instanceof ErlFloat || b instanceof ErlFloat) {
    return (
      a instanceof ErlFloat && b instanceof ErlFloat && (a.value === b.value || (isNaN(a.value) && isNaN(b.value)))
    );
  }
  return structurallyEqual(a, b, exactlyEqual);
}

/** Arithmetic term equality (Erlang ==): like exactlyEqual, but 1 == 1.0. */
export function numericallyEqual(a: EJson, b: EJson): boolean {
  if (a === b) return true;
  if (isNumber(a) && isNumber(b)) return numberValue(a) === numberValue(b);
  return structurallyEqual(a, b, numericallyEqual);
}

function structurallyEqual(a: EJson, b: EJson, equal: (x: EJson, y: EJson) => boolean): boolean {
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => equal(item, b[i] as EJson));
  }
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    const bEntries = [...b];
    let i = 0;
    for (const [key, value] of a) {
      const other = bEntries[i++];
      if (other === undefined || other[0] !== key || !equal(value, other[1])) return false;
    }
    return true;
  }
  return false;
}
