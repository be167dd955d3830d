// A minimal peer for the benchmark's `--peer fake` mode: REGISTERED, READY (no capabilities), then
// whatever transactions the bench submits, answering GET_STATE / PUT_STATE / DEL_STATE from a Map
// and everything else with an empty RESPONSE. It does almost no work per message, so the numbers
// show the chaincode stack alone. It offers the part of DevPeer's API that bench/run.mjs uses:
// address, waitForChaincode, submit, getState, stop.
'use strict';
const grpc = require('@grpc/grpc-js');
const { MessageType, chaincodeSupportService, protos } = require('@chaincode/shim/internal');

const CHANNEL = 'mychannel';
const EMPTY = Buffer.alloc(0);

class FakePeer {
  #server;
  #port;
  /** chaincode name → its connection */
  #connections = new Map();
  /** chaincode name → resolvers waiting for it to register */
  #waiting = new Map();
  #nextTx = 0;

  static async start() {
    const peer = new FakePeer();
    await peer.#listen();
    return peer;
  }

  get address() {
    return `127.0.0.1:${this.#port}`;
  }

  async #listen() {
    this.#server = new grpc.Server();
    this.#server.addService(chaincodeSupportService, { register: (call) => this.#accept(call) });
    this.#port = await new Promise((resolve, reject) => {
      this.#server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) =>
        err ? reject(err) : resolve(port),
      );
    });
  }

  #accept(call) {
    const connection = { call, name: undefined, store: new Map(), pending: new Map() };
    call.on('data', (message) => this.#onMessage(connection, message));
    call.on('error', () => undefined);
    call.on('close', () => {
      for (const settle of connection.pending.values())
        settle({ status: 500, message: 'stream closed', payload: EMPTY });
      connection.pending.clear();
      if (this.#connections.get(connection.name) === connection) this.#connections.delete(connection.name);
    });
  }

  #onMessage(connection, message) {
    const { call, store } = connection;
    const answer = (payload) =>
      call.write({ type: MessageType.RESPONSE, txid: message.txid, channelId: message.channelId, payload });
    switch (message.type) {
      case MessageType.REGISTER:
        connection.name = protos.ChaincodeID.decode(message.payload).name;
        call.write({ type: MessageType.REGISTERED });
        call.write({ type: MessageType.READY });
        this.#connections.set(connection.name, connection);
        for (const resolve of this.#waiting.get(connection.name) ?? []) resolve();
        this.#waiting.delete(connection.name);
        break;
      case MessageType.GET_STATE:
        answer(store.get(protos.GetState.decode(message.payload).key) ?? EMPTY);
        break;
      case MessageType.PUT_STATE: {
        const put = protos.PutState.decode(message.payload);
        store.set(put.key, Buffer.from(put.value));
        answer(EMPTY);
        break;
      }
      case MessageType.DEL_STATE:
        store.delete(protos.DelState.decode(message.payload).key);
        answer(EMPTY);
        break;
      case MessageType.COMPLETED:
      case MessageType.ERROR: {
        const settle = connection.pending.get(message.txid);
        connection.pending.delete(message.txid);
        if (message.type === MessageType.ERROR) {
          settle?.({ status: 500, message: Buffer.from(message.payload).toString('utf8'), payload: EMPTY });
        } else {
          const response = protos.Response.decode(message.payload);
          settle?.({ status: response.status, message: response.message, payload: response.payload });
        }
        break;
      }
      default:
        answer(EMPTY);
    }
  }

  waitForChaincode(name, { timeoutMs = 10000 } = {}) {
    if (this.#connections.has(name)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`chaincode ${name} did not register`)), timeoutMs);
      const list = this.#waiting.get(name) ?? [];
      list.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.#waiting.set(name, list);
    });
  }

  /** One TRANSACTION (no proposal); resolves with the COMPLETED Response. */
  submit(name, args) {
    const connection = this.#connections.get(name);
    if (connection === undefined) return Promise.reject(new Error(`chaincode ${name} is not registered`));
    const txid = `tx${this.#nextTx++}`;
    const payload = protos.ChaincodeInput.encode({ args: args.map((arg) => Buffer.from(arg)) }).finish();
    return new Promise((resolve) => {
      connection.pending.set(txid, resolve);
      connection.call.write({ type: MessageType.TRANSACTION, txid, channelId: CHANNEL, payload });
    });
  }

  getState(name, key) {
    return this.#connections.get(name)?.store.get(key);
  }

  async stop() {
    for (const { call } of this.#connections.values()) call.end();
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
}

module.exports = { FakePeer };
