import { compareKeys } from '../state/key-order';
import { ErlFloat, isNumber, numberValue, type EJson } from './ejson';

/**
 * CouchDB's view collation (couch_ejson_compare), used by selectors and by sorted results:
 * null < false < true < numbers < strings < arrays < objects. Numbers compare by value (1 == 1.0),
 * strings with ICU's root collation (the Unicode Collation Algorithm: case-insensitive first,
 * lowercase before uppercase on ties, punctuation before digits before letters), arrays element by
 * element (a prefix first), objects member by member in their order (a subset first).
 *
 * pouchdb-collate implements the same type order but compares strings by UTF-16 code units, so it
 * is not used here: "B" < "a" in PouchDB, "a" < "B" in CouchDB.
 */
const icu = new Intl.Collator('en', {
  usage: 'sort',
  sensitivity: 'variant',
  ignorePunctuation: false,
  numeric: false,
});

export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return Math.sign(icu.compare(a, b));
}

function rank(value: EJson): number {
  if (value === null) return 0;
  if (value === false) return 1;
  if (value === true) return 2;
  if (typeof value === 'number' || value instanceof ErlFloat) return 3;
  if (typeof value === 'string') return 4;
  if (Array.isArray(value)) return 5;
  return 6;
}

export function collate(a: EJson, b: EJson): number {
  if (a === b) return 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (isNumber(a) && isNumber(b)) return Math.sign(numberValue(a) - numberValue(b));
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = collate(a[i] as EJson, b[i] as EJson);
      if (c !== 0) return c;
    }
    return Math.sign(a.length - b.length);
  }
  if (a instanceof Map && b instanceof Map) {
    const ea = [...a];
    const eb = [...b];
    const n = Math.min(ea.length, eb.length);
    for (let i = 0; i < n; i++) {
      const [ka, va] = ea[i] as [string, EJson];
      const [kb, vb] = eb[i] as [string, EJson];
      const ck = compareStrings(ka, kb);
      if (ck !== 0) return ck;
      const cv = collate(va, vb);
      if (cv !== 0) return cv;
    }
    return Math.sign(ea.length - eb.length);
  }
  return 0;
}

/**
 * Erlang's term order (mango_json:cmp_raw), which selectors use on `_id`: numbers < atoms
 * (false < null < true) < objects < arrays < strings; strings compare byte by byte.
 */
export function compareRaw(a: EJson, b: EJson): number {
  const ra = rawRank(a);
  const rb = rawRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (isNumber(a) && isNumber(b)) return Math.sign(numberValue(a) - numberValue(b));
  if (typeof a === 'string' && typeof b === 'string') return Math.sign(compareKeys(a, b));
  if (Array.isArray(a) && Array.isArray(b)) return compareRawLists(a, b);
  if (a instanceof Map && b instanceof Map) {
    // {Props}: a 1-tuple holding a list of {Key, Value} 2-tuples
    const pa = [...a].map(([k, v]) => [k, v] as EJson[]);
    const pb = [...b].map(([k, v]) => [k, v] as EJson[]);
    return compareRawLists(pa, pb);
  }
  return ra === 1 ? Math.sign(atomOrder(a) - atomOrder(b)) : 0;
}

function compareRawLists(a: readonly EJson[], b: readonly EJson[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareRaw(a[i] as EJson, b[i] as EJson);
    if (c !== 0) return c;
  }
  return Math.sign(a.length - b.length);
}

function rawRank(value: EJson): number {
  if (isNumber(value)) return 0;
  if (value === null || typeof value === 'boolean') return 1;
  if (value instanceof Map) return 2;
  if (Array.isArray(value)) return 3;
  return 4;
}

function atomOrder(value: EJson): number {
  if (value === false) return 0;
  if (value === null) return 1;
  return 2;
}
