import type {
  HistoryQueryIterator,
  KeyModification,
  KV,
  QueryIterable,
  StateQueryIterator,
  StateQueryResponse,
} from './iterators';
import type { SerializedIdentity } from './serialized-identity';
import type { SignedProposal } from './signed-proposal';
import type { Timestamp } from './timestamp';

/** `{status, message, payload}`: what a chaincode answers, and what invokeChaincode resolves with. */
export interface ChaincodeResponse {
  status: number;
  message?: string;
  payload?: Uint8Array;
}

/**
 * fabric-shim-api's `SuccessResponse`: what `Shim.success()` answers. `status` is the literal 200
 * (fabric-shim-api's ambient `RESPONSE_CODE.OK`, an enum with no value at run time).
 */
export interface SuccessResponse {
  status: 200;
  message?: string;
  payload: Uint8Array;
}

/** fabric-shim-api's `ErrorResponse`: what `Shim.error()` answers; `status` is the literal 500. */
export interface ErrorResponse {
  status: 500;
  message: string;
  payload?: Uint8Array;
}

export interface FunctionAndParameters {
  fcn: string;
  params: string[];
}

/**
 * A composite key split into its parts. `objectType` is null at run time for a key that is not
 * composite (declared as fabric-shim-api declares it).
 */
export interface SplitCompositeKey {
  objectType: string;
  attributes: string[];
}

/** fabric-shim-api's spelling. */
export type SplitCompositekey = SplitCompositeKey;

/** The decoded signed proposal (fabric-shim-api's `ChaincodeProposal.SignedProposal`). */
export type ProposalView = SignedProposal;

/**
 * Everything a chaincode can ask of the peer during one transaction: fabric-shim-api 2.5's
 * ChaincodeStub (same names, argument and result types), plus getBufferArgs and Fabric 3.1's
 * batched reads and writes.
 */
export interface ChaincodeStub {
  getArgs(): string[];
  getStringArgs(): string[];
  getBufferArgs(): Buffer[];
  getFunctionAndParameters(): FunctionAndParameters;
  getTxID(): string;
  getChannelID(): string;
  getCreator(): SerializedIdentity;
  /** The MSP id of the peer running this chaincode (CORE_PEER_LOCALMSPID); throws when unset. */
  getMspID(): string;
  getTransient(): Map<string, Uint8Array>;
  getSignedProposal(): SignedProposal;
  getTxTimestamp(): Timestamp;
  getDateTimestamp(): Date;
  getBinding(): string;

  getState(key: string): Promise<Uint8Array>;
  putState(key: string, value: Uint8Array | string): Promise<void>;
  deleteState(key: string): Promise<void>;
  setStateValidationParameter(key: string, ep: Uint8Array): Promise<void>;
  /** Resolves undefined when the key has no validation parameter (declared as fabric-shim-api does). */
  getStateValidationParameter(key: string): Promise<Uint8Array>;
  getStateByRange(startKey: string, endKey: string): QueryIterable<StateQueryIterator, KV>;
  getStateByRangeWithPagination(
    startKey: string,
    endKey: string,
    pageSize: number,
    bookmark?: string,
  ): QueryIterable<StateQueryResponse<StateQueryIterator>, KV>;
  getStateByPartialCompositeKey(objectType: string, attributes: string[]): QueryIterable<StateQueryIterator, KV>;
  getStateByPartialCompositeKeyWithPagination(
    objectType: string,
    attributes: string[],
    pageSize: number,
    bookmark?: string,
  ): QueryIterable<StateQueryResponse<StateQueryIterator>, KV>;
  getQueryResult(query: string): QueryIterable<StateQueryIterator, KV>;
  getQueryResultWithPagination(
    query: string,
    pageSize: number,
    bookmark?: string,
  ): QueryIterable<StateQueryResponse<StateQueryIterator>, KV>;
  getHistoryForKey(key: string): QueryIterable<HistoryQueryIterator, KeyModification>;
  invokeChaincode(chaincodeName: string, args: (string | Uint8Array)[], channel?: string): Promise<ChaincodeResponse>;
  setEvent(name: string, payload: Uint8Array | string): void;
  createCompositeKey(objectType: string, attributes: string[]): string;
  splitCompositeKey(compositeKey: string): SplitCompositeKey;

  getPrivateData(collection: string, key: string): Promise<Uint8Array>;
  getPrivateDataHash(collection: string, key: string): Promise<Uint8Array>;
  putPrivateData(collection: string, key: string, value: Uint8Array | string): Promise<void>;
  deletePrivateData(collection: string, key: string): Promise<void>;
  purgePrivateData(collection: string, key: string): Promise<void>;
  setPrivateDataValidationParameter(collection: string, key: string, ep: Uint8Array): Promise<void>;
  getPrivateDataValidationParameter(collection: string, key: string): Promise<Uint8Array>;
  getPrivateDataByRange(collection: string, startKey: string, endKey: string): QueryIterable<StateQueryIterator, KV>;
  getPrivateDataByPartialCompositeKey(
    collection: string,
    objectType: string,
    attributes: string[],
  ): QueryIterable<StateQueryIterator, KV>;
  getPrivateDataQueryResult(collection: string, query: string): QueryIterable<StateQueryIterator, KV>;

  /** Fabric 3.1: many keys in one GET_STATE_MULTIPLE round trip when the peer supports it. */
  getMultipleStates(...keys: string[]): Promise<Uint8Array[]>;
  getMultiplePrivateData(collection: string, ...keys: string[]): Promise<Uint8Array[]>;
  /**
   * Fabric 3.1 (as the Go shim): buffer the writes from here on, and send them together as
   * WRITE_BATCH_STATE at finishWriteBatch() or before the transaction completes. Does nothing
   * when the peer does not support batching. A write the peer refuses then fails the transaction
   * at the flush, not at its own `await`.
   */
  startWriteBatch(): void;
  /** Send the buffered writes now and stop buffering (later writes are sent one by one again). */
  finishWriteBatch(): Promise<void>;
}

/** The low-level chaincode shape of fabric-shim's ChaincodeInterface. */
export interface ChaincodeInterface {
  Init(stub: ChaincodeStub): Promise<ChaincodeResponse> | ChaincodeResponse;
  Invoke(stub: ChaincodeStub): Promise<ChaincodeResponse> | ChaincodeResponse;
}
