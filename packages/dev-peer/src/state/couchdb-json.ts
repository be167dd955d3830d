import { decodeStateObject } from '../query/go-json-decode';
import { goMarshal } from '../query/go-json-encode';

/**
 * The bytes a CouchDB state database gives back for a value written as `value`. statecouchdb
 * stores a JSON object as a document: it decodes it into a Go map (numbers become float64), and
 * re-encodes it with encoding/json (object keys sorted, no whitespace, `<`, `>`, `&`, U+2028 and
 * U+2029 escaped); reads hand back that document as CouchDB writes it. Anything Go does not read
 * as a JSON object (arrays, scalars, other bytes) is stored as an attachment and comes back
 * unchanged. The rich-query engine (src/query) reads the same documents with the same codec.
 */
export function couchDbStoredValue(value: Buffer): Buffer {
  const fields = decodeStateObject(value);
  return fields === undefined ? value : Buffer.from(goMarshal(fields), 'utf8');
}
