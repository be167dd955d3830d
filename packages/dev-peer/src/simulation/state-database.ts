import { RequestRefusedError } from '../errors/request-refused-error';

/** core.yaml `ledger.state.stateDatabase`: the peer's state database. */
export type StateDatabase = 'goleveldb' | 'CouchDB';

// statecouchdb's reserved fields: "~version" and anything starting with "_".
function reservedField(value: Buffer): string | undefined {
  if (value.length === 0 || value[0] !== 0x7b /* '{' */) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch {
    return undefined; // not JSON: CouchDB stores it as an attachment
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  return Object.keys(parsed).find((field) => field === '~version' || field.startsWith('_'));
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
