export {
  createContractChaincode,
  unusableParameters,
  type ContractChaincode,
  type ContractChaincodeOptions,
} from './contract-chaincode';
export {
  loadContractModule,
  readContractModule,
  readMetadataFile,
  type LoadedContractModule,
} from './load-contract-module';
export { splitFunctionName, type Route } from './route';
export {
  DEFAULT_SERIALIZER_NAME,
  type SerializersConfig,
  type SerializerSource,
  type TransactionSerializer,
} from './serializers';
export { SystemContract } from './system-contract';
export { ArgumentError, DispatchError, type DispatchErrorCode, type ParameterPlace } from './dispatch-error';
