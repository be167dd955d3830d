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
// Namespaces of types only, imported with `import type` so that nothing exists at run time (the
// module object keeps plain data properties); `export type * as` would need TypeScript 5.0 in
// every consumer of the declarations.
import type * as Iterators from './iterators-namespace';
import type * as ChaincodeProposal from './signed-proposal';
export type { ChaincodeProposal, Iterators };
