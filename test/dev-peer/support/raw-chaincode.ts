/**
 * A chaincode written directly against the wire, for protocol tests of the dev peer: it dials
 * ChaincodeSupport.Register with grpc-js and the shared codec, and lets a test script every message.
 */
import * as grpc from '@grpc/grpc-js';
import {
  MessageType,
  chaincodeSupportService,
  protos,
  queryresult,
  type ChaincodeMessage,
  type ChaincodeMessageInit,
} from '@chaincode/shim/internal';

export interface StreamStatus {
  readonly code: number;
  readonly details: string;
}

type Waiter = { predicate: (m: ChaincodeMessage) => boolean; resolve: (m: ChaincodeMessage) => void };

export class RawTx {
  readonly input: protos.ChaincodeInput;

  constructor(
    private readonly cc: RawChaincode,
    readonly message: ChaincodeMessage,
  ) {
    this.input = protos.ChaincodeInput.decode(message.payload);
  }

  get txId(): string {
    return this.message.txid;
  }

  get channelId(): string {
    return this.message.channelId;
  }

  /** args as strings */
  get args(): string[] {
    return this.input.args.map((a) => Buffer.from(a).toString('utf8'));
  }

  /** Send a request for this transaction and wait for its RESPONSE/ERROR. */
  call(type: MessageType, payload: Uint8Array): Promise<ChaincodeMessage> {
    return this.cc.request({ type, payload, txid: this.txId, channelId: this.channelId });
  }

  /** call() that expects RESPONSE and returns its payload. */
  async ok(type: MessageType, payload: Uint8Array): Promise<Uint8Array> {
    const reply = await this.call(type, payload);
    if (reply.type !== MessageType.RESPONSE) {
      throw new Error(`expected RESPONSE, got ${String(reply.type)}: ${Buffer.from(reply.payload).toString()}`);
    }
    return reply.payload;
  }

  complete(
    status: number,
    payload: Uint8Array | string = '',
    message = '',
    event?: { name: string; payload: Uint8Array },
  ): void {
    this.cc.send({
      type: MessageType.COMPLETED,
      txid: this.txId,
      channelId: this.channelId,
      payload: protos.Response.encode({
        status,
        message,
        payload: typeof payload === 'string' ? Buffer.from(payload) : payload,
      }).finish(),
      ...(event !== undefined ? { chaincodeEvent: { eventName: event.name, payload: event.payload } } : {}),
    });
  }

  fail(text: string): void {
    this.cc.send({ type: MessageType.ERROR, txid: this.txId, channelId: this.channelId, payload: Buffer.from(text) });
  }
}

export class RawChaincode {
  readonly received: ChaincodeMessage[] = [];
  readonly closed: Promise<StreamStatus>;
  private readonly queue: ChaincodeMessage[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly pending = new Map<string, ((m: ChaincodeMessage) => void)[]>();
  private txHandler: ((tx: RawTx) => Promise<void> | void) | undefined;
  private readonly client: grpc.Client;
  private readonly call: grpc.ClientDuplexStream<ChaincodeMessageInit, ChaincodeMessage>;

  constructor(address: string, options: { rootCert?: Buffer } = {}) {
    const Client = grpc.makeGenericClientConstructor(chaincodeSupportService, 'ChaincodeSupport');
    const creds =
      options.rootCert !== undefined ? grpc.credentials.createSsl(options.rootCert) : grpc.credentials.createInsecure();
    // TLS to an IP: verify the certificate's 'localhost' name instead of sending an IP as SNI.
    this.client = new Client(
      address,
      creds,
      options.rootCert !== undefined
        ? { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' }
        : {},
    );
    this.call = this.client.makeBidiStreamRequest<ChaincodeMessageInit, ChaincodeMessage>(
      chaincodeSupportService.register.path,
      chaincodeSupportService.register.requestSerialize,
      chaincodeSupportService.register.responseDeserialize,
    );
    this.closed = new Promise((resolve) => {
      this.call.on('status', (status: grpc.StatusObject) => {
        resolve({ code: status.code, details: status.details });
      });
      this.call.on('error', () => undefined);
    });
    this.call.on('data', (message: ChaincodeMessage) => {
      this.onData(message);
    });
  }

  /** Dial, REGISTER as `name`, wait for REGISTERED and READY; returns [REGISTERED, READY]. */
  static async register(
    address: string,
    name: string,
    options: { rootCert?: Buffer } = {},
  ): Promise<{ cc: RawChaincode; registered: ChaincodeMessage; ready: ChaincodeMessage }> {
    const cc = new RawChaincode(address, options);
    cc.send({ type: MessageType.REGISTER, payload: protos.ChaincodeID.encode({ name }).finish() });
    const registered = await cc.next();
    const ready = await cc.next();
    return { cc, registered, ready };
  }

  send(message: ChaincodeMessageInit): void {
    this.call.write(message);
  }

  /** Send a message whose type is any number (e.g. one Fabric does not define). */
  sendRaw(type: number, txid: string, channelId: string): void {
    const message = protos.ChaincodeMessage.create({ txid, channelId });
    (message as { type: number }).type = type;
    this.call.write(message);
  }

  /** Answer every INIT/TRANSACTION with this script (run concurrently). */
  serve(handler: (tx: RawTx) => Promise<void> | void): void {
    this.txHandler = handler;
  }

  request(message: ChaincodeMessageInit): Promise<ChaincodeMessage> {
    const key = `${message.channelId ?? ''}\u0000${message.txid ?? ''}`;
    return new Promise((resolve) => {
      let list = this.pending.get(key);
      if (list === undefined) {
        list = [];
        this.pending.set(key, list);
      }
      list.push(resolve);
      this.send(message);
    });
  }

  /** The next unconsumed message not claimed by a request or the tx handler (matching `predicate`). */
  next(predicate: (m: ChaincodeMessage) => boolean = () => true, timeoutMs = 3000): Promise<ChaincodeMessage> {
    const index = this.queue.findIndex(predicate);
    if (index >= 0) return Promise.resolve(this.queue.splice(index, 1)[0] as ChaincodeMessage);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no matching message within ${String(timeoutMs)} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Half-close our side. */
  end(): void {
    this.call.end();
  }

  /** Cancel the stream and close the channel. */
  close(): void {
    this.call.cancel();
    this.client.close();
  }

  private onData(message: ChaincodeMessage): void {
    this.received.push(message);
    if (message.type === MessageType.RESPONSE || message.type === MessageType.ERROR) {
      const key = `${message.channelId}\u0000${message.txid}`;
      const list = this.pending.get(key);
      const resolve = list?.shift();
      if (resolve !== undefined) {
        if (list?.length === 0) this.pending.delete(key);
        resolve(message);
        return;
      }
    }
    if (
      (message.type === MessageType.TRANSACTION || message.type === MessageType.INIT) &&
      this.txHandler !== undefined
    ) {
      const tx = new RawTx(this, message);
      void Promise.resolve()
        .then(() => this.txHandler?.(tx))
        .catch((error: unknown) => {
          tx.fail(error instanceof Error ? error.message : String(error));
        });
      return;
    }
    const waiterIndex = this.waiters.findIndex((w) => w.predicate(message));
    if (waiterIndex >= 0) {
      const [waiter] = this.waiters.splice(waiterIndex, 1);
      waiter?.resolve(message);
      return;
    }
    this.queue.push(message);
  }
}

export const enc = {
  getState: (key: string, collection = ''): Uint8Array => protos.GetState.encode({ key, collection }).finish(),
  putState: (key: string, value: string | Uint8Array, collection = ''): Uint8Array =>
    protos.PutState.encode({ key, value: typeof value === 'string' ? Buffer.from(value) : value, collection }).finish(),
  delState: (key: string, collection = ''): Uint8Array => protos.DelState.encode({ key, collection }).finish(),
  range: (
    startKey: string,
    endKey: string,
    options: { collection?: string; pageSize?: number; bookmark?: string } = {},
  ): Uint8Array =>
    protos.GetStateByRange.encode({
      startKey,
      endKey,
      collection: options.collection ?? '',
      ...(options.pageSize !== undefined || options.bookmark !== undefined
        ? {
            metadata: protos.QueryMetadata.encode({
              pageSize: options.pageSize ?? 0,
              bookmark: options.bookmark ?? '',
            }).finish(),
          }
        : {}),
    }).finish(),
  next: (id: string): Uint8Array => protos.QueryStateNext.encode({ id }).finish(),
  close: (id: string): Uint8Array => protos.QueryStateClose.encode({ id }).finish(),
  history: (key: string): Uint8Array => protos.GetHistoryForKey.encode({ key }).finish(),
};

export const dec = {
  text: (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8'),
  queryResponse: (bytes: Uint8Array): protos.QueryResponse => protos.QueryResponse.decode(bytes),
  kv: (result: protos.IQueryResultBytes | undefined): queryresult.KV =>
    queryresult.KV.decode(result?.resultBytes ?? new Uint8Array(0)),
  modification: (result: protos.IQueryResultBytes | undefined): queryresult.KeyModification =>
    queryresult.KeyModification.decode(result?.resultBytes ?? new Uint8Array(0)),
};
