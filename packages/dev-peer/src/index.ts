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
export type { ChaincodeIndexes, IndexSpec } from './query/index-spec';
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
