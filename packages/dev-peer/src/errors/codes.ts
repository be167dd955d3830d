import type { ErrorRegistry } from '@chaincode/contract-api/internal';

/**
 * Every code `@chaincode/dev-peer` throws at a user: what it means and what to do. Listed in
 * `docs/errors.md` (`npm run docs:errors`). Keep each concern's codes grouped under its comment.
 */
export const devPeerErrorCodes = {
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
} as const satisfies ErrorRegistry;

export type DevPeerErrorCodeName = keyof typeof devPeerErrorCodes;
