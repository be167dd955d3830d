import type { ErrorRegistry } from './chaincode-error';

/** A code `@chaincode/contract-api` throws (the keys of `contractApiErrorCodes`, which must list each). */
export type ContractApiErrorCode =
  | 'CC_API_TYPE_NOT_RECORDED'
  | 'CC_API_INVALID_CONTRACT'
  | 'CC_API_DUPLICATE_CONTRACT'
  | 'CC_API_DUPLICATE_DEFAULT'
  | 'CC_API_METADATA_MISMATCH'
  | 'CC_API_METADATA_SCHEMA'
  | 'CC_API_SCHEMA_COMPILE'
  | 'CC_API_PARAMETER_CONVERSION'
  | 'CC_API_UNKNOWN_TRANSACTION'
  | 'CC_API_NOT_A_FUNCTION'
  | 'CC_API_INVALID_STATUS';

/**
 * Every code `@chaincode/contract-api` throws: what it means and what to do. The error classes take
 * their codes from here, and `docs/errors.md` is rendered from it (`npm run docs:errors`).
 */
export const contractApiErrorCodes = {
  CC_API_TYPE_NOT_RECORDED: {
    meaning:
      'The compiler recorded no usable type for a property of an @Object class or a parameter of a transaction: it has no type annotation, or its type is `any`, an interface, a union or an object literal type (recorded as Object), or the build emits no decorator metadata. The chaincode is not created, whichever compiler built it.',
    action:
      "Annotate it with a class or a primitive type (`name: string`), or give the type in the decorator: `@Property('name', 'string')`, `@Param('name', 'string')`. Check that the build emits decorator metadata (tsc `emitDecoratorMetadata`, swc `decoratorMetadata`, Babel `babel-plugin-transform-typescript-metadata`).",
  },
  CC_API_INVALID_CONTRACT: {
    meaning:
      'Something given as a contract is not a class extending Contract (of this package), or its instance cannot be described as JSON.',
    action:
      'Export classes that extend `Contract` from `@chaincode/contract-api` (not from fabric-contract-api), constructible without arguments, whose own fields are JSON values.',
  },
  CC_API_DUPLICATE_CONTRACT: {
    meaning: 'Two contracts of one chaincode have the same name.',
    action: "Give each contract its own name: `super('name')` in its constructor.",
  },
  CC_API_DUPLICATE_DEFAULT: {
    meaning: 'More than one contract of the chaincode is marked @Default().',
    action: 'Mark at most one contract @Default() (without one, the first contract listed is the default).',
  },
  CC_API_METADATA_MISMATCH: {
    meaning: 'The metadata file lists contracts, but not every contract of the code.',
    action:
      'List every contract (and the system contract org.hyperledger.fabric) in the metadata file, or remove its `contracts` section to have it generated.',
  },
  CC_API_METADATA_SCHEMA: {
    meaning:
      'The contract metadata (a metadata file, or the generated metadata) is not JSON or does not match the contract metadata schema.',
    action: 'Fix the reported properties of META-INF/metadata.json (or contract-metadata/metadata.json).',
  },
  CC_API_SCHEMA_COMPILE: {
    meaning:
      'The JSON Schema of a complex type (components.schemas) cannot be compiled, e.g. it refers to a type that does not exist.',
    action: 'Mark every class a property refers to with @Object(), or correct the type string given to @Property.',
  },
  CC_API_PARAMETER_CONVERSION: {
    meaning:
      'An argument of a transaction cannot be turned into the type of its parameter (not a number, not a boolean, not JSON...).',
    action: "Send the argument in the form the parameter's schema in the contract metadata asks for.",
  },
  CC_API_UNKNOWN_TRANSACTION: {
    meaning: 'A call named a function the contract does not have (the default unknownTransaction).',
    action:
      'Call one of the transactions listed by org.hyperledger.fabric:GetMetadata, or override unknownTransaction.',
  },
  CC_API_NOT_A_FUNCTION: {
    meaning: 'aroundTransaction was asked to call a name that is not a method of the contract.',
    action:
      'Pass the name of a method of the contract (an override of aroundTransaction passes on the name it received).',
  },
  CC_API_INVALID_STATUS: {
    meaning: 'A ContractError was given a status outside 400..599.',
    action: 'Use an error status from 400 to 599 (a 4xx is not endorsed; 500 is the default).',
  },
} as const satisfies ErrorRegistry<ContractApiErrorCode>;
