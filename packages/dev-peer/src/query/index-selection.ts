import { compareKeys } from '../state/key-order';
import { CouchError } from './couch-error';
import type { EJson } from './ejson';
import type { IndexDefinition } from './index-definition';
import { only, type Selector } from './selector-normalize';
import type { SortSpec } from './sort-spec';

/** The index a query reads: a JSON index, or the built-in _all_docs (CouchDB's "special" index). */
export type QueryIndex = { readonly kind: 'json'; readonly index: IndexDefinition } | { readonly kind: 'all_docs' };

export interface IndexChoice {
  readonly index: QueryIndex;
  /** CouchDB's "warning" (a peer only logs it). */
  readonly warning: string | undefined;
}

/** use_index, validated: [] (none), [design doc] or [design doc, index name]. */
export type UseIndex = readonly [] | readonly [string] | readonly [string, string];

const ALL_DOCS_COLUMNS = ['_id'];

/**
 * CouchDB's query planner (mango_idx:get_usable_indexes, mango_cursor:create,
 * mango_cursor_view:choose_best_index):
 * - an index is usable when the selector requires all its fields to exist (sort fields, _id and
 *   _rev need not be in the selector) and the sort fields are a prefix of its fields, possibly after
 *   fields the selector fixes with $eq; _all_docs is usable without a sort, or for a sort on _id with
 *   a condition on _id; a partial index only when named by use_index;
 * - no usable index: 400 "No index exists for this sort, try indexing by the sort fields.";
 * - use_index naming no usable index falls back to the usable ones, with a warning (CouchDB 3.4's
 *   `allow_fallback: false` makes that, or a fall back to _all_docs, an error instead);
 * - among JSON indexes: the one whose fields best cover the selector's indexable fields, then the one
 *   with fewer fields, then the first by design document and name. JSON indexes win over _all_docs.
 */
export function chooseIndex(
  indexes: readonly IndexDefinition[],
  selector: Selector,
  sort: SortSpec,
  useIndex: UseIndex,
  allowFallback: boolean,
): IndexChoice {
  const named = indexes.filter((index) => namedBy(index, useIndex));
  const candidates = [...new Set([...indexes.filter((i) => i.partialFilter === undefined), ...named])];
  const usableJson = candidates.filter((index) => isUsable(index.columns, selector, sort.fields));
  const allDocsUsable = allDocsIsUsable(selector, sort.fields);
  if (usableJson.length === 0 && !allDocsUsable) {
    throw new CouchError(400, 'no_usable_index', 'No index exists for this sort, try indexing by the sort fields.');
  }
  const requested = usableJson.filter((index) => namedBy(index, useIndex));
  const wantsIndex = useIndex.length > 0;
  const fallback = wantsIndex && requested.length === 0;
  if (!allowFallback && (fallback || (!wantsIndex && usableJson.length === 0))) {
    throw new CouchError(400, 'no_usable_index', noFallbackReason(useIndex));
  }
  const pool = fallback || !wantsIndex ? usableJson : requested;
  if (pool.length === 0) {
    return { index: { kind: 'all_docs' }, warning: fallbackWarning(useIndex, fallback, true) };
  }
  return {
    index: { kind: 'json', index: bestIndex(pool, selector) },
    warning: fallbackWarning(useIndex, fallback, false),
  };
}

function noFallbackReason(useIndex: UseIndex): string {
  if (useIndex.length === 0) return 'There is no index available for this selector.';
  return `${describeUseIndex(useIndex)} could not be used for this query.`;
}

function fallbackWarning(useIndex: UseIndex, fallback: boolean, allDocs: boolean): string | undefined {
  if (fallback) {
    return useIndex.length === 1
      ? `${describeUseIndex(useIndex)} was not used because it does not contain a valid index for this query.`
      : `${describeUseIndex(useIndex)} was not used because it is not a valid index for this query.`;
  }
  return allDocs ? 'no matching index found, create an index to optimize query time' : undefined;
}

function describeUseIndex(useIndex: UseIndex): string {
  const ddoc = useIndex[0] ?? '';
  const name = ddoc.startsWith('_design/') ? ddoc.slice('_design/'.length) : ddoc;
  return useIndex.length === 2 ? `_design/${name}, ${useIndex[1]}` : `_design/${name}`;
}

function namedBy(index: IndexDefinition, useIndex: UseIndex): boolean {
  if (useIndex.length === 0) return false;
  const ddoc = useIndex[0].startsWith('_design/') ? useIndex[0] : `_design/${useIndex[0]}`;
  return index.ddoc === ddoc && (useIndex.length === 1 || index.name === useIndex[1]);
}

/** mango_idx_view:is_usable */
export function isUsable(columns: readonly string[], selector: Selector, sortFields: readonly string[]): boolean {
  const required = [...new Set(columns)].filter((c) => !sortFields.includes(c) && c !== '_id' && c !== '_rev');
  return hasRequiredFields(selector, required) && !isTextSearch(selector) && canUseSort(columns, sortFields, selector);
}

function allDocsIsUsable(selector: Selector, sortFields: readonly string[]): boolean {
  if (sortFields.length === 0) return true;
  return indexableFields(selector).includes('_id') && isPrefix(sortFields, ALL_DOCS_COLUMNS);
}

function isPrefix(prefix: readonly string[], list: readonly string[]): boolean {
  return prefix.length <= list.length && prefix.every((item, i) => list[i] === item);
}

/** mango_idx_view:can_use_sort: the sort is a prefix of the fields once fields fixed by $eq are skipped. */
function canUseSort(columns: readonly string[], sortFields: readonly string[], selector: Selector): boolean {
  if (sortFields.length === 0) return true;
  for (let i = 0; i < columns.length; i++) {
    if (columns[i] === sortFields[0]) return isPrefix(sortFields, columns.slice(i));
    if (!isConstantField(selector, columns[i] as string)) return false;
  }
  return false;
}

/** mango_selector:has_required_fields: does every match need all of `required` to exist? */
export function hasRequiredFields(selector: Selector, required: readonly string[]): boolean {
  if (selector.size === 0) return required.length === 0;
  return remainingFields([selector], required).length === 0;
}

function remainingFields(selectors: readonly EJson[], required: readonly string[]): string[] {
  let remainder = [...required];
  for (const selector of selectors) {
    if (remainder.length === 0) return [];
    const member = only(selector);
    if (member === undefined) continue;
    const [key, arg] = member;
    if (key === '$and' && Array.isArray(arg)) {
      remainder = remainingFields(arg, remainder);
    } else if (key === '$or' && Array.isArray(arg)) {
      const left = new Set<string>();
      for (const branch of arg) for (const field of remainingFields([branch], remainder)) left.add(field);
      remainder = [...left].sort(compareKeys);
    } else if (!isExistsFalse(arg)) {
      const at = remainder.indexOf(key);
      if (at >= 0) remainder.splice(at, 1);
    }
  }
  return remainder;
}

function isExistsFalse(cond: EJson): boolean {
  const member = only(cond);
  return member !== undefined && member[0] === '$exists' && member[1] === false;
}

/** mango_selector:is_constant_field: is the field fixed with $eq (seen through $and)? */
function isConstantField(selector: EJson, field: string): boolean {
  const member = only(selector);
  if (member === undefined) return false;
  const [key, arg] = member;
  if (key === '$and' && Array.isArray(arg)) return arg.some((sub) => isConstantField(sub, field));
  if (key !== field) return false;
  const cond = only(arg);
  return cond !== undefined && cond[0] === '$eq';
}

function isTextSearch(selector: EJson): boolean {
  const member = only(selector);
  if (member === undefined) return false;
  const [key, arg] = member;
  if (key === '$default') return true;
  if (Array.isArray(arg)) return arg.some(isTextSearch);
  return arg instanceof Map && isTextSearch(arg);
}

const RANGE_OPERATORS = new Set(['$lt', '$lte', '$eq', '$gt', '$gte', '$beginsWith']);

/** mango_idx_view:indexable_fields: fields with a range condition, seen through $and only. */
export function indexableFields(selector: EJson): string[] {
  const member = only(selector);
  if (member === undefined) return [];
  const [key, arg] = member;
  if (key === '$and' && Array.isArray(arg)) return [...new Set(arg.flatMap(indexableFields))].sort(compareKeys);
  if (key.startsWith('$')) return [];
  const cond = only(arg);
  return cond !== undefined && RANGE_OPERATORS.has(cond[0]) ? [key] : [];
}

// choose_best_index: smallest difference between the selector's indexable fields and the prefix
// of the index's fields they cover, then fewest fields, then design document and name.
function bestIndex(indexes: readonly IndexDefinition[], selector: Selector): IndexDefinition {
  const fields = indexableFields(selector);
  const scored = indexes.map((index) => {
    let prefix = 0;
    while (prefix < index.columns.length && fields.includes(index.columns[prefix] as string)) prefix++;
    return { index, difference: fields.length - prefix };
  });
  scored.sort(
    (a, b) =>
      a.difference - b.difference ||
      a.index.columns.length - b.index.columns.length ||
      compareKeys(a.index.ddoc, b.index.ddoc) ||
      compareKeys(a.index.name, b.index.name),
  );
  return (scored[0] as { index: IndexDefinition }).index;
}
