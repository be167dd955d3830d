import type { DevPeerErrorCode } from '../errors/codes';
import { DevPeerError } from '../errors/dev-peer-error';

type QueryErrorCode = Extract<
  DevPeerErrorCode,
  | 'CC_DEVPEER_QUERY_REFUSED'
  | 'CC_DEVPEER_COUCHDB_ERROR'
  | 'CC_DEVPEER_REGEX_UNSUPPORTED'
  | 'CC_DEVPEER_INVALID_INDEX'
  | 'CC_DEVPEER_INDEX_FILES_UNREADABLE'
>;

/**
 * Base of the rich-query errors. For a request, `message` is exactly the reason a Fabric peer puts
 * after "GET_QUERY_RESULT failed: transaction ID: <txid>: " in its ERROR reply.
 */
export abstract class QueryError<C extends QueryErrorCode = QueryErrorCode> extends DevPeerError<C> {}

/** The peer refused the query itself (Go's JSON decoding, Fabric's own checks). */
export class QueryRefusedError extends QueryError<'CC_DEVPEER_QUERY_REFUSED'> {
  constructor(reason: string) {
    super('CC_DEVPEER_QUERY_REFUSED', reason);
  }
}

/** A $regex the dev peer cannot evaluate faithfully. */
export class RegexUnsupportedError extends QueryError<'CC_DEVPEER_REGEX_UNSUPPORTED'> {
  constructor(pattern: string, construct: string) {
    super(
      'CC_DEVPEER_REGEX_UNSUPPORTED',
      `the dev peer cannot evaluate the $regex ${JSON.stringify(pattern)}: ${construct} is PCRE syntax without a JavaScript equivalent`,
    );
  }
}

/** An index definition Fabric would refuse at install. */
export class IndexDefinitionError extends QueryError<'CC_DEVPEER_INVALID_INDEX'> {
  constructor(message: string) {
    super('CC_DEVPEER_INVALID_INDEX', message);
  }
}

/** The chaincode's index files could not be read. */
export class IndexFilesError extends QueryError<'CC_DEVPEER_INDEX_FILES_UNREADABLE'> {
  constructor(message: string, cause: unknown) {
    super('CC_DEVPEER_INDEX_FILES_UNREADABLE', message, { cause });
  }
}
