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
import { InvalidOptionsError, PeerRequestError } from '../errors/shim-error';
import { MessageType, protos } from '../wire/protos';
import {
  bookmarkArg,
  bytesArg,
  chaincodeArgs,
  channelArg,
  checkSimpleKey,
  eventNameArg,
  optionalBytesArg,
  pageSizeArg,
  PRIVATE_PARTIAL,
  PRIVATE_RANGE,
  PRIVATE_RICH_QUERY,
  privateDataName,
  privateDataValue,
  privateQueryCollection,
  stringArg,
} from './arguments';
import { createCompositeKey, MAX_UNICODE_RUNE, splitCompositeKey } from './composite-key';
import { HistoryQueryIterator, StateQueryIterator } from './iterators';
import type { LazyProposal } from './proposal';
import { queryIterable } from './query-iterable';
import type { TransactionPort } from './transaction-port';
import { WriteRecordType, type WriteRecordInit } from './write-batch';
import { asBuffer, plainBytes } from '../wire/bytes';

/** The metadata key Fabric uses for key-level endorsement policies. */
export const VALIDATION_PARAMETER = 'VALIDATION_PARAMETER';

/** A range query with an empty start key starts here (Fabric's substitute for ""). */
const EMPTY_KEY_SUBSTITUTE = '\u0001';

const utf8 = new TextDecoder('utf-8');
const EMPTY = Buffer.alloc(0);

type PagedResult = StateQueryResponse<StateQueryIteratorApi>;

/** PutState, DelState, PurgePrivateState or PutStateMetadata: each reads its fields off a WriteRecord. */
interface SingleWriteCodec {
  encode(record: WriteRecordInit): { finish(): Uint8Array };
}

/** QueryMetadata{pageSize, bookmark}, or undefined when both are empty (then nothing is sent). */
function queryMetadata(pageSize: unknown, bookmark: unknown): Uint8Array | undefined {
  const size = pageSizeArg(pageSize);
  const mark = bookmarkArg(bookmark);
  return size === 0 && mark === ''
    ? undefined
    : protos.QueryMetadata.encode({ pageSize: size, bookmark: mark }).finish();
}

/** `{iterator, metadata}` as fabric-shim builds it: metadata only when the peer sent some. */
function pagedResult(iterator: StateQueryIteratorApi, response: protos.QueryResponse): PagedResult {
  const result = { iterator } as PagedResult;
  if (response.metadata.length > 0) {
    const metadata = protos.QueryResponseMetadata.decode(response.metadata);
    const view: QueryResponseMetadata = {
      bookmark: metadata.bookmark,
      fetchedRecordsCount: metadata.fetchedRecordsCount,
    };
    result.metadata = view;
  }
  return result;
}

/**
 * The stub handed to `Init`/`Invoke`: everything a chaincode can ask of the peer during one
 * transaction, giving the values, types and error texts fabric-shim 2.5.8 gives (checked case by
 * case by test/compat/differential; the intended differences are listed in the README), plus
 * Fabric 3.1's getMultipleStates and write batching.
 */
export class ChaincodeStub implements ChaincodeStubApi {
  /** fabric-shim's status constants. */
  static readonly RESPONSE_CODE = Object.freeze({ OK: 200, ERRORTHRESHOLD: 400, ERROR: 500 });

  readonly #port: TransactionPort;
  readonly #args: readonly Uint8Array[];
  readonly #proposal: LazyProposal;
  #stringArgs: string[] | undefined;
  #bufferArgs: Buffer[] | undefined;

  /** @internal Built by the shim for each TRANSACTION/INIT; chaincode never constructs one. */
  constructor(port: TransactionPort, args: readonly Uint8Array[], proposal: LazyProposal) {
    this.#port = port;
    this.#args = args;
    this.#proposal = proposal;
  }

  // ---- arguments and transaction facts ----

  /** The arguments as strings; the same array on every call, as with fabric-shim. */
  getArgs(): string[] {
    this.#stringArgs ??= this.#args.map((arg) => utf8.decode(arg));
    return this.#stringArgs;
  }

  getStringArgs(): string[] {
    return this.getArgs();
  }

  /** The arguments as Buffers; the same array on every call. */
  getBufferArgs(): Buffer[] {
    this.#bufferArgs ??= this.#args.map(asBuffer);
    return this.#bufferArgs;
  }

  getFunctionAndParameters(): FunctionAndParameters {
    const args = this.getArgs();
    return args.length === 0 ? { fcn: '', params: [] } : { fcn: args[0] as string, params: args.slice(1) };
  }

  getTxID(): string {
    return this.#port.txId;
  }

  getChannelID(): string {
    return this.#port.channelId;
  }

  /** `{mspid, idBytes}`, idBytes a plain Uint8Array; the same object on every call. */
  getCreator(): SerializedIdentity {
    return this.#proposal.creator;
  }

  /** The MSP id of the peer (CORE_PEER_LOCALMSPID). */
  getMspID(): string {
    const mspId = this.#port.localMspId;
    if (mspId === undefined) {
      // fabric-shim's text, which clients may match
      throw new InvalidOptionsError('CORE_PEER_LOCALMSPID is unset in chaincode process', {
        txId: this.#port.txId,
        channelId: this.#port.channelId,
      });
    }
    return mspId;
  }

  /** The transient data, keys in sorted order, values Buffers; the same Map on every call. */
  getTransient(): Map<string, Uint8Array> {
    return this.#proposal.transient;
  }

  getSignedProposal(): ProposalView {
    return this.#proposal.view();
  }

  /** `{nanos, seconds}` with `seconds` an unsigned Long, as fabric-shim gives it. */
  getTxTimestamp(): Timestamp {
    return this.#proposal.timestamp;
  }

  getDateTimestamp(): Date {
    return this.#proposal.date;
  }

  getBinding(): string {
    return this.#proposal.binding;
  }

  // ---- world state ----

  /** The value (a Buffer), empty when the key does not exist. An absent key reads as ''. */
  async getState(key: string): Promise<Uint8Array> {
    const payload = protos.GetState.encode({ key: stringArg(key, 'key'), collection: '' }).finish();
    return this.#port.request(MessageType.GET_STATE, payload);
  }

  /**
   * Resolves with the peer's (empty) RESPONSE payload as a Buffer, as fabric-shim does, though
   * typed `void` (fabric-shim-api): `return ctx.stub.putState(...)` answers that payload.
   */
  async putState(key: string, value: Uint8Array | string): Promise<void> {
    const record = { type: WriteRecordType.PUT_STATE, key: stringArg(key, 'key'), value: bytesArg(value, 'value') };
    return this.#write(record, MessageType.PUT_STATE, protos.PutState);
  }

  async deleteState(key: string): Promise<void> {
    const record = { type: WriteRecordType.DEL_STATE, key: stringArg(key, 'key') };
    return this.#write(record, MessageType.DEL_STATE, protos.DelState);
  }

  async setStateValidationParameter(key: string, ep: Uint8Array): Promise<void> {
    return this.#putMetadata('', stringArg(key, 'key'), optionalBytesArg(ep, 'ep'));
  }

  /** The key's endorsement policy bytes (a plain Uint8Array), or undefined when it has none. */
  async getStateValidationParameter(key: string): Promise<Uint8Array> {
    return this.#getMetadata('', stringArg(key, 'key'));
  }

  getStateByRange(startKey: string, endKey: string): QueryIterable<StateQueryIteratorApi, KV> {
    return queryIterable(this.#range(startKey, endKey));
  }

  getStateByRangeWithPagination(
    startKey: string,
    endKey: string,
    pageSize: number,
    bookmark?: string,
  ): QueryIterable<PagedResult, KV> {
    const metadata = queryMetadata(pageSize, bookmark);
    return queryIterable(this.#pagedRange(startKey, endKey, metadata));
  }

  /** Throws at once for a bad object type or attribute, as fabric-shim does. */
  getStateByPartialCompositeKey(objectType: string, attributes: string[]): QueryIterable<StateQueryIteratorApi, KV> {
    const key = createCompositeKey(objectType, attributes);
    return queryIterable(this.#stateIterator('', key, key + MAX_UNICODE_RUNE));
  }

  getStateByPartialCompositeKeyWithPagination(
    objectType: string,
    attributes: string[],
    pageSize: number,
    bookmark?: string,
  ): QueryIterable<PagedResult, KV> {
    const key = createCompositeKey(objectType, attributes);
    const metadata = queryMetadata(pageSize, bookmark);
    return queryIterable(this.#pagedPartial(key, metadata));
  }

  getQueryResult(query: string): QueryIterable<StateQueryIteratorApi, KV> {
    return queryIterable(this.#richQuery('', query));
  }

  getQueryResultWithPagination(query: string, pageSize: number, bookmark?: string): QueryIterable<PagedResult, KV> {
    const metadata = queryMetadata(pageSize, bookmark);
    return queryIterable(this.#pagedRichQuery(query, metadata));
  }

  getHistoryForKey(key: string): QueryIterable<HistoryQueryIteratorApi, KeyModification> {
    return queryIterable(this.#history(key));
  }

  /**
   * Calls another chaincode on this transaction: `{status, message, payload}` (payload a Buffer).
   * Rejects when the peer answers ERROR, or the callee answers anything but COMPLETED.
   */
  async invokeChaincode(
    chaincodeName: string,
    args: (string | Uint8Array)[],
    channel?: string,
  ): Promise<ChaincodeResponse> {
    const name = stringArg(chaincodeName, 'chaincodeName');
    const input = { args: chaincodeArgs(args) };
    const onChannel = channelArg(channel);
    const spec = { chaincodeId: { name: onChannel === '' ? name : `${name}/${onChannel}` }, input };
    const bytes = await this.#port.request(MessageType.INVOKE_CHAINCODE, protos.ChaincodeSpec.encode(spec).finish());
    const reply = protos.ChaincodeMessage.decode(bytes);
    const response = protos.Response.decode(reply.payload);
    if (reply.type !== MessageType.COMPLETED) {
      throw new PeerRequestError(response.message, { txId: this.#port.txId, channelId: this.#port.channelId });
    }
    return { status: response.status, message: response.message, payload: asBuffer(response.payload) };
  }

  /** The event sent with the transaction (the last call wins); an absent payload is empty. */
  setEvent(name: string, payload: Uint8Array | string): void {
    this.#port.event = { eventName: eventNameArg(name), payload: optionalBytesArg(payload, 'payload') };
  }

  createCompositeKey(objectType: string, attributes: string[]): string {
    return createCompositeKey(objectType, attributes);
  }

  splitCompositeKey(compositeKey: string): SplitCompositeKey {
    return splitCompositeKey(compositeKey);
  }

  // ---- private data ----

  async getPrivateData(collection: string, key: string): Promise<Uint8Array> {
    const request = { collection: privateDataName(collection, 'collection'), key: privateDataName(key, 'key') };
    return this.#port.request(MessageType.GET_STATE, protos.GetState.encode(request).finish());
  }

  async getPrivateDataHash(collection: string, key: string): Promise<Uint8Array> {
    const request = { collection: privateDataName(collection, 'collection'), key: privateDataName(key, 'key') };
    return this.#port.request(MessageType.GET_PRIVATE_DATA_HASH, protos.GetState.encode(request).finish());
  }

  async putPrivateData(collection: string, key: string, value: Uint8Array | string): Promise<void> {
    const record = {
      type: WriteRecordType.PUT_STATE,
      collection: privateDataName(collection, 'collection'),
      key: privateDataName(key, 'key'),
      value: privateDataValue(value),
    };
    return this.#write(record, MessageType.PUT_STATE, protos.PutState);
  }

  async deletePrivateData(collection: string, key: string): Promise<void> {
    const record = {
      type: WriteRecordType.DEL_STATE,
      collection: privateDataName(collection, 'collection'),
      key: privateDataName(key, 'key'),
    };
    return this.#write(record, MessageType.DEL_STATE, protos.DelState);
  }

  /** Purges the key's private data and its history (the peer needs the V2_5 channel capability). */
  async purgePrivateData(collection: string, key: string): Promise<void> {
    const record = {
      type: WriteRecordType.PURGE_PRIVATE_DATA,
      collection: privateDataName(collection, 'collection'),
      key: privateDataName(key, 'key'),
    };
    return this.#write(record, MessageType.PURGE_PRIVATE_DATA, protos.PurgePrivateState);
  }

  /** Unlike fabric-shim, an empty collection is refused (there it sets the public key's policy). */
  async setPrivateDataValidationParameter(collection: string, key: string, ep: Uint8Array): Promise<void> {
    const name = privateDataName(collection, 'collection');
    return this.#putMetadata(name, stringArg(key, 'key'), optionalBytesArg(ep, 'ep'));
  }

  /** Unlike fabric-shim, an empty collection is refused (there it reads the public key's policy). */
  async getPrivateDataValidationParameter(collection: string, key: string): Promise<Uint8Array> {
    return this.#getMetadata(privateDataName(collection, 'collection'), stringArg(key, 'key'));
  }

  /** Resolves with the iterator; `.iterator` on it gives it again, for code written against fabric-shim's `{iterator}`. */
  getPrivateDataByRange(
    collection: string,
    startKey: string,
    endKey: string,
  ): QueryIterable<StateQueryIteratorApi, KV> {
    // fabric-shim counts the arguments given
    return queryIterable(this.#privateRange(arguments.length, collection, startKey, endKey));
  }

  getPrivateDataByPartialCompositeKey(
    collection: string,
    objectType: string,
    attributes: string[],
  ): QueryIterable<StateQueryIteratorApi, KV> {
    // fabric-shim counts the arguments given
    const count = arguments.length;
    // fabric-shim rejects a bad count or collection, then throws at once for a bad composite key.
    const key =
      count === 3 && typeof collection === 'string' && collection !== ''
        ? createCompositeKey(objectType, attributes)
        : '';
    return queryIterable(this.#privatePartial(count, collection, key));
  }

  getPrivateDataQueryResult(collection: string, query: string): QueryIterable<StateQueryIteratorApi, KV> {
    // fabric-shim counts the arguments given
    return queryIterable(this.#privateRichQuery(arguments.length, collection, query));
  }

  // ---- Fabric 3.1: batched reads and writes ----

  async getMultipleStates(...keys: string[]): Promise<Uint8Array[]> {
    return this.#getMultiple(
      '',
      keys.map((key) => stringArg(key, 'key')),
    );
  }

  async getMultiplePrivateData(collection: string, ...keys: string[]): Promise<Uint8Array[]> {
    const name = privateDataName(collection, 'collection');
    return this.#getMultiple(
      name,
      keys.map((key) => stringArg(key, 'key')),
    );
  }

  /**
   * From here on, buffer the writes and send them as WRITE_BATCH_STATE (at finishWriteBatch(), or
   * before the transaction completes), as Fabric's Go shim does. Nothing changes when the peer did
   * not advertise batching. While a batch is open, a write the peer refuses fails the transaction
   * at the flush, not at its own `await`.
   */
  startWriteBatch(): void {
    this.#port.batch?.open();
  }

  /** Send the buffered writes now and stop buffering; rejects when the peer refuses the batch. */
  async finishWriteBatch(): Promise<void> {
    const batch = this.#port.batch;
    if (batch !== undefined) await batch.flush(this.#port);
  }

  // ---- helpers ----

  /** One write: buffered while a batch is open, else sent at once and answered at its own await. */
  #write(record: WriteRecordInit, type: MessageType, codec: SingleWriteCodec): Promise<void> {
    const batch = this.#port.batch;
    let written: Promise<Buffer>;
    if (batch?.isOpen === true) {
      batch.add(record);
      written = Promise.resolve(Buffer.alloc(0));
    } else {
      written = this.#port.request(type, codec.encode(record).finish());
    }
    // Typed `void` as fabric-shim-api types it; resolved with the peer's (empty) payload as a Buffer.
    return written as Promise<unknown> as Promise<void>;
  }

  #putMetadata(collection: string, key: string, value: Uint8Array): Promise<void> {
    const metadata = { metakey: VALIDATION_PARAMETER, value };
    const record = { type: WriteRecordType.PUT_STATE_METADATA, key, collection, metadata };
    return this.#write(record, MessageType.PUT_STATE_METADATA, protos.PutStateMetadata);
  }

  async #getMetadata(collection: string, key: string): Promise<Uint8Array> {
    const payload = protos.GetStateMetadata.encode({ key, collection }).finish();
    const bytes = await this.#port.request(MessageType.GET_STATE_METADATA, payload);
    let value: Uint8Array | undefined;
    for (const entry of protos.StateMetadataResult.decode(bytes).entries) {
      if (entry.metakey === VALIDATION_PARAMETER) value = plainBytes(entry.value ?? EMPTY);
    }
    // Declared Uint8Array as in fabric-shim-api; undefined, as there, when the key has none.
    return value as Uint8Array;
  }

  async #getMultiple(collection: string, keys: string[]): Promise<Uint8Array[]> {
    if (keys.length === 0) return [];
    const caps = this.#port.capabilities;
    if (!caps.useGetMultipleKeys) {
      // One GET_STATE per key; the request queue sends them one after the other.
      return Promise.all(
        keys.map((key) =>
          this.#port.request(MessageType.GET_STATE, protos.GetState.encode({ key, collection }).finish()),
        ),
      );
    }
    const size = caps.maxSizeGetMultipleKeys;
    const values: Uint8Array[] = [];
    for (let start = 0; start < keys.length; start += size) {
      const chunk = start === 0 && keys.length <= size ? keys : keys.slice(start, start + size);
      const payload = protos.GetStateMultiple.encode({ keys: chunk, collection }).finish();
      const bytes = await this.#port.request(MessageType.GET_STATE_MULTIPLE, payload);
      const result = protos.GetStateMultipleResult.decode(bytes);
      for (let i = 0; i < chunk.length; i++) values.push(asBuffer(result.values[i] ?? EMPTY));
    }
    return values;
  }

  async #query(type: MessageType, payload: Uint8Array): Promise<protos.QueryResponse> {
    return protos.QueryResponse.decode(await this.#port.request(type, payload));
  }

  #rangeResponse(
    collection: string,
    startKey: string,
    endKey: string,
    metadata?: Uint8Array,
  ): Promise<protos.QueryResponse> {
    const payload = protos.GetStateByRange.encode({ startKey, endKey, collection, metadata }).finish();
    return this.#query(MessageType.GET_STATE_BY_RANGE, payload);
  }

  async #stateIterator(collection: string, startKey: string, endKey: string): Promise<StateQueryIteratorApi> {
    return new StateQueryIterator(this.#port, await this.#rangeResponse(collection, startKey, endKey));
  }

  /** fabric-shim's range bounds: an empty (or absent) start is U+0001; neither may start with U+0000. */
  #rangeBounds(startKey: unknown, endKey: unknown): [string, string] {
    const start = stringArg(startKey, 'startKey') || EMPTY_KEY_SUBSTITUTE;
    const end = stringArg(endKey, 'endKey');
    checkSimpleKey(start);
    checkSimpleKey(end);
    return [start, end];
  }

  async #range(startKey: unknown, endKey: unknown): Promise<StateQueryIteratorApi> {
    const [start, end] = this.#rangeBounds(startKey, endKey);
    return this.#stateIterator('', start, end);
  }

  async #pagedRange(startKey: unknown, endKey: unknown, metadata: Uint8Array | undefined): Promise<PagedResult> {
    const [start, end] = this.#rangeBounds(startKey, endKey);
    const response = await this.#rangeResponse('', start, end, metadata);
    return pagedResult(new StateQueryIterator(this.#port, response), response);
  }

  async #pagedPartial(key: string, metadata: Uint8Array | undefined): Promise<PagedResult> {
    const response = await this.#rangeResponse('', key, key + MAX_UNICODE_RUNE, metadata);
    return pagedResult(new StateQueryIterator(this.#port, response), response);
  }

  #richQueryResponse(collection: string, query: unknown, metadata?: Uint8Array): Promise<protos.QueryResponse> {
    const payload = protos.GetQueryResult.encode({ query: stringArg(query, 'query'), collection, metadata }).finish();
    return this.#query(MessageType.GET_QUERY_RESULT, payload);
  }

  async #richQuery(collection: string, query: unknown): Promise<StateQueryIteratorApi> {
    return new StateQueryIterator(this.#port, await this.#richQueryResponse(collection, query));
  }

  async #pagedRichQuery(query: unknown, metadata: Uint8Array | undefined): Promise<PagedResult> {
    const response = await this.#richQueryResponse('', query, metadata);
    return pagedResult(new StateQueryIterator(this.#port, response), response);
  }

  async #history(key: unknown): Promise<HistoryQueryIteratorApi> {
    const payload = protos.GetHistoryForKey.encode({ key: stringArg(key, 'key') }).finish();
    return new HistoryQueryIterator(this.#port, await this.#query(MessageType.GET_HISTORY_FOR_KEY, payload));
  }

  async #privateRange(
    count: number,
    collection: unknown,
    startKey: unknown,
    endKey: unknown,
  ): Promise<StateQueryIteratorApi> {
    const name = privateQueryCollection(PRIVATE_RANGE, count, collection);
    const start = stringArg(startKey, 'startKey') || EMPTY_KEY_SUBSTITUTE;
    return this.#stateIterator(name, start, stringArg(endKey, 'endKey'));
  }

  async #privatePartial(count: number, collection: unknown, key: string): Promise<StateQueryIteratorApi> {
    const name = privateQueryCollection(PRIVATE_PARTIAL, count, collection);
    return this.#stateIterator(name, key, key + MAX_UNICODE_RUNE);
  }

  async #privateRichQuery(count: number, collection: unknown, query: unknown): Promise<StateQueryIteratorApi> {
    const name = privateQueryCollection(PRIVATE_RICH_QUERY, count, collection);
    return this.#richQuery(name, query);
  }
}
