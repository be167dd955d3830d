import type {
  HistoryQueryIterator,
  KeyModification,
  KV,
  QueryIterable,
  StateQueryIterator,
  StateQueryResponse,
} from './iterators';
import type { Timestamp } from './timestamp';

/** The creator of the transaction proposal. */
export interface SerializedIdentity {
  mspid: string;
  idBytes: Uint8Array;
}

/** `{status, message, payload}`: what a chaincode answers, and what invokeChaincode returns. */
export interface ChaincodeResponse {
  status: number;
  message: string;
  payload: Uint8Array;
}

export interface FunctionAndParameters {
  fcn: string;
  params: string[];
}

export interface SplitCompositeKey {
  objectType: string | null;
  attributes: string[];
}

/** The decoded SignedProposal, with the fields a contract usually needs already decoded. */
export interface ProposalView {
  signature: Uint8Array;
  proposal: {
    header: {
      signatureHeader: { creator: SerializedIdentity; nonce: Uint8Array };
      channelHeader: {
        type: number;
        version: number;
        timestamp: Timestamp;
        channelId: string;
        txId: string;
        epoch: number;
        extension: Uint8Array;
        tlsCertHash: Uint8Array;
      };
    };
    payload: { input: Uint8Array; transientMap: Map<string, Uint8Array> };
    extension: Uint8Array;
  };
}

/**
 * Everything a chaincode can ask of the peer during one transaction: the names, arguments and
 * return types of fabric-shim 2.5's ChaincodeStub, plus Fabric 3.1's batched reads and writes.
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
  getSignedProposal(): ProposalView;
  getTxTimestamp(): Timestamp;
  getDateTimestamp(): Date;
  getBinding(): string;

  getState(key: string): Promise<Uint8Array>;
  putState(key: string, value: Uint8Array | string): Promise<void>;
  deleteState(key: string): Promise<void>;
  setStateValidationParameter(key: string, ep: Uint8Array): Promise<void>;
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
  /** Fabric 3.1: buffer writes from here on and send them as WRITE_BATCH_STATE. */
  startWriteBatch(): void;
  /** Send the buffered writes now (they are also sent before the transaction completes). */
  finishWriteBatch(): Promise<void>;
}

/** The low-level chaincode shape of fabric-shim's ChaincodeInterface. */
export interface ChaincodeInterface {
  Init(stub: ChaincodeStub): Promise<ChaincodeResponse> | ChaincodeResponse;
  Invoke(stub: ChaincodeStub): Promise<ChaincodeResponse> | ChaincodeResponse;
}
