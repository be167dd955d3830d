import type { ErrorRegistry } from '@chaincode/contract-api/internal';

/**
 * Every code `@chaincode/shim` throws: what it means and what to do. The error classes take their
 * codes from here, and `docs/errors.md` is rendered from it (`npm run docs:errors`). Each concern
 * keeps its codes in its own group.
 */
export const shimErrorCodes = {
  // --- Contract dispatch (src/dispatch): a call the contracts cannot serve. The message is what the
  // client receives (status 500), worded as fabric-contract-api words it where one exists.
  CC_SHIM_UNKNOWN_CONTRACT: {
    meaning: 'The call names a contract (`contract:function`) that the chaincode does not have.',
    action:
      'Use the name of one of the contracts (org.hyperledger.fabric:GetMetadata lists them), or no prefix for the default contract.',
  },
  CC_SHIM_ARGUMENT_COUNT: {
    meaning: 'The call gives more arguments than the transaction has parameters, or fewer than it requires.',
    action: 'Send one argument per parameter listed in the contract metadata (optional parameters only at the end).',
  },
  CC_SHIM_ARGUMENT_CONVERSION: {
    meaning:
      'An argument cannot be turned into the type of its parameter (not a number, not a boolean, not JSON...); the message names the parameter and the reason.',
    action: "Send the argument in the form the parameter's schema asks for.",
  },
  CC_SHIM_ARGUMENT_INVALID: {
    meaning: "An argument does not match its parameter's schema; the message names the parameter and every problem.",
    action: "Send a value that matches the parameter's schema in the contract metadata.",
  },
  CC_SHIM_PARAMETER_UNUSABLE: {
    meaning:
      'A parameter in the contract metadata has no schema, or a schema that cannot be compiled (e.g. a $ref to a type that does not exist), so no call of that transaction can be served.',
    action: 'Fix the parameter in the metadata file or in the decorators (@Param type, @Object classes).',
  },
} as const satisfies ErrorRegistry;

/** A code `@chaincode/shim` throws. */
export type ShimErrorCode = keyof typeof shimErrorCodes;
