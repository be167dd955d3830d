import { CouchError } from './couch-error';
import { isInteger, isObject, type EJson, type EObject } from './ejson';
import { erlangTerm } from './erlang-format';
import { parseFields, type Projection } from './fields-projection';
import type { UseIndex } from './index-selection';
import { normalizeSelector, type Selector } from './selector-normalize';
import { NO_SORT, parseSort, type SortSpec } from './sort-spec';

/** A validated body of POST /{db}/_find. */
export interface FindRequest {
  readonly selector: Selector;
  readonly useIndex: UseIndex;
  /** undefined: no bookmark (CouchDB's nil). */
  readonly bookmark: string | undefined;
  readonly limit: number;
  readonly skip: number;
  readonly sort: SortSpec;
  readonly fields: Projection;
  readonly allowFallback: boolean;
}

/** mango_opts:default_limit */
const DEFAULT_LIMIT = 25;

type Validator = (value: EJson) => void;

const unknownError = (reason: string): CouchError =>
  new CouchError(500, 'unknown_error', `Unknown Error: mango_opts :: ${reason}`);

const booleanOption: Validator = (value) => {
  if (typeof value !== 'boolean')
    throw new CouchError(400, 'invalid_boolean', `Invalid boolean value: ${erlangTerm(value)}`);
};

/**
 * mango_opts:validate_find, in its order: selector (required), use_index, bookmark, limit, skip,
 * sort, fields, partition, r, conflicts, stale, update, stable, execution_stats, allow_fallback;
 * then any other key is "Invalid key <key> for this request.".
 */
export function parseFindRequest(body: EObject): FindRequest {
  const rest = new Map(body);
  const take = (key: string): EJson | undefined => {
    const value = rest.get(key);
    rest.delete(key);
    return value;
  };
  const selectorValue = take('selector');
  if (selectorValue === undefined) throw new CouchError(400, 'missing_required_key', 'Missing required key: selector');
  if (!isObject(selectorValue)) {
    throw new CouchError(
      400,
      'invalid_selector_json',
      `Selector must be a JSON object, not: ${erlangTerm(selectorValue)}`,
    );
  }
  const selector = normalizeSelector(selectorValue);
  const useIndex = parseUseIndex(take('use_index') ?? null);
  const bookmark = parseBookmark(take('bookmark') ?? null);
  const limit = nonNegativeInteger(take('limit') ?? DEFAULT_LIMIT);
  const skip = nonNegativeInteger(take('skip') ?? 0);
  const sortValue = take('sort');
  const sort = sortValue === undefined ? NO_SORT : parseSort(sortValue);
  const fieldsValue = take('fields');
  const fields = fieldsValue === undefined ? undefined : parseFields(fieldsValue);
  const partition = take('partition');
  if (partition !== undefined && partition !== '') {
    throw new CouchError(400, 'bad_request', '`partition` parameter is not supported in this db.');
  }
  const r = take('r');
  if (r !== undefined && !(isInteger(r) && r > 0)) {
    throw new CouchError(400, 'invalid_pos_integer', `${erlangTerm(r)} is not an integer greater than zero`);
  }
  optional(take('conflicts'), booleanOption);
  optional(take('stale'), (value) => {
    if (value !== 'ok' && value !== 'false' && value !== false) {
      throw unknownError(`{invalid_ok_or_false_value,${erlangTerm(value)}}`);
    }
  });
  optional(take('update'), booleanOption);
  optional(take('stable'), booleanOption);
  optional(take('execution_stats'), booleanOption);
  const fallback = take('allow_fallback');
  optional(fallback, booleanOption);
  const unknown = rest.keys().next();
  if (unknown.done !== true) throw new CouchError(400, 'invalid_key', `Invalid key ${unknown.value} for this request.`);
  return { selector, useIndex, bookmark, limit, skip, sort, fields, allowFallback: fallback !== false };
}

function optional(value: EJson | undefined, validate: Validator): void {
  if (value !== undefined) validate(value);
}

function nonNegativeInteger(value: EJson): number {
  if (!isInteger(value) || value < 0) {
    throw new CouchError(
      400,
      'invalid_non_neg_integer',
      `${erlangTerm(value)} is not an integer greater than or equal to zero`,
    );
  }
  return value;
}

function parseBookmark(value: EJson): string | undefined {
  if (value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  // mango_error has no text for a bookmark that is not a string: CouchDB's generic 500.
  throw unknownError(`{invalid_bookmark,${erlangTerm(value)}}`);
}

/** mango_opts:validate_use_index (CouchDB 3.4: the name is split at every "/"). */
function parseUseIndex(value: EJson): UseIndex {
  const invalid = (): CouchError =>
    new CouchError(400, 'invalid_index_name', `Invalid index name: ${erlangTerm(value)}`);
  if (value === null) return [];
  if (typeof value === 'string') {
    const parts = value.split('/');
    if (parts.length === 1) return [parts[0] as string];
    if (parts.length === 2)
      return parts[0] === '_design' ? [parts[1] as string] : [parts[0] as string, parts[1] as string];
    if (parts.length === 3 && parts[0] === '_design') return [parts[1] as string, parts[2] as string];
    throw invalid();
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    if (!value.every((item) => typeof item === 'string')) throw invalid();
    if (value.length === 1) return [value[0] as string];
    if (value.length === 2) return [value[0] as string, value[1] as string];
  }
  throw invalid();
}
