export type {
  ChaincodeStub,
  ChaincodeInterface,
  ChaincodeResponse,
  FunctionAndParameters,
  ProposalView,
  SerializedIdentity,
  SplitCompositeKey,
} from './chaincode-stub';
export type { ClientIdentity } from './client-identity';
export type {
  CommonIterator,
  HistoryQueryIterator,
  KeyModification,
  KV,
  NextResult,
  QueryIterable,
  QueryResponseMetadata,
  StateQueryIterator,
  StateQueryResponse,
} from './iterators';
export type { LongLike, Timestamp } from './timestamp';
