import { CouchError } from './couch-error';
import { isInteger, isObject, type EJson, type EObject } from './ejson';
import { erlangTerm } from './erlang-format';
import { compilePcre } from './pcre-regex';

/**
 * A normalized selector (mango_selector:normalize): every node is a one-member object, operators
 * explicit, field paths joined with dots down to their conditions, negations pushed to the leaves.
 * Validation happens here, with CouchDB's errors (400 bad_arg, invalid_operator, not_supported...).
 *
 * pouchdb-selector-core's massageSelector merges $and branches with JavaScript comparisons and
 * keeps $not/$nor as such, so its normal form (and its errors) differ; this follows CouchDB's.
 */
export type Selector = EObject;

/** A one-member object {key: value}. */
export function node(key: string, value: EJson): EObject {
  return new Map([[key, value]]);
}

/** The single member of a one-member object. */
export function only(selector: EJson): [string, EJson] | undefined {
  if (!isObject(selector) || selector.size !== 1) return undefined;
  return selector.entries().next().value;
}

const badArg = (op: string, arg: EJson): CouchError =>
  new CouchError(400, 'bad_arg', `Bad argument for operator ${op}: ${erlangTerm(arg)}`);

const UNSUPPORTED = new Set(['$where', '$geoWithin', '$geoIntersects', '$near', '$nearSphere']);
const TERMINALS = new Set(['$lt', '$lte', '$eq', '$ne', '$gte', '$gt']);

export function normalizeSelector(selector: EObject): Selector {
  if (selector.size === 0) return selector;
  const normalized = normNegations(normFields(normOps(selector)));
  const top = only(normalized);
  if (top !== undefined && top[0] === '') {
    throw new CouchError(400, 'invalid_selector', 'One or more conditions is missing a field name.');
  }
  return normalized as Selector;
}

// Explicit operators, validated arguments, implicit $and and $eq made explicit (norm_ops).
function normOps(value: EJson): EJson {
  if (isObject(value) && value.size >= 2) {
    return node(
      '$and',
      [...value].map(([key, item]) => normOps(node(key, item))),
    );
  }
  const member = only(value);
  if (member === undefined) return node('$eq', value);
  const [op, arg] = member;
  if (!op.startsWith('$')) return node(op, normOps(arg));
  return normOperator(op, arg, value);
}

/** Operators whose argument is checked and kept as is: the check, true when the argument is fine. */
const ARGUMENT_CHECKS: Record<string, (arg: EJson) => boolean> = {
  $in: Array.isArray,
  $nin: Array.isArray,
  $all: Array.isArray,
  $exists: (arg) => typeof arg === 'boolean',
  $type: (arg) => typeof arg === 'string',
  $beginsWith: (arg) => typeof arg === 'string',
  $size: (arg) => isInteger(arg) && arg >= 0,
  // CouchDB's documentation: the divisor is a non-zero integer, the remainder an integer.
  $mod: (arg) =>
    Array.isArray(arg) && arg.length === 2 && isInteger(arg[0] as EJson) && isInteger(arg[1] as EJson) && arg[0] !== 0,
  $text: (arg) => typeof arg === 'string' || typeof arg === 'number' || typeof arg === 'boolean',
};

function normOperator(op: string, arg: EJson, cond: EJson): EJson {
  const check = ARGUMENT_CHECKS[op];
  if (check !== undefined) {
    if (!check(arg)) throw badArg(op, arg);
    return op === '$text' ? node('$default', node('$text', arg)) : cond;
  }
  switch (op) {
    case '$and':
    case '$or':
    case '$nor':
      if (!Array.isArray(arg)) throw badArg(op, arg);
      return node(op, arg.map(normOps));
    case '$not':
    case '$elemMatch':
    case '$allMatch':
    case '$keyMapMatch':
      if (!isObject(arg)) throw badArg(op, arg);
      return node(op, normOps(arg));
    case '$regex':
      // A non-string argument matches no clause of norm_ops but the unknown-operator one.
      if (typeof arg !== 'string') throw invalidOperator(op);
      if (compilePcre(arg) === undefined) throw badArg(op, arg);
      return cond;
    case '$default':
      return cond;
    default:
      if (TERMINALS.has(op)) return cond;
      if (UNSUPPORTED.has(op)) throw new CouchError(400, 'not_supported', `Unsupported operator: ${op}`);
      throw invalidOperator(op);
  }
}

export function invalidOperator(op: string): CouchError {
  return new CouchError(400, 'invalid_operator', `Invalid operator: ${op}`);
}

// Field names pushed down to their conditions through $and/$or/$not/$nor (norm_fields).
function normFields(selector: EJson, path?: string): EJson {
  if (path === undefined) {
    if (isObject(selector) && selector.size === 0) return selector;
    return normFields(selector, '');
  }
  const member = only(selector);
  if (member === undefined) throw badField(selector);
  const [key, arg] = member;
  switch (key) {
    case '$and':
    case '$or':
    case '$nor':
      return node(
        key,
        (arg as EJson[]).map((a) => normFields(a, path)),
      );
    case '$not':
      return node('$not', normFields(arg, path));
    case '$elemMatch':
    case '$allMatch':
    case '$keyMapMatch':
      return node(path, node(key, normFields(arg)));
    case '$default': {
      const inner = only(arg);
      if (path === '' && inner !== undefined && inner[0] === '$text') return selector;
      throw badField(selector);
    }
    default:
      if (key.startsWith('$')) return node(path, selector);
      return normFields(arg, path === '' ? key : `${path}.${key}`);
  }
}

function badField(selector: EJson): CouchError {
  return new CouchError(400, 'bad_field', `Invalid field normalization on selector: ${erlangTerm(selector)}`);
}

const NEGATED: Record<string, string> = {
  $lt: '$gte',
  $lte: '$gt',
  $eq: '$ne',
  $ne: '$eq',
  $gte: '$lt',
  $gt: '$lte',
  $in: '$nin',
  $nin: '$in',
};

// $not and $nor pushed down to the conditions, De Morgan's laws (norm_negations / negate).
function normNegations(selector: EJson): EJson {
  const member = only(selector);
  if (member === undefined) return selector;
  const [key, arg] = member;
  switch (key) {
    case '$not':
      return negate(arg);
    case '$nor':
      return node(
        '$and',
        (arg as EJson[]).map((a) => negate(a)),
      );
    case '$and':
    case '$or':
      return node(key, (arg as EJson[]).map(normNegations));
    case '$elemMatch':
    case '$allMatch':
    case '$keyMapMatch':
      return node(key, normNegations(arg));
    default:
      return selector;
  }
}

function negate(selector: EJson): EJson {
  const member = only(selector);
  if (member === undefined) return selector;
  const [key, arg] = member;
  switch (key) {
    case '$not':
      return normNegations(arg);
    case '$nor':
      return node('$or', (arg as EJson[]).map(normNegations));
    case '$and':
      return node('$or', (arg as EJson[]).map(negate));
    case '$or':
      return node('$and', (arg as EJson[]).map(negate));
    case '$default':
      throw badArg('$not', selector);
    case '$exists':
      return node('$exists', arg !== true);
    default: {
      const opposite = NEGATED[key];
      if (opposite !== undefined) return node(opposite, arg);
      if (key.startsWith('$')) return node('$not', selector);
      return node(key, negate(arg));
    }
  }
}
