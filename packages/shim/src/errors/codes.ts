import type { ErrorRegistry } from '@chaincode/contract-api/internal';

/**
 * Every code the shim throws, with what it means and what to do; `docs/errors.md` is generated
 * from this table (`npm run docs:errors`). Each code belongs to exactly one error class in
 * `shim-error.ts`. Entries are grouped by concern.
 */
export const shimErrorCodes = {
  // --- stub, identity and policy ---
  CC_SHIM_INVALID_ARGUMENT: {
    meaning:
      'A shim method was called with an argument Fabric refuses (a key of the wrong type, a bad composite key part, a private data collection that is not a non-empty string...); nothing was sent to the peer.',
    action:
      'Fix the argument the message names; where fabric-shim has a text for the same refusal, the message is that text.',
  },
  CC_SHIM_PROTOCOL_ERROR: {
    meaning: 'A message from the peer could not be read (an undecodable or missing signed proposal...).',
    action: 'Check that the peer is a Fabric peer of a supported version; report it if it is.',
  },
  CC_SHIM_IDENTITY_ERROR: {
    meaning: 'The transaction creator cannot be read as an X.509 identity (not PEM, idemix, malformed certificate).',
    action: 'Use an X.509 identity, or avoid ClientIdentity for this creator.',
  },
} as const satisfies ErrorRegistry;

/** A code of the shim's registry. */
export type ShimRegistryCode = keyof typeof shimErrorCodes;
