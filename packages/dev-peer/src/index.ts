/**
 * `@chaincode/dev-peer`: an embedded Hyperledger Fabric peer for running and testing chaincode over
 * the real chaincode protocol, in process, on 127.0.0.1.
 */
export {
  DevPeer,
  type ChaincodeConnection,
  type ConnectOptions,
  type DeployableChaincode,
  type DeployOptions,
  type StateQueryOptions,
  type TransactionEvent,
  type TransactionOptions,
  type TransactionResult,
} from './dev-peer';
export type { DevPeerOptions, PeerCapabilities } from './options';
export { DevPeerError, DevPeerErrorCode } from './errors';
export type { CreateIdentityOptions, Identity } from './ca/identity';
export { FABRIC_ATTRIBUTES_OID, TestCa } from './ca/test-ca';
export type {
  KeyMetadataWrite,
  KeyRead,
  KeyWrite,
  PrivateKeyRead,
  PrivateKeyWrite,
  RangeQueryRead,
  ReadWriteSet,
} from './simulation/read-write-set';
export type { HistoryRecord, TxTimestamp, Version } from './state/ledger-types';

// The typed contract client (src/client).
export {
  contractClient,
  generateContractTypes,
  DEFAULT_CONTRACT_TYPES_FILE,
  CallRefusedError,
  ContractTypesError,
  ClientOptionsError,
  ContractClientError,
  ContractMetadataError,
  InvalidContractError,
  ResultTypeError,
  TransactionFailedError,
  type AnyTransactionPeer,
  type ArgumentOf,
  type CallRefusedCode,
  type ContractCallOptions,
  type ContractClient,
  type ContractClientErrorOptions,
  type ContractClientOptions,
  type ContractMethodNames,
  type ContractTransactionKinds,
  type ContractTransactionRegistry,
  type ContractTypesErrorCode,
  type GenerateContractTypesOptions,
  type GeneratedContractTypes,
  type DetailedTransactionCall,
  type EvaluateTransactionNames,
  type FailedResponse,
  type Jsonified,
  type PeerCallOptions,
  type PeerIdentityOf,
  type PeerOptionsOf,
  type PeerResult,
  type PeerResultOf,
  type RegistryEntryOf,
  type SubmitTransactionNames,
  type TransactionArguments,
  type TransactionCall,
  type TransactionPeer,
  type TransactionResultValue,
  type TransientInput,
  type TransientValue,
  type UntypedContract,
} from './client';
