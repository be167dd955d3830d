import { CouchError } from './couch-error';
import { erlangTerm } from './erlang-format';
import { only } from './selector-normalize';
import type { EJson } from './ejson';

export type SortDirection = 'asc' | 'desc';

/** A validated `sort` (mango_sort:new): fields and their single shared direction. */
export interface SortSpec {
  readonly fields: readonly string[];
  /** undefined when there is no sort. */
  readonly direction: SortDirection | undefined;
}

export const NO_SORT: SortSpec = { fields: [], direction: undefined };

/**
 * `sort` is an array of field names (ascending) and {"field": "asc" | "desc"} objects, all in one
 * direction; anything else is one of CouchDB's 400 errors.
 */
export function parseSort(value: EJson): SortSpec {
  if (!Array.isArray(value)) {
    throw new CouchError(400, 'invalid_sort_json', `Sort must be an array of sort specs, not: ${erlangTerm(value)}`);
  }
  const entries = value.map(sortField);
  const directions = new Set(entries.map(([, dir]) => dir));
  if (directions.size > 1) {
    throw new CouchError(
      400,
      'unsupported_mixed_sort',
      'Sorts currently only support a single direction for all fields.',
    );
  }
  return { fields: entries.map(([field]) => field), direction: entries[0]?.[1] };
}

function sortField(value: EJson): [string, SortDirection] {
  if (value === '') throw new CouchError(400, 'invalid_sort_field', `Invalid sort field: ${erlangTerm(value)}`);
  if (typeof value === 'string') return [value, 'asc'];
  const member = only(value);
  if (member !== undefined && (member[1] === 'asc' || member[1] === 'desc')) return [member[0], member[1]];
  throw new CouchError(400, 'invalid_sort_field', `Invalid sort field: ${erlangTerm(value)}`);
}
