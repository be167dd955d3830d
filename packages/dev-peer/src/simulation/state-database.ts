import { RequestRefusedError } from '../errors/request-refused-error';
import { VERSION_FIELD } from '../query/couch-document';
import { decodeStateObject } from '../query/go-json-decode';

/** core.yaml `ledger.state.stateDatabase`: the peer's state database. */
export type StateDatabase = 'goleveldb' | 'CouchDB';

// statecouchdb's reserved fields: "~version" and anything starting with "_", at the top level of
// a value Go's json.Unmarshal reads as an object (anything else is stored as an attachment).
function reservedField(value: Buffer): string | undefined {
  const fields = decodeStateObject(value);
  if (fields === undefined) return undefined;
  return [...fields.keys()].find((field) => field === VERSION_FIELD || field.startsWith('_'));
}

/**
 * The state database's checks of a write, made when the chaincode writes (txmgr's
 * checkWritePrecondition → ValidateKeyValue): statecouchdb refuses an empty key, a key starting
 * with '_' and a JSON object value with a reserved field; stateleveldb accepts any UTF-8 key.
 */
export function validateKeyValue(database: StateDatabase, key: string, value: Buffer | undefined): void {
  if (database !== 'CouchDB') return;
  if (key.startsWith('_')) throw new RequestRefusedError(`invalid key [${key}], cannot begin with "_"`);
  if (key === '') throw new RequestRefusedError('invalid key. Empty string is not supported as a key by couchdb');
  const field = value === undefined ? undefined : reservedField(value);
  if (field !== undefined)
    throw new RequestRefusedError(`field [${field}] is not valid for the CouchDB state database`);
}
