import { erlangTerm } from './erlang-format';
import type { EJson, EObject } from './ejson';
import { CouchError } from './couch-error';

/**
 * Field names in selectors, sorts, indexes and `fields` (mango_util:parse_field): dots separate
 * nested fields; a dot preceded by a backslash belongs to the name, and every backslash of a name
 * that has one is dropped ("a\\.b" is the field "a.b"). An empty part ("a..b", ".a") is an error.
 *
 * pouchdb-selector-core's parseField drops only the backslash before "." or "$" and accepts empty
 * parts, so it is not used.
 */
export function parseField(field: string): string[] {
  const slow = field.includes('\\');
  const parts = slow ? field.split(/(?<!\\)\./) : field.split('.');
  if (parts.includes('')) {
    // mango_error has no text for this reason, so CouchDB answers with its generic 500.
    throw new CouchError(
      500,
      'unknown_error',
      `Unknown Error: mango_util :: {invalid_field_name,${erlangTerm(field)}}`,
    );
  }
  return slow ? parts.map((part) => part.replace(/\\/g, '')) : parts;
}

/** Why a path found nothing: the last name is missing, or the path runs through a non-container. */
export type FieldMiss = 'not_found' | 'bad_path';

export const NOT_FOUND: FieldMiss = 'not_found';
export const BAD_PATH: FieldMiss = 'bad_path';

export interface FieldHit {
  readonly value: EJson;
}

const ARRAY_INDEX = /^[+-]?\d+$/;

/** mango_doc:get_field: objects by member name, arrays by a decimal index ("tags.0"). */
export function getField(value: EJson, path: readonly string[]): FieldHit | FieldMiss {
  let current: EJson = value;
  for (const name of path) {
    if (current instanceof Map) {
      if (!current.has(name)) return NOT_FOUND;
      current = current.get(name) as EJson;
    } else if (Array.isArray(current)) {
      if (!ARRAY_INDEX.test(name)) return BAD_PATH;
      const pos = Number(name);
      if (pos < 0 || pos >= current.length) return BAD_PATH;
      current = current[pos] as EJson;
    } else {
      return BAD_PATH;
    }
  }
  return { value: current };
}

/** mango_doc:set_field as `fields` uses it: missing objects on the way are created. */
export function setField(target: EObject, path: readonly string[], value: EJson): void {
  const [name, ...rest] = path;
  if (name === undefined) return;
  if (rest.length === 0) {
    target.set(name, value);
    return;
  }
  const existing = target.get(name);
  if (existing instanceof Map) {
    setField(existing, rest, value);
  } else if (Array.isArray(existing) && rest.length === 1 && ARRAY_INDEX.test(rest[0] as string)) {
    const pos = Number(rest[0]);
    if (pos >= 0 && pos < existing.length) existing[pos] = value;
  } else if (existing === undefined) {
    target.set(name, nested(rest, value));
  }
}

function nested(path: readonly string[], value: EJson): EJson {
  return path.reduceRight<EJson>((inner, name) => new Map([[name, inner]]), value);
}
