/**
 * @internal Entry for our sibling packages (shim, dev-peer, cli). Not part of the public API: it may
 * change in any release. Contract authors import from `@chaincode/contract-api` only.
 */
export { errorMessage, type ErrorCodeInfo, type ErrorRegistry } from './errors/chaincode-error';
export { contractApiErrorCodes } from './errors/codes';

// Recognising contracts and contexts from any copy of this package.
export { isContractClass, isContext, isContextClass } from './contract';
export { isDefaultContract } from './metadata/contract-flags';

// Building the metadata of a chaincode.
export { assertContractClass, instantiateContracts } from './metadata/contract-entries';
export { exportedField, findExportedContracts } from './metadata/contract-exports';
export { buildContractMetadata, type BuildMetadataInput, type ContractEntry } from './metadata/build-metadata';
export { registeredObjectClasses } from './metadata/object-registry';
export type {
  ContractMetadata,
  ContractMetadataJson,
  InfoMetadata,
  ObjectTypeMetadata,
  ParameterMetadata,
  SchemaObject,
  TransactionMetadata,
} from './metadata/contract-metadata';
export { CONTRACT_SCHEMA_URI, COMPONENT_REF_PREFIX, SYSTEM_CONTRACT_NAME } from './metadata/contract-metadata';
export {
  CONTRACT_SCHEMA_PATH,
  contractMetadataSchema,
  parseContractMetadata,
  validateContractMetadata,
} from './validation/metadata-schema';

// Reading and checking arguments.
export { SchemaCompiler, type ValueCheck } from './validation/schema-compiler';
export {
  compileParameterReader,
  ParameterConversionError,
  refName,
  type ParameterReader,
} from './serialization/parameter-reader';
