import type {
  ChaincodeResponse,
  ChaincodeStub as ChaincodeStubApi,
  FunctionAndParameters,
  HistoryQueryIterator as HistoryQueryIteratorApi,
  KeyModification,
  KV,
  ProposalView,
  QueryIterable,
  QueryResponseMetadata,
  SerializedIdentity,
  SplitCompositeKey,
  StateQueryIterator as StateQueryIteratorApi,
  StateQueryResponse,
  Timestamp,
} from '@chaincode/contract-api';
import { InvalidArgumentError, InvalidOptionsError, PeerRequestError } from '../errors/shim-error';
import { MessageType, protos } from '../wire/protos';
import { checkCollection, checkKey, checkPageSize, checkString, toBytes } from './argument-checks';
import { checkSimpleKey, createCompositeKey, MAX_UNICODE_RUNE, splitCompositeKey } from './composite-key';
import { HistoryQueryIterator, StateQueryIterator } from './iterators';
import type { LazyProposal } from './proposal';
import { iterable, pagedIterable } from './query-iterable';
import type { TransactionPort } from './transaction-port';
import { WriteRecordType, type WriteRecordInit } from './write-batch';

/** The metadata key Fabric uses for key-level endorsement policies. */
export const VALIDATION_PARAMETER = 'VALIDATION_PARAMETER';

/** A range query with an empty start key starts here (Fabric's substitute for ""). */
const EMPTY_KEY_SUBSTITUTE = '\u0001';

const EMPTY = Buffer.alloc(0);
const utf8 = new TextDecoder('utf-8');

type PagedResult = StateQueryResponse<StateQueryIteratorApi>;

/** PutState, DelState, PurgePrivateState or PutStateMetadata: each reads its fields off a WriteRecord. */
interface SingleWriteCodec {
  encode(record: WriteRecordInit): { finish(): Uint8Array };
}

/** A view of the bytes as a Buffer, without copying (fabric-shim resolves writes with the RESPONSE payload). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function rejected<T>(err: unknown): Promise<T> {
  return Promise.reject(err instanceof Error ? err : new Error(String(err)));
}

/** A rejected promise when `collection` is not a valid collection name, else undefined. */
function invalidCollection(collection: string): Promise<never> | undefined {
  try {
    checkCollection(collection);
    return undefined;
  } catch (err) {
    return rejected(err);
  }
}

function decodeMetadata(bytes: Uint8Array): QueryResponseMetadata {
  if (bytes.length === 0) return { fetchedRecordsCount: 0, bookmark: '' };
  const metadata = protos.QueryResponseMetadata.decode(bytes);
  return { fetchedRecordsCount: metadata.fetchedRecordsCount, bookmark: metadata.bookmark };
}

/**
 * The stub handed to `Init`/`Invoke`: everything a chaincode can ask of the peer during one
 * transaction. Same method names and shapes as fabric-shim 2.5's ChaincodeStub, plus Fabric 3.1's
 * getMultipleStates / write batching.
 */
export class ChaincodeStub implements ChaincodeStubApi {
  /** fabric-shim's status constants. */
  static readonly RESPONSE_CODE = Object.freeze({ OK: 200, ERRORTHRESHOLD: 400, ERROR: 500 });

  readonly #port: TransactionPort;
  readonly #args: readonly Uint8Array[];
  readonly #proposal: LazyProposal;
  #stringArgs: string[] | undefined;

  /** @internal Built by the shim for each TRANSACTION/INIT; chaincode never constructs one. */
  constructor(port: TransactionPort, args: readonly Uint8Array[], proposal: LazyProposal) {
    this.#port = port;
    this.#args = args;
    this.#proposal = proposal;
  }

  // ---- arguments and transaction facts ----

  getArgs(): string[] {
    return this.getStringArgs();
  }

  getStringArgs(): string[] {
    this.#stringArgs ??= this.#args.map((arg) => utf8.decode(arg));
    return this.#stringArgs.slice();
  }

  getBufferArgs(): Buffer[] {
    return this.#args.map(asBuffer);
  }

  getFunctionAndParameters(): FunctionAndParameters {
    const args = this.getStringArgs();
    const fcn = args.shift() ?? '';
    return { fcn, params: args };
  }

  getTxID(): string {
    return this.#port.txId;
  }

  getChannelID(): string {
    return this.#port.channelId;
  }

  getCreator(): SerializedIdentity {
    return this.#proposal.creator;
  }

  getMspID(): string {
    const mspId = this.#port.localMspId;
    if (mspId === undefined || mspId === '') {
      throw new InvalidOptionsError(
        "getMspID: the peer's MSP id is not configured (set CORE_PEER_LOCALMSPID, or the localMspId option)",
        { txId: this.#port.txId, channelId: this.#port.channelId },
      );
    }
    return mspId;
  }

  getTransient(): Map<string, Uint8Array> {
    return this.#proposal.transient;
  }

  getSignedProposal(): ProposalView {
    return this.#proposal.view();
  }

  getTxTimestamp(): Timestamp {
    return this.#proposal.timestamp;
  }

  /** The proposal timestamp as a Date, truncated to the millisecond (never rounded up). */
  getDateTimestamp(): Date {
    const ts = this.#proposal.timestamp;
    const seconds = typeof ts.seconds === 'number' ? ts.seconds : ts.seconds.toNumber();
    return new Date(seconds * 1000 + Math.floor(ts.nanos / 1_000_000));
  }

  getBinding(): string {
    return this.#proposal.binding;
  }

  // ---- world state ----

  getState(key: string): Promise<Uint8Array> {
    return this.#getState('', key);
  }

  putState(key: string, value: Uint8Array | string): Promise<void> {
    return this.#putState('', key, value);
  }

  deleteState(key: string): Promise<void> {
    return this.#deleteState('', key);
  }

  setStateValidationParameter(key: string, ep: Uint8Array): Promise<void> {
    return this.#putMetadata('', key, ep);
  }

  getStateValidationParameter(key: string): Promise<Uint8Array> {
    return this.#getMetadata('', key);
  }

  getStateByRange(startKey: string, endKey: string): QueryIterable<StateQueryIteratorApi, KV> {
    return iterable<StateQueryIteratorApi, KV>(this.#rangeIterator('', startKey, endKey));
  }

  getStateByRangeWithPagination(
    startKey: string,
    endKey: string,
    pageSize: number,
    bookmark = '',
  ): QueryIterable<PagedResult, KV> {
    return pagedIterable<StateQueryIteratorApi, KV>(this.#pagedRange(startKey, endKey, pageSize, bookmark));
  }

  getStateByPartialCompositeKey(objectType: string, attributes: string[]): QueryIterable<StateQueryIteratorApi, KV> {
    return iterable<StateQueryIteratorApi, KV>(this.#partialIterator('', objectType, attributes));
  }

  getStateByPartialCompositeKeyWithPagination(
    objectType: string,
    attributes: string[],
    pageSize: number,
    bookmark = '',
  ): QueryIterable<PagedResult, KV> {
    return pagedIterable<StateQueryIteratorApi, KV>(this.#pagedPartial(objectType, attributes, pageSize, bookmark));
  }

  getQueryResult(query: string): QueryIterable<StateQueryIteratorApi, KV> {
    return iterable<StateQueryIteratorApi, KV>(this.#queryIterator('', query));
  }

  getQueryResultWithPagination(query: string, pageSize: number, bookmark = ''): QueryIterable<PagedResult, KV> {
    return pagedIterable<StateQueryIteratorApi, KV>(this.#pagedQuery(query, pageSize, bookmark));
  }

  getHistoryForKey(key: string): QueryIterable<HistoryQueryIteratorApi, KeyModification> {
    return iterable<HistoryQueryIteratorApi, KeyModification>(this.#historyIterator(key));
  }

  async invokeChaincode(
    chaincodeName: string,
    args: (string | Uint8Array)[],
    channel?: string,
  ): Promise<ChaincodeResponse> {
    checkKey(chaincodeName);
    if (!Array.isArray(args)) throw new InvalidArgumentError('invokeChaincode: args must be an array');
    const name = channel !== undefined && channel !== '' ? `${chaincodeName}/${channel}` : chaincodeName;
    const spec = protos.ChaincodeSpec.encode({
      chaincodeId: { name },
      input: { args: args.map((arg, i) => toBytes(arg, `invokeChaincode argument ${i}`)) },
    }).finish();
    const bytes = await this.#port.request(MessageType.INVOKE_CHAINCODE, spec);
    const reply = protos.ChaincodeMessage.decode(bytes);
    if (reply.type === MessageType.COMPLETED) {
      const response = protos.Response.decode(reply.payload);
      return { status: response.status, message: response.message, payload: response.payload };
    }
    throw new PeerRequestError(reply.payload.toString(), { txId: this.#port.txId, channelId: this.#port.channelId });
  }

  setEvent(name: string, payload: Uint8Array | string): void {
    if (typeof name !== 'string' || name.length === 0) {
      throw new InvalidArgumentError('Event name must be a non-empty string');
    }
    this.#port.event = { eventName: name, payload: toBytes(payload, 'event payload') };
  }

  createCompositeKey(objectType: string, attributes: string[]): string {
    return createCompositeKey(objectType, attributes);
  }

  splitCompositeKey(compositeKey: string): SplitCompositeKey {
    return splitCompositeKey(compositeKey);
  }

  // ---- private data ----

  getPrivateData(collection: string, key: string): Promise<Uint8Array> {
    return invalidCollection(collection) ?? this.#getState(collection, key);
  }

  async getPrivateDataHash(collection: string, key: string): Promise<Uint8Array> {
    checkCollection(collection);
    checkString(key, 'key');
    const payload = protos.GetState.encode({ key, collection }).finish();
    return this.#port.request(MessageType.GET_PRIVATE_DATA_HASH, payload);
  }

  putPrivateData(collection: string, key: string, value: Uint8Array | string): Promise<void> {
    return invalidCollection(collection) ?? this.#putState(collection, key, value);
  }

  deletePrivateData(collection: string, key: string): Promise<void> {
    return invalidCollection(collection) ?? this.#deleteState(collection, key);
  }

  purgePrivateData(collection: string, key: string): Promise<void> {
    try {
      checkCollection(collection);
      checkKey(key);
    } catch (err) {
      return rejected(err);
    }
    const record = { type: WriteRecordType.PURGE_PRIVATE_DATA, key, collection };
    return this.#write(record, MessageType.PURGE_PRIVATE_DATA, protos.PurgePrivateState);
  }

  setPrivateDataValidationParameter(collection: string, key: string, ep: Uint8Array): Promise<void> {
    return invalidCollection(collection) ?? this.#putMetadata(collection, key, ep);
  }

  getPrivateDataValidationParameter(collection: string, key: string): Promise<Uint8Array> {
    return invalidCollection(collection) ?? this.#getMetadata(collection, key);
  }

  getPrivateDataByRange(
    collection: string,
    startKey: string,
    endKey: string,
  ): QueryIterable<StateQueryIteratorApi, KV> {
    return iterable<StateQueryIteratorApi, KV>(
      invalidCollection(collection) ?? this.#rangeIterator(collection, startKey, endKey),
    );
  }

  getPrivateDataByPartialCompositeKey(
    collection: string,
    objectType: string,
    attributes: string[],
  ): QueryIterable<StateQueryIteratorApi, KV> {
    return iterable<StateQueryIteratorApi, KV>(
      invalidCollection(collection) ?? this.#partialIterator(collection, objectType, attributes),
    );
  }

  getPrivateDataQueryResult(collection: string, query: string): QueryIterable<StateQueryIteratorApi, KV> {
    return iterable<StateQueryIteratorApi, KV>(invalidCollection(collection) ?? this.#queryIterator(collection, query));
  }

  // ---- Fabric 3.1: batched reads and writes ----

  getMultipleStates(...keys: string[]): Promise<Uint8Array[]> {
    return this.#getMultiple('', keys);
  }

  getMultiplePrivateData(collection: string, ...keys: string[]): Promise<Uint8Array[]> {
    return invalidCollection(collection) ?? this.#getMultiple(collection, keys);
  }

  /**
   * Marks the start of a write batch. Writes are already batched for the whole transaction when the
   * peer supports WRITE_BATCH_STATE, and sent one by one when it does not, so this changes nothing.
   */
  startWriteBatch(): void {
    // Nothing to do: batching follows the peer's advertised capability.
  }

  /** Send the writes buffered so far now (they are sent before the transaction completes anyway). */
  async finishWriteBatch(): Promise<void> {
    const batch = this.#port.batch;
    if (batch !== undefined) await batch.flush(this.#port);
  }

  // ---- helpers ----

  /**
   * One write: buffered in the transaction's batch when the peer supports WRITE_BATCH_STATE, else
   * sent at once as its own message (`codec` encodes the record's key/value/collection/metadata).
   */
  #write(record: WriteRecordInit, type: MessageType, codec: SingleWriteCodec): Promise<void> {
    const batch = this.#port.batch;
    let written: Promise<Buffer>;
    if (batch === undefined) {
      written = this.#port.request(type, codec.encode(record).finish()).then(asBuffer);
    } else {
      batch.add(record);
      written = Promise.resolve(Buffer.alloc(0));
    }
    // Typed as fabric-shim-api types it (void), but resolved as fabric-shim resolves it: with the
    // peer's (empty) RESPONSE payload as a Buffer. Contracts that `return ctx.stub.putState(...)`
    // answer that value, so the payload a client sees stays the official one.
    return written as Promise<unknown> as Promise<void>;
  }

  #getState(collection: string, key: string): Promise<Uint8Array> {
    try {
      checkString(key, 'key');
    } catch (err) {
      return rejected(err);
    }
    return this.#port.request(MessageType.GET_STATE, protos.GetState.encode({ key, collection }).finish());
  }

  #putState(collection: string, key: string, value: Uint8Array | string): Promise<void> {
    let bytes: Uint8Array;
    try {
      checkKey(key);
      bytes = toBytes(value, 'value');
    } catch (err) {
      return rejected(err);
    }
    const record = { type: WriteRecordType.PUT_STATE, key, value: bytes, collection };
    return this.#write(record, MessageType.PUT_STATE, protos.PutState);
  }

  #deleteState(collection: string, key: string): Promise<void> {
    try {
      checkKey(key);
    } catch (err) {
      return rejected(err);
    }
    return this.#write({ type: WriteRecordType.DEL_STATE, key, collection }, MessageType.DEL_STATE, protos.DelState);
  }

  #putMetadata(collection: string, key: string, ep: Uint8Array): Promise<void> {
    let value: Uint8Array;
    try {
      checkKey(key);
      value = toBytes(ep, 'endorsement policy');
    } catch (err) {
      return rejected(err);
    }
    const metadata = { metakey: VALIDATION_PARAMETER, value };
    const record = { type: WriteRecordType.PUT_STATE_METADATA, key, collection, metadata };
    return this.#write(record, MessageType.PUT_STATE_METADATA, protos.PutStateMetadata);
  }

  async #getMetadata(collection: string, key: string): Promise<Uint8Array> {
    checkString(key, 'key');
    const payload = protos.GetStateMetadata.encode({ key, collection }).finish();
    const bytes = await this.#port.request(MessageType.GET_STATE_METADATA, payload);
    const result = protos.StateMetadataResult.decode(bytes);
    for (const entry of result.entries) {
      if (entry.metakey === VALIDATION_PARAMETER) return entry.value ?? EMPTY;
    }
    return EMPTY;
  }

  async #getMultiple(collection: string, keys: string[]): Promise<Uint8Array[]> {
    for (const key of keys) checkString(key, 'key');
    if (keys.length === 0) return [];
    const caps = this.#port.capabilities;
    if (!caps.useGetMultipleKeys) {
      // One GET_STATE per key; the request queue sends them one after the other.
      return Promise.all(keys.map((key) => this.#getState(collection, key)));
    }
    const size = caps.maxSizeGetMultipleKeys;
    const values: Uint8Array[] = [];
    for (let start = 0; start < keys.length; start += size) {
      const chunk = start === 0 && keys.length <= size ? keys : keys.slice(start, start + size);
      const payload = protos.GetStateMultiple.encode({ keys: chunk, collection }).finish();
      const bytes = await this.#port.request(MessageType.GET_STATE_MULTIPLE, payload);
      const result = protos.GetStateMultipleResult.decode(bytes);
      for (let i = 0; i < chunk.length; i++) values.push(result.values[i] ?? EMPTY);
    }
    return values;
  }

  async #query(type: MessageType, payload: Uint8Array): Promise<protos.QueryResponse> {
    const bytes = await this.#port.request(type, payload);
    return protos.QueryResponse.decode(bytes);
  }

  async #rangeResponse(
    collection: string,
    startKey: string,
    endKey: string,
    metadata?: Uint8Array,
  ): Promise<protos.QueryResponse> {
    checkString(startKey, 'startKey');
    checkString(endKey, 'endKey');
    checkSimpleKey(startKey, 'startKey');
    checkSimpleKey(endKey, 'endKey');
    const start = startKey === '' ? EMPTY_KEY_SUBSTITUTE : startKey;
    const payload = protos.GetStateByRange.encode({ startKey: start, endKey, collection, metadata }).finish();
    return this.#query(MessageType.GET_STATE_BY_RANGE, payload);
  }

  async #rangeIterator(collection: string, startKey: string, endKey: string): Promise<StateQueryIteratorApi> {
    return new StateQueryIterator(this.#port, await this.#rangeResponse(collection, startKey, endKey));
  }

  #partialBounds(objectType: string, attributes: string[]): [string, string] {
    const start = createCompositeKey(objectType, attributes);
    return [start, start + MAX_UNICODE_RUNE];
  }

  async #partialResponse(
    collection: string,
    objectType: string,
    attributes: string[],
    metadata?: Uint8Array,
  ): Promise<protos.QueryResponse> {
    const [startKey, endKey] = this.#partialBounds(objectType, attributes);
    const payload = protos.GetStateByRange.encode({ startKey, endKey, collection, metadata }).finish();
    return this.#query(MessageType.GET_STATE_BY_RANGE, payload);
  }

  async #partialIterator(collection: string, objectType: string, attributes: string[]): Promise<StateQueryIteratorApi> {
    return new StateQueryIterator(this.#port, await this.#partialResponse(collection, objectType, attributes));
  }

  async #queryResponse(collection: string, query: string, metadata?: Uint8Array): Promise<protos.QueryResponse> {
    checkString(query, 'query');
    const payload = protos.GetQueryResult.encode({ query, collection, metadata }).finish();
    return this.#query(MessageType.GET_QUERY_RESULT, payload);
  }

  async #queryIterator(collection: string, query: string): Promise<StateQueryIteratorApi> {
    return new StateQueryIterator(this.#port, await this.#queryResponse(collection, query));
  }

  async #historyIterator(key: string): Promise<HistoryQueryIteratorApi> {
    checkString(key, 'key');
    const payload = protos.GetHistoryForKey.encode({ key }).finish();
    return new HistoryQueryIterator(this.#port, await this.#query(MessageType.GET_HISTORY_FOR_KEY, payload));
  }

  #paged(response: protos.QueryResponse): PagedResult {
    return { iterator: new StateQueryIterator(this.#port, response), metadata: decodeMetadata(response.metadata) };
  }

  async #pagedRange(startKey: string, endKey: string, pageSize: number, bookmark: string): Promise<PagedResult> {
    const metadata = queryMetadata(pageSize, bookmark);
    return this.#paged(await this.#rangeResponse('', startKey, endKey, metadata));
  }

  async #pagedPartial(
    objectType: string,
    attributes: string[],
    pageSize: number,
    bookmark: string,
  ): Promise<PagedResult> {
    const metadata = queryMetadata(pageSize, bookmark);
    return this.#paged(await this.#partialResponse('', objectType, attributes, metadata));
  }

  async #pagedQuery(query: string, pageSize: number, bookmark: string): Promise<PagedResult> {
    const metadata = queryMetadata(pageSize, bookmark);
    return this.#paged(await this.#queryResponse('', query, metadata));
  }
}

function queryMetadata(pageSize: number, bookmark: string | undefined): Uint8Array {
  checkPageSize(pageSize);
  const mark = bookmark ?? '';
  checkString(mark, 'bookmark');
  return protos.QueryMetadata.encode({ pageSize, bookmark: mark }).finish();
}
