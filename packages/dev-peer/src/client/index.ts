export {
  contractClient,
  type AnyTransactionPeer,
  type ContractCallOptions,
  type ContractClient,
  type ContractClientOptions,
} from './contract-client';
export type {
  ArgumentOf,
  ContractMethodNames,
  ContractTransactionKinds,
  ContractTransactionRegistry,
  DetailedTransactionCall,
  EvaluateTransactionNames,
  Jsonified,
  RegistryEntryOf,
  SubmitTransactionNames,
  TransactionArguments,
  TransactionCall,
  TransactionResultValue,
  UntypedContract,
} from './contract-types';
export type {
  PeerCallOptions,
  PeerIdentityOf,
  PeerOptionsOf,
  PeerResult,
  PeerResultOf,
  TransactionPeer,
} from './transaction-peer';
export type { TransientInput, TransientValue } from './transient-data';
export {
  ClientOptionsError,
  ContractClientError,
  ContractMetadataError,
  InvalidContractError,
  type ContractClientErrorOptions,
} from './errors/contract-client-error';
export { CallRefusedError, type CallRefusedCode } from './errors/call-refused-error';
export { TransactionFailedError, type FailedResponse } from './errors/transaction-failed-error';
export { ResultTypeError } from './errors/result-type-error';
export { ContractTypesError, type ContractTypesErrorCode } from './errors/contract-types-error';
export {
  DEFAULT_CONTRACT_TYPES_FILE,
  generateContractTypes,
  type GenerateContractTypesOptions,
  type GeneratedContractTypes,
} from './typegen/generate-contract-types';
