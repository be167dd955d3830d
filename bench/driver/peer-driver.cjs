// The peer side of the benchmark: a minimal Fabric peer over real gRPC on 127.0.0.1 that plays
// ChaincodeSupport.Register for every chaincode process. It does as little as possible per
// message, so what the benchmark measures is the chaincode stack:
//   - REGISTER → REGISTERED + READY; READY carries ChaincodeAdditionalParams (write batching and
//     get-multiple advertised, core.yaml's sizes) when the chaincode was expected with
//     `batching: true`, and an empty payload (a Fabric 2.x peer) otherwise;
//   - TRANSACTION: pre-encoded bytes from transactions.cjs, identical for every implementation;
//   - GET_STATE / PUT_STATE / DEL_STATE / WRITE_BATCH_STATE / GET_STATE_MULTIPLE against a Map per
//     chaincode; GET_STATE_BY_RANGE answers every key of the range in one page (has_more = false,
//     as Fabric's peer does up to its page size of 100), cached until the next write;
//     QUERY_STATE_NEXT / QUERY_STATE_CLOSE answer an empty page, KEEPALIVE is dropped;
//   - COMPLETED / ERROR settle the submitted transaction, with its latency.
// It records when each chaincode's REGISTER arrived, for spawn→REGISTER.
'use strict';
const { performance } = require('node:perf_hooks');
const grpc = require('@grpc/grpc-js');
const { MessageType, protos, queryresult } = require('@chaincode/shim/internal');

const EMPTY = Buffer.alloc(0);
const ChaincodeMessage = protos.ChaincodeMessage;
/** What Fabric 3.x's core.yaml advertises. */
const BATCHING_PARAMS = Buffer.from(
  protos.ChaincodeAdditionalParams.encode({
    useWriteBatch: true,
    maxSizeWriteBatch: 1000,
    useGetMultipleKeys: true,
    maxSizeGetMultipleKeys: 1000,
  }).finish(),
);

function encode(message) {
  if (Buffer.isBuffer(message)) return message; // pre-encoded TRANSACTION
  const bytes = ChaincodeMessage.encode(message).finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const registerService = {
  register: {
    path: '/protos.ChaincodeSupport/Register',
    originalName: 'register',
    requestStream: true,
    responseStream: true,
    requestSerialize: encode,
    requestDeserialize: (bytes) => ChaincodeMessage.decode(bytes),
    responseSerialize: encode,
    responseDeserialize: (bytes) => ChaincodeMessage.decode(bytes),
  },
};

function compareKeys(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

class PeerDriver {
  #server;
  #port = 0;
  /** name → { batching, seed } given by expect() */
  #expected = new Map();
  /** name → connection */
  #connections = new Map();
  /** name → [resolve] waiting for REGISTER */
  #waiting = new Map();

  static async start() {
    const driver = new PeerDriver();
    driver.#server = new grpc.Server({
      'grpc.max_receive_message_length': 100 * 1024 * 1024,
      'grpc.max_send_message_length': 100 * 1024 * 1024,
    });
    driver.#server.addService(registerService, { register: (call) => driver.#accept(call) });
    driver.#port = await new Promise((resolve, reject) => {
      driver.#server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) =>
        err ? reject(err) : resolve(port),
      );
    });
    return driver;
  }

  get address() {
    return `127.0.0.1:${this.#port}`;
  }

  /** Announce a chaincode about to be spawned: what READY advertises and the keys its store starts with. */
  expect(name, { batching = false, seed = [] } = {}) {
    this.#expected.set(name, { batching, seed });
  }

  /** Resolves with `{ registeredAt }` (ms of process.hrtime, the monotonic clock) once `name` sent REGISTER and got READY. */
  waitForRegister(name, timeoutMs) {
    const connection = this.#connections.get(name);
    if (connection !== undefined) return Promise.resolve({ registeredAt: connection.registeredAt });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not register within ${timeoutMs} ms`)), timeoutMs);
      const list = this.#waiting.get(name) ?? [];
      list.push((registeredAt) => {
        clearTimeout(timer);
        resolve({ registeredAt });
      });
      this.#waiting.set(name, list);
    });
  }

  /**
   * Send one pre-encoded TRANSACTION (`{ txid, bytes }` from buildTransactions) to `name`. Resolves with
   * `{ status, message, payload, latencyMs }`; an ERROR reply or a closed stream is status 500.
   */
  submit(name, transaction) {
    const connection = this.#connections.get(name);
    if (connection === undefined || connection.closed) {
      return Promise.resolve({ status: 500, message: `${name} is not connected`, payload: EMPTY, latencyMs: 0 });
    }
    if (connection.pending.has(transaction.txid)) {
      return Promise.resolve({ status: 500, message: `txid ${transaction.txid} in flight twice`, payload: EMPTY });
    }
    return new Promise((resolve) => {
      connection.pending.set(transaction.txid, { resolve, sentAt: performance.now() });
      connection.call.write(transaction.bytes);
    });
  }

  /** The chaincode's current state (a Map key → Buffer). */
  store(name) {
    return this.#connections.get(name)?.store;
  }

  /** How many messages the chaincode `name` has sent so far. */
  received(name) {
    return this.#connections.get(name)?.received ?? 0;
  }

  /** End one chaincode's stream. */
  disconnect(name) {
    const connection = this.#connections.get(name);
    if (connection !== undefined && !connection.closed) connection.call.end();
    this.#connections.delete(name);
    this.#expected.delete(name);
  }

  async stop() {
    for (const name of [...this.#connections.keys()]) this.disconnect(name);
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#server.forceShutdown();
        resolve();
      }, 2000);
      this.#server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  #accept(call) {
    const connection = {
      call,
      name: undefined,
      registeredAt: 0,
      closed: false,
      store: new Map(),
      /** txid → { resolve, sentAt } of a submitted transaction */
      pending: new Map(),
      /** messages received from the chaincode (requests and COMPLETED/ERROR), for messages per transaction */
      received: 0,
      /** `${start}\0${end}` → encoded QueryResponse results, until the next write */
      rangeCache: new Map(),
    };
    call.on('data', (message) => this.#onMessage(connection, message));
    call.on('error', () => undefined);
    const close = () => {
      if (connection.closed) return;
      connection.closed = true;
      for (const { resolve } of connection.pending.values()) {
        resolve({ status: 500, message: 'the chaincode stream closed', payload: EMPTY, latencyMs: 0 });
      }
      connection.pending.clear();
      if (this.#connections.get(connection.name) === connection) this.#connections.delete(connection.name);
    };
    call.on('end', close);
    call.on('close', close);
  }

  #register(connection, message) {
    const name = protos.ChaincodeID.decode(message.payload).name;
    const expected = this.#expected.get(name) ?? { batching: false, seed: [] };
    connection.name = name;
    connection.registeredAt = Number(process.hrtime.bigint()) / 1e6;
    for (const [key, value] of expected.seed) connection.store.set(key, value);
    connection.call.write({ type: MessageType.REGISTERED });
    connection.call.write({ type: MessageType.READY, payload: expected.batching ? BATCHING_PARAMS : EMPTY });
    this.#connections.set(name, connection);
    for (const resolve of this.#waiting.get(name) ?? []) resolve(connection.registeredAt);
    this.#waiting.delete(name);
  }

  #onMessage(connection, message) {
    const { call, store } = connection;
    connection.received++;
    const answer = (payload) =>
      call.write({ type: MessageType.RESPONSE, txid: message.txid, channelId: message.channelId, payload });
    const write = () => connection.rangeCache.clear();
    switch (message.type) {
      case MessageType.REGISTER:
        this.#register(connection, message);
        break;
      case MessageType.GET_STATE:
        answer(store.get(protos.GetState.decode(message.payload).key) ?? EMPTY);
        break;
      case MessageType.PUT_STATE: {
        const put = protos.PutState.decode(message.payload);
        store.set(put.key, Buffer.from(put.value));
        write();
        answer(EMPTY);
        break;
      }
      case MessageType.DEL_STATE:
        store.delete(protos.DelState.decode(message.payload).key);
        write();
        answer(EMPTY);
        break;
      case MessageType.WRITE_BATCH_STATE:
        for (const record of protos.WriteBatchState.decode(message.payload).rec) {
          if (record.type === protos.WriteRecord.Type.DEL_STATE) store.delete(record.key);
          else store.set(record.key, Buffer.from(record.value));
        }
        write();
        answer(EMPTY);
        break;
      case MessageType.GET_STATE_MULTIPLE: {
        const { keys } = protos.GetStateMultiple.decode(message.payload);
        answer(protos.GetStateMultipleResult.encode({ values: keys.map((key) => store.get(key) ?? EMPTY) }).finish());
        break;
      }
      case MessageType.GET_STATE_BY_RANGE:
        answer(this.#range(connection, protos.GetStateByRange.decode(message.payload)));
        break;
      case MessageType.QUERY_STATE_NEXT:
      case MessageType.QUERY_STATE_CLOSE:
        answer(
          protos.QueryResponse.encode({
            hasMore: false,
            id: protos.QueryStateNext.decode(message.payload).id,
          }).finish(),
        );
        break;
      case MessageType.COMPLETED:
      case MessageType.ERROR:
        this.#settle(connection, message);
        break;
      case MessageType.KEEPALIVE:
        break;
      default:
        call.write({
          type: MessageType.ERROR,
          txid: message.txid,
          channelId: message.channelId,
          payload: Buffer.from(`the bench driver does not serve message type ${message.type}`),
        });
    }
  }

  /** One page with every key in [startKey, endKey), has_more = false. */
  #range(connection, { startKey, endKey }) {
    const cacheKey = `${startKey}\0${endKey}`;
    let results = connection.rangeCache.get(cacheKey);
    if (results === undefined) {
      const keys = [...connection.store.keys()]
        .filter((key) => key >= startKey && (endKey === '' || key < endKey))
        .sort(compareKeys);
      const encoded = protos.QueryResponse.encode({
        results: keys.map((key) => ({
          resultBytes: queryresult.KV.encode({ namespace: 'bench', key, value: connection.store.get(key) }).finish(),
        })),
        hasMore: false,
      }).finish();
      results = Buffer.from(encoded);
      connection.rangeCache.set(cacheKey, results);
    }
    // QueryResponse fields may come in any order: the cached results, then this iterator's id (field 3)
    const id = protos.QueryResponse.encode({ id: `${connection.name}-range` }).finish();
    return Buffer.concat([results, id]);
  }

  #settle(connection, message) {
    const waiting = connection.pending.get(message.txid);
    if (waiting === undefined) return;
    connection.pending.delete(message.txid);
    const latencyMs = performance.now() - waiting.sentAt;
    if (message.type === MessageType.ERROR) {
      waiting.resolve({
        status: 500,
        message: Buffer.from(message.payload).toString('utf8'),
        payload: EMPTY,
        latencyMs,
      });
      return;
    }
    const response = protos.Response.decode(message.payload);
    waiting.resolve({ status: response.status, message: response.message, payload: response.payload, latencyMs });
  }
}

module.exports = { PeerDriver };
