import type { ErrorRegistry } from '@chaincode/contract-api/internal';

/**
 * Every code the dev peer throws at its caller (`DevPeerError.code`). A chaincode's own failure is
 * never thrown: it is a transaction result with a status and the peer's message.
 */
export const devPeerErrorCodes = {
  CC_DEVPEER_INVALID_OPTIONS: {
    meaning: 'An option passed to DevNetwork.start, DevPeer.start or one of their methods is not valid.',
    action: 'Fix the option named in the message.',
  },
  CC_DEVPEER_NOT_REGISTERED: {
    meaning: 'No chaincode is registered (ready) under that name on the peer that was asked.',
    action: 'Deploy the chaincode (deployChaincode) or wait for it (waitForChaincode) before using it.',
  },
  CC_DEVPEER_TIMEOUT: {
    meaning: 'Waiting for a chaincode to register took longer than allowed.',
    action: 'Check that the chaincode process dials the peer address, or raise timeoutMs.',
  },
  CC_DEVPEER_STOPPED: {
    meaning: 'The network or peer was stopped; it takes no more work.',
    action: 'Start a new network, or stop it only after the last transaction.',
  },
  CC_DEVPEER_CONNECT_FAILED: {
    meaning: 'Dialing a chaincode server (chaincode as a service) failed, or it never sent REGISTER.',
    action: 'Check the address and TLS settings of the chaincode server and that it is running.',
  },
  CC_DEVPEER_REQUEST_REFUSED: {
    meaning: 'The peer refused a request of a chaincode (the chaincode receives it as an ERROR message).',
    action: 'Read the message: it is the text a Fabric peer sends for the same request.',
  },
  CC_DEVPEER_INVALID_POLICY: {
    meaning: "A policy is not valid in Fabric's signature policy syntax or names an unknown policy.",
    action: "Write it as Fabric's peer CLI accepts it, e.g. AND('Org1MSP.peer','Org2MSP.peer') or OutOf(1, ...).",
  },
  CC_DEVPEER_INVALID_DEFINITION: {
    meaning:
      'A chaincode definition (endorsement policy, collections configuration) was refused, as Fabric lifecycle refuses it.',
    action: 'Fix the definition or collections_config.json as the message says.',
  },
  CC_DEVPEER_UNKNOWN_ORG: {
    meaning: 'An organization (MSP ID) that is not part of the network was named.',
    action: 'Use one of the MSP IDs given to DevNetwork.start({ orgs }).',
  },
  CC_DEVPEER_INVALID_SEED: {
    meaning: 'Seed data or a snapshot passed to the network is not in the expected shape.',
    action: 'Fix the seed JSON as the message says; nothing was written.',
  },
  CC_DEVPEER_DATA_DIR_FOREIGN: {
    meaning: 'The data directory holds something that is not a dev peer ledger (other files, or another LevelDB).',
    action: 'Point dataDir at an empty or new directory, or at one a dev peer created.',
  },
  CC_DEVPEER_DATA_DIR_CORRUPT: {
    meaning: 'The data directory is a dev peer ledger that cannot be read (corrupt LevelDB or records).',
    action: 'Restore the directory from a copy, or delete it to start from an empty ledger.',
  },
  CC_DEVPEER_DATA_DIR_LOCKED: {
    meaning: 'Another process (or network) has the data directory open.',
    action: 'Stop the other network first; a directory serves one network at a time.',
  },
  CC_DEVPEER_STORAGE_FAILED: {
    meaning: 'Writing a block to the data directory failed; the block was not committed.',
    action: 'Check disk space and permissions of the data directory.',
  },

  // --- typed contract client (src/client) ---
  CC_DEVPEER_CLIENT_TRANSACTION_FAILED: {
    meaning: 'The chaincode answered the transaction with a status of 400 or more (the proposal was not endorsed).',
    action:
      'Read the error: status, message and payload are the chaincode response, txId and transaction say which call. Nothing was committed.',
  },
  CC_DEVPEER_CLIENT_UNKNOWN_TRANSACTION: {
    meaning: 'The contract has no transaction of that name in its metadata; nothing was sent.',
    action:
      'Check the spelling against the contract (the error lists its transactions) and that the method is decorated with @Transaction.',
  },
  CC_DEVPEER_CLIENT_NOT_SUBMITTABLE: {
    meaning: 'A transaction marked @Transaction(false) (EVALUATE) was called through submit; nothing was sent.',
    action: 'Call it through evaluate, or send it with the raw peer.submit if committing a query is what you test.',
  },
  CC_DEVPEER_CLIENT_ARGUMENT_COUNT: {
    meaning: 'The call gave more or fewer arguments than the transaction has parameters; nothing was sent.',
    action: 'Pass one argument per parameter after ctx (optional parameters may be left out at the end).',
  },
  CC_DEVPEER_CLIENT_ARGUMENT_TYPE: {
    meaning: 'An argument does not have the type of its parameter in the contract metadata; nothing was sent.',
    action:
      'Pass a string, number, boolean, object or array as the parameter declares; to send raw text the contract must refuse, use the raw peer.submit.',
  },
  CC_DEVPEER_CLIENT_RESULT_TYPE: {
    meaning:
      'The transaction succeeded but its payload is not of the type its @Returns declares (the runtime never checks @Returns).',
    action: 'Fix the value the transaction returns or its @Returns; the error carries the txId and the payload.',
  },
  CC_DEVPEER_CLIENT_INVALID_CONTRACT: {
    meaning: 'The class given to contractClient is not a contract, or its metadata cannot be built.',
    action: 'Pass a class that extends Contract from @chaincode/contract-api; the cause names the metadata problem.',
  },
  CC_DEVPEER_CLIENT_METADATA_FAILED: {
    meaning:
      'A client made by contract name could not read the chaincode metadata (GetMetadata), or the contract is not in it.',
    action: 'Check that the chaincode is deployed under that name and is a contract chaincode, and the contract name.',
  },
  CC_DEVPEER_CLIENT_INVALID_OPTIONS: {
    meaning: 'An option of contractClient (or of with/as) is not valid.',
    action: 'Give the chaincode name as { chaincode }, transient values as bytes, strings or JSON values.',
  },
  CC_DEVPEER_CLIENT_TYPES_STALE: {
    meaning:
      'The contract transaction declaration is missing or differs from what the contracts now declare (chaincode types --check).',
    action: 'Run chaincode types (the templates run it before their tests) and commit the file.',
  },
  CC_DEVPEER_CLIENT_TYPES_FAILED: {
    meaning:
      'chaincode types could not load the contract module, find an exported contract class, or write the declaration.',
    action:
      'Build the project first (its package.json main must exist) and export every contract class by name from it.',
  },

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

export type DevPeerErrorCode = keyof typeof devPeerErrorCodes;
