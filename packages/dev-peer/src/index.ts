/**
 * `@chaincode/dev-peer`: an embedded Hyperledger Fabric network for running and testing chaincode
 * over the real chaincode protocol, in process, on 127.0.0.1.
 */
export { DevNetwork } from './network/dev-network';
export { DevPeer } from './network/dev-peer';
export type { DeployedChaincode, DeployOptions } from './network/deployed-chaincode';
export type { NetworkOrg, NetworkPeer } from './network/network-org';
export type { NetworkSnapshot } from './network/network-snapshot';
export type { SeedChaincode, SeedData } from './network/seed';
export type {
  StateQueryOptions,
  TransactionEvent,
  TransactionOptions,
  TransactionResult,
} from './network/transaction-types';
export type { ChaincodeDefinitionOptions } from './channel/chaincode-definition';
export type { CollectionConfig } from './collections/collection-config';
export { readCollectionsConfig } from './collections/read-collections-config';
export type { BlockRecord, TransactionRecord } from './commit/block-record';
export { TX_VALIDATION_CODES, type ValidationCode } from './commit/validation-code';
export type { ChaincodeEvent, CloseableAsyncIterable } from './events/chaincode-event';
export type { CompositeKeyParts } from './inspection/composite-key';
export type { StateEntryView, StateListOptions } from './inspection/state-listing';
export type { ChaincodeConnection } from './peer/chaincode-connection';
export type { ChaincodeFaults, FaultStream } from './faults/chaincode-faults';
export type { FaultAction, FaultDirection, FaultRule, FaultRuleHandle, MessageTypeName } from './faults/fault-rule';
export type { DeployableChaincode } from './peer/peer-node';
export type { ConnectOptions } from './server/chaincode-dialer';
export type { ChaincodeIndexes, IndexSpec } from './query/index-spec';
export type {
  BlockCuttingOptions,
  CommonPeerOptions,
  DevNetworkOptions,
  DevPeerOptions,
  PeerCapabilities,
} from './options';
export { DevPeerError } from './errors/dev-peer-error';
export type { DevPeerErrorCode } from './errors/codes';
export type { CreateIdentityOptions, Identity, NodeRole } from './ca/identity';
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
export type { StateDatabase } from './simulation/state-database';
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
