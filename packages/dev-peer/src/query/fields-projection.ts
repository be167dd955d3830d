import { CouchError } from './couch-error';
import { erlangTerm } from './erlang-format';
import { getField, parseField, setField } from './field-path';
import type { EJson, EObject } from './ejson';

/** A validated `fields` (mango_fields:new): undefined keeps whole documents. */
export type Projection = readonly string[] | undefined;

export function parseFields(value: EJson): Projection {
  if (!Array.isArray(value)) {
    throw new CouchError(400, 'invalid_fields', `Fields must be an array of strings, not: ${erlangTerm(value)}`);
  }
  if (value.length === 0) return undefined;
  return value.map((field) => {
    // CouchDB also accepts an object here and then fails while extracting; both are refused.
    if (typeof field !== 'string') {
      throw new CouchError(400, 'invalid_field', `Invalid JSON for field spec: ${erlangTerm(field)}`);
    }
    return field;
  });
}

/** mango_fields:extract: a new document with the listed fields that exist, nested as in the original. */
export function project(doc: EObject, fields: Projection): EObject {
  if (fields === undefined) return doc;
  const out: EObject = new Map();
  for (const field of fields) {
    const path = parseField(field);
    const found = getField(doc, path);
    if (typeof found !== 'string') setField(out, path, found.value);
  }
  return out;
}
