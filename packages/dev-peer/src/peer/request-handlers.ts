import { randomUUID } from 'node:crypto';
import { MessageType, protos, type ChaincodeMessage } from '@chaincode/shim/internal';
import { errorMessage } from '@chaincode/contract-api/internal';
import { RequestRefusedError } from '../errors/request-refused-error';
import type { IndexCatalog } from '../query/index-catalog';
import { openRichQuery } from '../query/rich-query';
import { HistoryCursor } from '../simulation/cursors';
import type { StateDatabase } from '../simulation/state-database';
import { buildQueryResponse, historyQuery, rangeQuery } from './query-context';
import type { TransactionContext } from './transaction-context';

/** Limits the peer applies to queries. */
export interface QueryLimits {
  readonly pageSize: number;
  readonly totalQueryLimit: number;
  /** Documents per CouchDB request of a rich query (core.yaml couchDBConfig.internalQueryLimit). */
  readonly internalQueryLimit: number;
}

/** Runs a chaincode-to-chaincode call; resolves with the callee's COMPLETED/ERROR message. */
export type ChaincodeInvoker = (
  target: { chaincodeName: string; channelId: string },
  input: protos.IChaincodeInput,
  caller: TransactionContext,
) => Promise<ChaincodeMessage>;

export interface RequestEnvironment {
  readonly limits: QueryLimits;
  /** The peer's state database (rich queries are CouchDB's). */
  readonly stateDatabase: StateDatabase;
  readonly invoke: ChaincodeInvoker;
  /** The CouchDB indexes of the chaincodes installed on the peer (rich queries). */
  readonly indexes: IndexCatalog;
}

/** Answers one request: resolves with the RESPONSE payload, throws for an ERROR reply. */
export type RequestHandler = (
  payload: Uint8Array,
  tx: TransactionContext,
  env: RequestEnvironment,
) => Uint8Array | undefined | Promise<Uint8Array | undefined>;

const INIT_PRIVATE_DATA = 'private data APIs are not allowed in chaincode Init()';

interface Decoder<T> {
  decode(bytes: Uint8Array): T;
}

function unmarshal<T>(type: Decoder<T>, payload: Uint8Array): T {
  try {
    return type.decode(payload);
  } catch (error) {
    throw new RequestRefusedError(`unmarshal failed: ${errorMessage(error)}`, { cause: error });
  }
}

// Fabric's handler: private data APIs are refused in Init, then the creator's permission is checked.
function checkPrivateRead(tx: TransactionContext, collection: string): void {
  if (collection === '') return;
  if (tx.isInit) throw new RequestRefusedError(INIT_PRIVATE_DATA);
  tx.collections.checkRead(tx.namespace, collection);
}

function checkPrivateWrite(tx: TransactionContext, collection: string): void {
  if (collection === '') return;
  if (tx.isInit) throw new RequestRefusedError(INIT_PRIVATE_DATA);
  tx.collections.checkWrite(tx.namespace, collection);
}

function orEmpty(value: Buffer | undefined): Uint8Array {
  return value ?? Buffer.alloc(0);
}

function getState(payload: Uint8Array, tx: TransactionContext): Uint8Array {
  const req = unmarshal(protos.GetState, payload);
  checkPrivateRead(tx, req.collection);
  const sim = tx.simulation;
  return orEmpty(
    req.collection === ''
      ? sim.getState(tx.namespace, req.key)
      : sim.getPrivateData(tx.namespace, req.collection, req.key),
  );
}

function getPrivateDataHash(payload: Uint8Array, tx: TransactionContext): Uint8Array {
  const req = unmarshal(protos.GetState, payload);
  // Fabric checks Init for this call whatever the collection, and no read permission.
  if (tx.isInit) throw new RequestRefusedError(INIT_PRIVATE_DATA);
  if (req.collection === '') return new Uint8Array(0);
  tx.collections.checkDefined(tx.namespace, req.collection);
  return orEmpty(tx.simulation.getPrivateDataHash(tx.namespace, req.collection, req.key));
}

function getStateMultiple(payload: Uint8Array, tx: TransactionContext): Uint8Array {
  const req = unmarshal(protos.GetStateMultiple, payload);
  checkPrivateRead(tx, req.collection);
  const sim = tx.simulation;
  const values = req.keys.map((key) =>
    orEmpty(
      req.collection === '' ? sim.getState(tx.namespace, key) : sim.getPrivateData(tx.namespace, req.collection, key),
    ),
  );
  return protos.GetStateMultipleResult.encode({ values }).finish();
}

// Fabric records an empty value as a delete: proto3 decodes an empty bytes field as nil, and the
// write set marks a nil value is_delete (rwsetutil's newKVWrite: IsDelete = value == nil).
function applyPut(tx: TransactionContext, collection: string, key: string, value: Uint8Array): void {
  checkPrivateWrite(tx, collection);
  if (value.length === 0) tx.simulation.delete(tx.namespace, collection, key);
  else tx.simulation.put(tx.namespace, collection, key, Buffer.from(value));
}

function applyDelete(tx: TransactionContext, collection: string, key: string): void {
  checkPrivateWrite(tx, collection);
  tx.simulation.delete(tx.namespace, collection, key);
}

function applyPurge(tx: TransactionContext, collection: string, key: string): void {
  if (collection === '') throw new RequestRefusedError('only applicable for private data');
  checkPrivateWrite(tx, collection);
  tx.simulation.purge(tx.namespace, collection, key);
}

function applyMetadata(
  tx: TransactionContext,
  collection: string,
  key: string,
  metadata: protos.IStateMetadata | null | undefined,
): void {
  // As Fabric: absent metadata reads as metakey '' with an empty value (Go's nil-safe getters).
  checkPrivateWrite(tx, collection);
  const entries = new Map<string, Buffer>([[metadata?.metakey ?? '', Buffer.from(metadata?.value ?? [])]]);
  tx.simulation.putMetadata(tx.namespace, collection, key, entries);
}

function putState(payload: Uint8Array, tx: TransactionContext): undefined {
  const req = unmarshal(protos.PutState, payload);
  applyPut(tx, req.collection, req.key, req.value);
  return undefined;
}

function delState(payload: Uint8Array, tx: TransactionContext): undefined {
  const req = unmarshal(protos.DelState, payload);
  applyDelete(tx, req.collection, req.key);
  return undefined;
}

function purgePrivateData(payload: Uint8Array, tx: TransactionContext): undefined {
  const req = unmarshal(protos.PurgePrivateState, payload);
  applyPurge(tx, req.collection, req.key);
  return undefined;
}

function putStateMetadata(payload: Uint8Array, tx: TransactionContext): undefined {
  const req = unmarshal(protos.PutStateMetadata, payload);
  applyMetadata(tx, req.collection, req.key, req.metadata);
  return undefined;
}

function getStateMetadata(payload: Uint8Array, tx: TransactionContext): Uint8Array {
  const req = unmarshal(protos.GetStateMetadata, payload);
  checkPrivateRead(tx, req.collection);
  const metadata = tx.simulation.getMetadata(tx.namespace, req.collection, req.key);
  const entries = [...(metadata ?? new Map<string, Buffer>())]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([metakey, value]) => ({ metakey, value }));
  return protos.StateMetadataResult.encode({ entries }).finish();
}

function writeBatchState(payload: Uint8Array, tx: TransactionContext): undefined {
  const req = unmarshal(protos.WriteBatchState, payload);
  for (const rec of req.rec) {
    const collection = rec.collection ?? '';
    const key = rec.key ?? '';
    switch (rec.type) {
      case protos.WriteRecord.Type.PUT_STATE:
        applyPut(tx, collection, key, rec.value ?? new Uint8Array(0));
        break;
      case protos.WriteRecord.Type.DEL_STATE:
        applyDelete(tx, collection, key);
        break;
      case protos.WriteRecord.Type.PUT_STATE_METADATA:
        applyMetadata(tx, collection, key, rec.metadata);
        break;
      case protos.WriteRecord.Type.PURGE_PRIVATE_DATA:
        applyPurge(tx, collection, key);
        break;
      default:
        throw new RequestRefusedError('unknown operation type');
    }
  }
  return undefined;
}

function queryMetadata(bytes: Uint8Array): protos.QueryMetadata | undefined {
  if (bytes.length === 0) return undefined;
  return unmarshal(protos.QueryMetadata, bytes);
}

function getStateByRange(payload: Uint8Array, tx: TransactionContext, env: RequestEnvironment): Uint8Array {
  const req = unmarshal(protos.GetStateByRange, payload);
  const metadata = queryMetadata(req.metadata);
  let totalLimit = env.limits.totalQueryLimit;
  if (metadata !== undefined && metadata.pageSize > 0 && metadata.pageSize < totalLimit) totalLimit = metadata.pageSize;
  const id = randomUUID();
  let query;
  if (req.collection !== '') {
    checkPrivateRead(tx, req.collection);
    const cursor = tx.simulation.privateRangeScan(tx.namespace, req.collection, req.startKey, req.endKey);
    query = rangeQuery(cursor, tx.namespace, false);
  } else if (metadata !== undefined && (metadata.pageSize !== 0 || metadata.bookmark !== '')) {
    const start = metadata.bookmark !== '' ? metadata.bookmark : req.startKey;
    query = rangeQuery(tx.simulation.rangeScan(tx.namespace, start, req.endKey, true), tx.namespace, true);
  } else {
    query = rangeQuery(tx.simulation.rangeScan(tx.namespace, req.startKey, req.endKey, false), tx.namespace, false);
  }
  tx.queries.set(id, query);
  const response = buildQueryResponse(tx, id, query, env.limits.pageSize, totalLimit);
  return protos.QueryResponse.encode(response).finish();
}

function getHistoryForKey(payload: Uint8Array, tx: TransactionContext, env: RequestEnvironment): Uint8Array {
  const req = unmarshal(protos.GetHistoryForKey, payload);
  const id = randomUUID();
  const records = tx.simulation.ledger.namespace(tx.namespace).historyOf(req.key).slice();
  const query = historyQuery(new HistoryCursor(records));
  tx.queries.set(id, query);
  const response = buildQueryResponse(tx, id, query, env.limits.pageSize, env.limits.totalQueryLimit);
  return protos.QueryResponse.encode(response).finish();
}

function queryStateNext(payload: Uint8Array, tx: TransactionContext, env: RequestEnvironment): Uint8Array {
  const req = unmarshal(protos.QueryStateNext, payload);
  const query = tx.queries.get(req.id);
  if (query === undefined) throw new RequestRefusedError('query iterator not found');
  const response = buildQueryResponse(tx, req.id, query, env.limits.pageSize, env.limits.totalQueryLimit);
  return protos.QueryResponse.encode(response).finish();
}

// Fabric answers a close of an unknown iterator with an empty response, not an error.
function queryStateClose(payload: Uint8Array, tx: TransactionContext): Uint8Array {
  const req = unmarshal(protos.QueryStateClose, payload);
  tx.queries.delete(req.id);
  return protos.QueryResponse.encode({ hasMore: false, id: req.id }).finish();
}

// Rich queries: src/query answers them as a peer with a CouchDB state database (HandleGetQueryResult).
function getQueryResult(payload: Uint8Array, tx: TransactionContext, env: RequestEnvironment): Uint8Array {
  const req = unmarshal(protos.GetQueryResult, payload);
  const metadata = queryMetadata(req.metadata);
  checkPrivateRead(tx, req.collection);
  const id = randomUUID();
  const { query, totalLimit } = openRichQuery(req, metadata, tx, env);
  tx.queries.set(id, query);
  const response = buildQueryResponse(tx, id, query, env.limits.pageSize, totalLimit);
  return protos.QueryResponse.encode(response).finish();
}

/** Fabric's ParseName: "name[:version][/channel]". */
export function parseChaincodeName(value: string): { chaincodeName: string; channelId: string } {
  const slash = value.indexOf('/');
  const channelId = slash >= 0 ? value.slice(slash + 1) : '';
  const nameAndVersion = slash >= 0 ? value.slice(0, slash) : value;
  const colon = nameAndVersion.indexOf(':');
  return { chaincodeName: colon >= 0 ? nameAndVersion.slice(0, colon) : nameAndVersion, channelId };
}

async function invokeChaincode(
  payload: Uint8Array,
  tx: TransactionContext,
  env: RequestEnvironment,
): Promise<Uint8Array> {
  const spec = unmarshal(protos.ChaincodeSpec, payload);
  const target = parseChaincodeName(spec.chaincodeId?.name ?? '');
  if (target.channelId === '') target.channelId = tx.channelId;
  let response: ChaincodeMessage;
  try {
    response = await env.invoke(target, spec.input ?? {}, tx);
  } catch (error) {
    throw new RequestRefusedError(`execute failed: ${errorMessage(error)}`, { cause: error });
  }
  return protos.ChaincodeMessage.encode(response).finish();
}

/** The peer's handler per request type (the ready state's dispatch table). */
export const requestHandlers: ReadonlyMap<number, RequestHandler> = new Map<number, RequestHandler>([
  [MessageType.GET_STATE, getState],
  [MessageType.GET_PRIVATE_DATA_HASH, getPrivateDataHash],
  [MessageType.GET_STATE_METADATA, getStateMetadata],
  [MessageType.PUT_STATE, putState],
  [MessageType.PUT_STATE_METADATA, putStateMetadata],
  [MessageType.DEL_STATE, delState],
  [MessageType.PURGE_PRIVATE_DATA, purgePrivateData],
  [MessageType.GET_STATE_BY_RANGE, getStateByRange],
  [MessageType.GET_QUERY_RESULT, getQueryResult],
  [MessageType.GET_HISTORY_FOR_KEY, getHistoryForKey],
  [MessageType.QUERY_STATE_NEXT, queryStateNext],
  [MessageType.QUERY_STATE_CLOSE, queryStateClose],
  [MessageType.INVOKE_CHAINCODE, invokeChaincode],
  [MessageType.WRITE_BATCH_STATE, writeBatchState],
  [MessageType.GET_STATE_MULTIPLE, getStateMultiple],
]);

/** Message types a Fabric 2.x peer does not know (added in 3.x). */
export const FABRIC3_REQUEST_TYPES: ReadonlySet<number> = new Set([
  MessageType.WRITE_BATCH_STATE,
  MessageType.GET_STATE_MULTIPLE,
]);

/** The text of a refused request: a RequestRefusedError's message is Fabric's reason. */
export function refusalText(error: unknown): string {
  return errorMessage(error);
}
