export type {
  ChaincodeStub,
  ChaincodeInterface,
  ChaincodeResponse,
  ErrorResponse,
  FunctionAndParameters,
  ProposalView,
  SplitCompositeKey,
  SplitCompositekey,
  SuccessResponse,
} from './chaincode-stub';
export type { ClientIdentity } from './client-identity';
export type {
  CommonIterator,
  HistoryQueryIterator,
  KeyModification,
  KV,
  NextKeyModificationResult,
  NextResult,
  QueryIterable,
  QueryResponseMetadata,
  StateQueryIterator,
  StateQueryResponse,
} from './iterators';
export type { SerializedIdentity } from './serialized-identity';
export type { Timestamp } from './timestamp';
export * as Iterators from './iterators-namespace';
export * as ChaincodeProposal from './signed-proposal';
