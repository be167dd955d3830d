import 'reflect-metadata';

// What contract authors use (the names of fabric-contract-api 2.5).
export { Contract, Context, type ContractClass, type ContractLogger, type ContractLogging } from './contract';
export {
  Transaction,
  Returns,
  Param,
  ObjectDecorator as Object,
  Property,
  Info,
  Default,
  type ClassDecoratorFn,
  type MethodDecoratorFn,
} from './decorators';
export type {
  ContractInfo,
  ObjectOptions,
  ParamOptions,
  PropertyOptions,
  SchemaOptions,
} from './metadata/decorator-options';
export {
  JSONSerializer,
  type FromBufferResult,
  type FullSchema,
  type JSONSerializerOptions,
} from './serialization/json-serializer';
export { canonicalJson } from './serialization/canonical-json';
export { ContractError, isContractError, type ContractErrorOptions } from './errors/contract-error';
export { ChaincodeError, isChaincodeError, type ChaincodeErrorOptions } from './errors/chaincode-error';
export { MetadataError, type MetadataErrorCode } from './errors/metadata-error';
export type * from './stub';

// The metadata model and its schema.
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
export { CONTRACT_SCHEMA_PATH, contractMetadataSchema, validateContractMetadata } from './validation/metadata-schema';

// Used by the runtime (@chaincode/shim) to build a chaincode from contract classes.
export { isContractClass, isContext, isContextClass } from './contract';
export { isDefaultContract } from './metadata/contract-flags';
export { buildContractMetadata, type BuildMetadataInput, type ContractEntry } from './metadata/build-metadata';
export { SchemaCompiler, type ValueCheck } from './validation/schema-compiler';
export { registeredObjectClasses } from './metadata/object-registry';
export {
  compileParameterReader,
  ParameterConversionError,
  refName,
  type ParameterReader,
} from './serialization/parameter-reader';
