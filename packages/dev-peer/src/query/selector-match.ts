import { collate, compareRaw } from './collation';
import { CouchError } from './couch-error';
import { exactlyEqual, isInteger, isObject, mangoType, numericallyEqual, type EJson } from './ejson';
import { getField, NOT_FOUND, parseField } from './field-path';
import { compilePcre } from './pcre-regex';
import { invalidOperator, only, type Selector } from './selector-normalize';

type Compare = (a: EJson, b: EJson) => number;

/**
 * Does a document match a normalized selector (mango_selector:match)? Condition operators need the
 * field to exist (only {"$exists": false} matches a missing field); comparisons use CouchDB's
 * collation across types ({"$lt": 5} matches null and booleans); `_id` compares in Erlang's term
 * order; $elemMatch/$allMatch/$keyMapMatch see failures inside them as "no match".
 *
 * pouchdb-selector-core's matcher differs from CouchDB here: $ne/$nin/$type match missing fields,
 * a path through 0, "" or false stops there, $elemMatch looks at the first element's type,
 * $keyMapMatch and $beginsWith do not exist, and strings compare by code units; so it is a test
 * oracle only (see rich-query cases), not the implementation.
 */
export function matchesSelector(selector: Selector, doc: EJson): boolean {
  if (selector.size === 0) return true;
  return match(selector, doc, collate);
}

const paths = new Map<string, string[]>();

function pathOf(field: string): string[] {
  let path = paths.get(field);
  if (path === undefined) {
    path = parseField(field);
    if (paths.size >= 10000) paths.clear();
    paths.set(field, path);
  }
  return path;
}

const EXISTS_FALSE = (cond: EJson): boolean => {
  const member = only(cond);
  return member !== undefined && member[0] === '$exists' && member[1] === false;
};

/** The comparison operators: how the collation result must come out. */
const COMPARISONS: Record<string, (c: number) => boolean> = {
  $lt: (c) => c < 0,
  $lte: (c) => c <= 0,
  $eq: (c) => c === 0,
  $ne: (c) => c !== 0,
  $gte: (c) => c >= 0,
  $gt: (c) => c > 0,
};

function match(selector: EJson, value: EJson, cmp: Compare): boolean {
  const member = only(selector);
  if (member === undefined) throw new CouchError(500, 'unknown_error', 'unnormalized selector');
  const [key, arg] = member;
  const comparison = COMPARISONS[key];
  if (comparison !== undefined) return comparison(cmp(value, arg));
  switch (key) {
    case '$and':
      return (arg as EJson[]).every((sub) => match(sub, value, cmp));
    case '$or':
      return (arg as EJson[]).length === 0 || (arg as EJson[]).some((sub) => match(sub, value, cmp));
    case '$not':
      return !match(arg, value, cmp);
    case '$all':
      return matchAll(arg as EJson[], value);
    case '':
      return match(arg, value, cmp);
    case '$elemMatch':
      return Array.isArray(value) && guarded(() => value.some((item) => match(arg, item, cmp)));
    case '$allMatch':
      return Array.isArray(value) && value.length > 0 && guarded(() => value.every((item) => match(arg, item, cmp)));
    case '$keyMapMatch':
      return isObject(value) && guarded(() => [...value.keys()].some((k) => match(arg, k, cmp)));
    case '$in':
      return matchIn(arg as EJson[], value, cmp);
    case '$nin':
      return (arg as EJson[]).length === 0 || !matchIn(arg as EJson[], value, cmp);
    default:
      return matchOther(key, arg, value, cmp);
  }
}

function matchOther(key: string, arg: EJson, value: EJson, cmp: Compare): boolean {
  switch (key) {
    case '$exists':
      // the field was found (a missing one is handled where the field is looked up)
      return arg === true;
    case '$type':
      return arg === mangoType(value);
    case '$mod':
      return isInteger(value) && remainder(value, (arg as number[])[0] as number) === (arg as number[])[1];
    case '$regex':
      return typeof value === 'string' && (compilePcre(arg as string)?.test(value) ?? false);
    case '$size':
      return Array.isArray(value) && value.length === arg;
    case '$beginsWith':
      return typeof value === 'string' && value.startsWith(arg as string);
    case '$default':
      // $text needs a search index, which CouchDB trusts to have matched
      return true;
    default:
      if (key.startsWith('$')) throw invalidOperator(key);
      return matchField(key, arg, value, cmp);
  }
}

function matchField(field: string, cond: EJson, value: EJson, cmp: Compare): boolean {
  const found = getField(value, pathOf(field));
  if (found === NOT_FOUND) return EXISTS_FALSE(cond);
  if (typeof found === 'string') return false; // bad_path
  return match(cond, found.value, field === '_id' ? compareRaw : cmp);
}

// In $in and $nin an array value matches when one of its elements equals an argument.
function matchIn(args: readonly EJson[], value: EJson, cmp: Compare): boolean {
  if (args.length === 0) return false;
  if (Array.isArray(value)) return args.some((arg) => value.some((item) => cmp(item, arg) === 0));
  return args.some((arg) => cmp(value, arg) === 0);
}

// $all: every argument is an element (exact term equality), or the only argument is the array itself.
function matchAll(args: readonly EJson[], value: EJson): boolean {
  if (args.length === 0 || !Array.isArray(value)) return false;
  const hasArgs = args.every((arg) => value.some((item) => exactlyEqual(arg, item)));
  const first = args[0] as EJson;
  const isArgs = args.length === 1 && Array.isArray(first) && numericallyEqual(first, value);
  return hasArgs || isArgs;
}

/** Erlang's rem: the sign follows the dividend. */
function remainder(value: number, divisor: number): number {
  if (Number.isSafeInteger(value) && Number.isSafeInteger(divisor)) return value % divisor;
  return Number(BigInt(value) % BigInt(divisor));
}

// CouchDB wraps these operators in try/catch: an error inside (a bad field name) is "no match".
function guarded(test: () => boolean): boolean {
  try {
    return test();
  } catch (error) {
    if (error instanceof CouchError) return false;
    throw error;
  }
}
