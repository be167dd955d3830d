import { isObject, sortedObject, type EObject } from './ejson';
import { decodeFirstValue, goKind } from './go-json-decode';
import { ID_FIELD, VERSION_FIELD } from './couch-document';
import { QueryRefusedError } from './query-error';

/**
 * What a Fabric peer sends CouchDB for a chaincode's query string (statecouchdb.go
 * applyAdditionalQueryOptions): the string decoded with Go's json.Decoder (its first value only,
 * numbers kept as written), "fields" extended with "_id" and "~version", "limit" replaced by the
 * peer's batch size (a limit in the query is ignored), "bookmark" set when the peer has one, members
 * re-sorted by Go's encoder. Errors are Go's texts.
 */
export function applyQueryOptions(query: string, limit: number, bookmark: string): EObject {
  const decoded = decodeFirstValue(query, 'literal');
  if (!decoded.ok) throw new QueryRefusedError(decoded.error);
  const value = decoded.value;
  // json.Decode of "null" leaves a nil map, and the assignment of "limit" then panics in Go
  // (Fabric 3.1 reports the panic as the error; a 2.x peer process crashes).
  if (value === null) throw new QueryRefusedError('assignment to entry in nil map');
  if (!isObject(value)) {
    throw new QueryRefusedError(
      `json: cannot unmarshal ${goKind(value)} into Go value of type map[string]interface {}`,
    );
  }
  const out: EObject = new Map(value);
  const fields = out.get('fields');
  if (fields !== undefined) {
    if (!Array.isArray(fields)) throw new QueryRefusedError('fields definition must be an array');
    out.set('fields', [...fields, ID_FIELD, VERSION_FIELD]);
  }
  out.set('limit', limit);
  if (bookmark !== '') out.set('bookmark', bookmark);
  return sortedObject(out);
}
