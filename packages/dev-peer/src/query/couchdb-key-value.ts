import { VERSION_FIELD } from './couch-document';
import { decodeStateObject } from './go-json-decode';

/**
 * The key and value rules of a peer whose state database is CouchDB (statecouchdb's
 * ValidateKeyValue, checked when the chaincode writes): a key is non-empty and does not start with
 * "_"; a JSON object value has no top-level field starting with "_" and no "~version", the fields
 * CouchDB and Fabric keep for themselves. Returns Fabric's text, or undefined when the write is fine.
 * (A LevelDB peer accepts all of these.)
 */
export function couchDbWriteRefusal(key: string, value: Uint8Array | undefined): string | undefined {
  if (key.startsWith('_')) return `invalid key [${key}], cannot begin with "_"`;
  if (key === '') return 'invalid key. Empty string is not supported as a key by couchdb';
  if (value === undefined) return undefined;
  const fields = decodeStateObject(value);
  if (fields === undefined) return undefined;
  for (const name of fields.keys()) {
    if (name === VERSION_FIELD || name.startsWith('_')) {
      return `field [${name}] is not valid for the CouchDB state database`;
    }
  }
  return undefined;
}
