import { QueryError } from './query-error';

/**
 * An error answer of CouchDB's _find ({"error": ..., "reason": ...} with an HTTP status), as Fabric
 * reports it: couchdb.go's handleRequest wraps it as
 * "error handling CouchDB request. Error:<error>,  Status Code:<status>,  Reason:<reason>".
 */
export class CouchError extends QueryError<'CC_DEVPEER_COUCHDB_ERROR'> {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
  ) {
    super(
      'CC_DEVPEER_COUCHDB_ERROR',
      `error handling CouchDB request. Error:${error},  Status Code:${String(status)},  Reason:${reason}`,
    );
  }
}
