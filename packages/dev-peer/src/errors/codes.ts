import type { ErrorRegistry } from '@chaincode/contract-api/internal';

/**
 * Every code the dev peer throws (prefix CC_DEVPEER_), with what it means and what to do.
 * `npm run docs:errors` lists them in docs/errors.md.
 */
export const devPeerErrorCodes = {
  // --- rich queries (src/query): GET_QUERY_RESULT and CouchDB indexes ---
  CC_DEVPEER_QUERY_REFUSED: {
    meaning:
      'The dev peer refused a rich query before CouchDB saw it, as a Fabric peer does (the query string is not a JSON object, "fields" is not an array); the chaincode receives the peer\'s text.',
    action: 'Fix the query string the chaincode sends to getQueryResult / getQueryResultWithPagination.',
  },
  CC_DEVPEER_COUCHDB_ERROR: {
    meaning:
      'CouchDB refused a rich query (unknown operator, bad operator argument, a sort no index covers, an invalid bookmark...); the chaincode receives "error handling CouchDB request. Error:..., Status Code:..., Reason:..." as from a Fabric peer.',
    action:
      'Read the reason: fix the selector, or add an index covering the sort under META-INF/statedb/couchdb/indexes and deploy with the module path or the `indexes` option.',
  },
  CC_DEVPEER_REGEX_UNSUPPORTED: {
    meaning:
      'A $regex uses a PCRE construct that JavaScript regular expressions cannot express (possessive quantifiers, atomic groups, recursion, options in mid-pattern, \\p{...}); CouchDB would evaluate it, the dev peer cannot.',
    action: 'Rewrite the pattern without the construct, or test this query against a real peer with CouchDB.',
  },
  CC_DEVPEER_INVALID_INDEX: {
    meaning:
      'A CouchDB index definition of the chaincode fails the checks a Fabric peer makes at install (not JSON, unknown key, "fields" not an array, type other than json, a file outside META-INF/statedb/couchdb/.../indexes).',
    action:
      'Fix the index file (or the `indexes` deploy option) as the message says; Fabric would refuse to install the package.',
  },
  CC_DEVPEER_INDEX_FILES_UNREADABLE: {
    meaning: "The chaincode's META-INF/statedb directory could not be read.",
    action: 'Check the module path given to the dev peer and the permissions of its META-INF directory.',
  },
} as const satisfies ErrorRegistry;

export type DevPeerErrorCodeName = keyof typeof devPeerErrorCodes;
