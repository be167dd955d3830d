import * as grpc from '@grpc/grpc-js';
import { startChaincode, type ChaincodeSession } from '@chaincode/shim';
import {
  MessageType,
  chaincodeService,
  chaincodeSupportService,
  protos,
  shimLogger,
  type ChaincodeMessage,
  type ChaincodeMessageInit,
} from '@chaincode/shim/internal';
import type { CreateIdentityOptions, Identity } from './ca/identity';
import { TestCa } from './ca/test-ca';
import { DevPeerError, DevPeerErrorCode, describeError } from './errors';
import { resolveOptions, type DevPeerOptions, type ResolvedOptions } from './options';
import { ChaincodeHandler, type ExecuteOutcome, type HandlerEnvironment } from './peer/chaincode-handler';
import { HandlerRegistry } from './peer/handler-registry';
import { ClientPeerStream, ServerPeerStream } from './peer/peer-stream';
import type { ChaincodeInvoker } from './peer/request-handlers';
import { buildProposal } from './proposal/proposal-builder';
import type { ReadWriteSet } from './simulation/read-write-set';
import { TxSimulation } from './simulation/tx-simulation';
import type { HistoryRecord, StateEntry } from './state/ledger-types';
import { compareKeys } from './state/key-order';
import { Ledger } from './state/ledger';
import { createTlsMaterial } from './tls/tls-material';

const logger = shimLogger('dev-peer');

/** Fabric's peer allows 100 MiB messages on the chaincode stream. */
const MAX_MESSAGE_BYTES = 100 * 1024 * 1024;
const GRPC_OPTIONS = {
  'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
};

export interface TransactionOptions {
  /** Default: the peer's `channelId`. */
  readonly channelId?: string;
  readonly transient?: Readonly<Record<string, Uint8Array>>;
  /** Default: `peer.defaultIdentity`. */
  readonly identity?: Identity;
  /** Send INIT instead of TRANSACTION (ChaincodeInput.is_init set, as `--isInit` does). */
  readonly init?: boolean;
}

/** The chaincode event of a transaction, as the endorser completes it. */
export interface TransactionEvent {
  readonly name: string;
  readonly payload: Uint8Array;
  readonly chaincodeId: string;
  readonly txId: string;
}

export interface TransactionResult {
  readonly txId: string;
  /** Response.status; 500 when the chaincode answered ERROR, timed out or went away. */
  readonly status: number;
  readonly message: string;
  readonly payload: Uint8Array;
  /** Only when status < 400 (the endorser drops the event of a failed proposal). */
  readonly event?: TransactionEvent;
  /** True when the write set was applied (submit and status < 400). */
  readonly committed: boolean;
  readonly rwset: ReadWriteSet;
}

export interface StateQueryOptions {
  readonly channelId?: string;
  readonly collection?: string;
}

/** A test's handle on one chaincode stream. */
export interface ChaincodeConnection {
  /** Send a raw message to the chaincode. */
  send(message: ChaincodeMessageInit): void;
  /** Observe every message the chaincode sends; returns the unsubscribe function. */
  onMessage(listener: (message: ChaincodeMessage) => void): () => void;
  /** End the stream (the chaincode sees it end). */
  close(): void;
}

export interface ConnectOptions {
  /** 'host:port' of the chaincode server (Chaincode.Connect). */
  readonly address: string;
  readonly tls?: {
    readonly rootCert: Buffer;
    readonly clientCert?: Buffer;
    readonly clientKey?: Buffer;
    readonly serverNameOverride?: string;
  };
  /** How long to wait for the chaincode's REGISTER. Default 10000. */
  readonly timeoutMs?: number;
}

/** What `startChaincode` runs: an object with Init and Invoke (fabric-shim's ChaincodeInterface). */
export type DeployableChaincode = Parameters<typeof startChaincode>[0];

export interface DeployOptions {
  /** CORE_PEER_LOCALMSPID of the chaincode (stub.getMspID()). Default: the peer's `mspId`. */
  readonly localMspId?: string;
  readonly maxConcurrentTransactions?: number;
  /** How long to wait for REGISTERED + READY. Default 10000. */
  readonly timeoutMs?: number;
}

/**
 * An embedded Fabric peer for chaincode tests: serves ChaincodeSupport.Register on 127.0.0.1,
 * dials chaincode servers, sends proposals, simulates them against an in-memory ledger with
 * Fabric's semantics and commits what a submit endorses.
 */
export class DevPeer {
  readonly ca: TestCa;
  private readonly ledger = new Ledger();
  private readonly registry = new HandlerRegistry();
  private readonly handlers = new Set<ChaincodeHandler>();
  private readonly clients = new Set<grpc.Client>();
  private readonly sessions = new Set<ChaincodeSession>();
  private cachedDefaultIdentity: Identity | undefined;
  private stopped = false;
  private readonly env: HandlerEnvironment;

  private constructor(
    private readonly options: ResolvedOptions,
    private readonly server: grpc.Server,
    /** '127.0.0.1:<port>' serving ChaincodeSupport.Register. */
    readonly address: string,
    /** PEM of the TLS CA when started with `tls: true`. */
    readonly tlsRootCert: Buffer | undefined,
  ) {
    this.ca = new TestCa(options.mspId);
    const invoke: ChaincodeInvoker = (target, input, caller) => this.invokeNested(target, input, caller);
    this.env = {
      capabilities: options.capabilities,
      executeTimeoutMs: options.executeTimeoutMs,
      keepaliveMs: options.keepaliveMs,
      limits: { pageSize: options.pageSize, totalQueryLimit: options.totalQueryLimit },
      invoke,
      onRegister: (handler) => {
        if (handler.name !== undefined) this.registry.register(handler.name, handler);
      },
      onClose: (handler) => {
        this.handlers.delete(handler);
        if (handler.name !== undefined) this.registry.remove(handler.name, handler);
      },
    };
  }

  static async start(options?: DevPeerOptions): Promise<DevPeer> {
    const resolved = resolveOptions(options);
    const tls = resolved.tls ? createTlsMaterial() : undefined;
    const server = new grpc.Server(GRPC_OPTIONS);
    const credentials =
      tls === undefined
        ? grpc.ServerCredentials.createInsecure()
        : grpc.ServerCredentials.createSsl(null, [{ private_key: tls.serverKey, cert_chain: tls.serverCert }], false);
    const port = await new Promise<number>((resolve, reject) => {
      server.bindAsync(`${resolved.host}:${String(resolved.port)}`, credentials, (error, bound) => {
        if (error === null) resolve(bound);
        else
          reject(
            new DevPeerError(DevPeerErrorCode.InvalidOptions, `cannot listen: ${error.message}`, { cause: error }),
          );
      });
    });
    const peer = new DevPeer(resolved, server, `${resolved.host}:${String(port)}`, tls?.rootCert);
    server.addService(chaincodeSupportService, {
      register: (call: grpc.ServerDuplexStream<ChaincodeMessage, ChaincodeMessageInit>) => {
        peer.accept(call);
      },
    });
    return peer;
  }

  /** The identity used when a transaction names none: CN=User1 of the peer's MSP (created once). */
  get defaultIdentity(): Identity {
    this.cachedDefaultIdentity ??= this.ca.createIdentity({ mspId: this.options.mspId, commonName: 'User1' });
    return this.cachedDefaultIdentity;
  }

  /** Shorthand for `peer.ca.createIdentity`. */
  createIdentity(options: CreateIdentityOptions): Identity {
    return this.ca.createIdentity(options);
  }

  /** Resolves once a chaincode registered as `name` was sent REGISTERED and READY. */
  async waitForChaincode(name: string, options: { timeoutMs?: number } = {}): Promise<void> {
    this.checkRunning();
    await this.registry.wait(name, options.timeoutMs ?? 10000);
  }

  /** Names of the registered (ready) chaincodes. */
  chaincodes(): string[] {
    return this.registry.names().filter((name) => this.registry.get(name) !== undefined);
  }

  /**
   * Server mode: dial a chaincode server's Chaincode.Connect, expect its REGISTER, handshake, and
   * register it under `name`.
   */
  async connectToChaincode(name: string, options: ConnectOptions): Promise<void> {
    this.checkRunning();
    const tls = options.tls;
    const credentials =
      tls === undefined
        ? grpc.credentials.createInsecure()
        : grpc.credentials.createSsl(tls.rootCert, tls.clientKey ?? null, tls.clientCert ?? null);
    const channelOptions: grpc.ChannelOptions = { ...GRPC_OPTIONS };
    if (tls?.serverNameOverride !== undefined && tls.serverNameOverride !== '') {
      channelOptions['grpc.ssl_target_name_override'] = tls.serverNameOverride;
      channelOptions['grpc.default_authority'] = tls.serverNameOverride;
    }
    const Client = grpc.makeGenericClientConstructor(chaincodeService, 'Chaincode');
    const client = new Client(options.address, credentials, channelOptions);
    this.clients.add(client);
    const call = client.makeBidiStreamRequest<ChaincodeMessageInit, ChaincodeMessage>(
      chaincodeService.connect.path,
      chaincodeService.connect.requestSerialize,
      chaincodeService.connect.responseDeserialize,
    );
    const handler = new ChaincodeHandler(new ClientPeerStream(call), this.env, name);
    this.handlers.add(handler);
    const timeoutMs = options.timeoutMs ?? 10000;
    try {
      await Promise.race([
        this.registry.wait(name, timeoutMs).then((registered) => {
          if (registered !== handler) throw new Error(`another chaincode registered as ${name} first`);
        }),
        handler.whenClosed().then((reason) => {
          throw new Error(`the chaincode stream ended before REGISTER: ${reason}`);
        }),
      ]);
    } catch (error) {
      handler.close();
      this.clients.delete(client);
      client.close();
      throw new DevPeerError(
        DevPeerErrorCode.ConnectFailed,
        `could not connect to chaincode ${name} at ${options.address}: ${describeError(error)}`,
        { cause: error },
      );
    }
    void handler.whenClosed().then(() => {
      this.clients.delete(client);
      client.close();
    });
  }

  /** Endorse and commit: the write set is applied when the response status is below 400. */
  submit(
    name: string,
    args: readonly (string | Uint8Array)[],
    options?: TransactionOptions,
  ): Promise<TransactionResult> {
    return this.run(name, args, options ?? {}, true);
  }

  /** Endorse only: nothing is committed. */
  evaluate(
    name: string,
    args: readonly (string | Uint8Array)[],
    options?: TransactionOptions,
  ): Promise<TransactionResult> {
    return this.run(name, args, options ?? {}, false);
  }

  /** Committed value of a key of chaincode `name` (public state, or `collection`). */
  getState(name: string, key: string, options: StateQueryOptions = {}): Uint8Array | undefined {
    return this.committedEntry(name, key, options)?.value;
  }

  /**
   * Committed keys of chaincode `name` (public state, or `collection`) from `startKey` (inclusive)
   * to `endKey` (exclusive; '' = to the end), in the state database's key order, with their values.
   * Composite keys (starting U+0000) sort before every simple key.
   */
  listState(
    name: string,
    options: StateQueryOptions & { readonly startKey?: string; readonly endKey?: string } = {},
  ): { key: string; value: Uint8Array }[] {
    const store = this.ledger
      .channel(options.channelId ?? this.options.channelId)
      .namespace(name)
      .peekStore(options.collection ?? '');
    if (store === undefined) return [];
    const start = options.startKey ?? '';
    const end = options.endKey ?? '';
    const out: { key: string; value: Uint8Array }[] = [];
    for (const key of store.sortedKeys()) {
      if (compareKeys(key, start) < 0 || (end !== '' && compareKeys(key, end) >= 0)) continue;
      const entry = store.get(key);
      if (entry !== undefined) out.push({ key, value: entry.value });
    }
    return out;
  }

  /** Committed key metadata (e.g. VALIDATION_PARAMETER) of a key. */
  getStateMetadata(name: string, key: string, options: StateQueryOptions = {}): Record<string, Uint8Array> {
    return Object.fromEntries(this.committedEntry(name, key, options)?.metadata ?? []);
  }

  /** A key's committed history, newest first (as GET_HISTORY_FOR_KEY returns it). */
  getHistory(name: string, key: string, options: { channelId?: string } = {}): HistoryRecord[] {
    return this.ledger
      .channel(options.channelId ?? this.options.channelId)
      .namespace(name)
      .historyOf(key)
      .slice()
      .reverse();
  }

  /** A test's handle on the stream of the chaincode registered as `name`. */
  connection(name: string): ChaincodeConnection {
    const handler = this.requireHandler(name);
    return {
      send: (message) => {
        handler.send(message);
      },
      onMessage: (listener) => handler.tap(listener),
      close: () => {
        handler.close();
      },
    };
  }

  /**
   * Run `chaincode` in this process with `@chaincode/shim`'s `startChaincode`, connected to this
   * peer as `name` (over TLS when the peer serves TLS), and wait until it is ready. `stop()` closes
   * the session; closing it earlier is the caller's choice.
   */
  async deployChaincode(
    name: string,
    chaincode: DeployableChaincode,
    options: DeployOptions = {},
  ): Promise<ChaincodeSession> {
    this.checkRunning();
    const session = await startChaincode(chaincode, {
      peerAddress: this.address,
      chaincodeIdName: name,
      localMspId: options.localMspId ?? this.options.mspId,
      ...(this.tlsRootCert !== undefined
        ? { tls: { rootCert: this.tlsRootCert, serverNameOverride: 'localhost' } }
        : {}),
      ...(options.maxConcurrentTransactions !== undefined
        ? { maxConcurrentTransactions: options.maxConcurrentTransactions }
        : {}),
    });
    this.sessions.add(session);
    void session.closed.then(() => this.sessions.delete(session));
    try {
      await Promise.all([session.ready, this.registry.wait(name, options.timeoutMs ?? 10000)]);
    } catch (error) {
      this.sessions.delete(session);
      await session.close();
      throw error;
    }
    return session;
  }

  /** Close every stream and the server. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.allSettled([...this.sessions].map((s) => s.close()));
    this.sessions.clear();
    for (const handler of [...this.handlers]) handler.close();
    this.handlers.clear();
    this.registry.clear();
    for (const client of this.clients) client.close();
    this.clients.clear();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, 1000);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private accept(call: grpc.ServerDuplexStream<ChaincodeMessage, ChaincodeMessageInit>): void {
    try {
      if (this.stopped) {
        call.end();
        return;
      }
      this.handlers.add(new ChaincodeHandler(new ServerPeerStream(call), this.env));
    } catch (error) {
      logger.error('failed to accept a chaincode stream', { error: describeError(error) });
    }
  }

  private committedEntry(name: string, key: string, options: StateQueryOptions): StateEntry | undefined {
    return this.ledger.channel(options.channelId ?? this.options.channelId).get(name, options.collection ?? '', key);
  }

  private checkRunning(): void {
    if (this.stopped) throw new DevPeerError(DevPeerErrorCode.Stopped, 'the dev peer was stopped');
  }

  private requireHandler(name: string): ChaincodeHandler {
    this.checkRunning();
    const handler = this.registry.get(name);
    if (handler === undefined) {
      throw new DevPeerError(DevPeerErrorCode.NotRegistered, `no chaincode is registered as ${name}`);
    }
    return handler;
  }

  private async run(
    name: string,
    args: readonly (string | Uint8Array)[],
    options: TransactionOptions,
    commit: boolean,
  ): Promise<TransactionResult> {
    const handler = this.requireHandler(name);
    const channelId = options.channelId ?? this.options.channelId;
    const proposal = buildProposal({
      channelId,
      chaincodeName: name,
      args,
      identity: options.identity ?? this.defaultIdentity,
      ...(options.transient !== undefined ? { transient: options.transient } : {}),
      ...(options.init === true ? { init: true } : {}),
    });
    const channel = this.ledger.channel(channelId);
    const simulation = new TxSimulation(channel, proposal.txId, proposal.timestamp);
    const outcome = await handler.execute({
      type: options.init === true ? MessageType.INIT : MessageType.TRANSACTION,
      input: proposal.input,
      txId: proposal.txId,
      channelId,
      signedProposal: proposal.signedProposal,
      namespace: name,
      simulation,
    });
    const response = toResponse(proposal.txId, outcome);
    let committed = false;
    if (commit && response.status < 400 && !this.stopped) {
      channel.commit({ txId: proposal.txId, timestamp: proposal.timestamp, ...simulation.commitRequest() });
      committed = true;
    }
    const event = response.status < 400 ? response.event : undefined;
    return {
      txId: proposal.txId,
      status: response.status,
      message: response.message,
      payload: response.payload,
      ...(event !== undefined ? { event: { ...event, chaincodeId: name, txId: proposal.txId } } : {}),
      committed,
      rwset: simulation.readWriteSet(),
    };
  }

  // INVOKE_CHAINCODE: the callee runs on the same txid; on the same channel it shares the caller's
  // simulation (its writes land in its own namespace), on another channel it gets a fresh one whose
  // writes are discarded (Fabric: a call to another channel is read-only).
  private async invokeNested(
    target: { chaincodeName: string; channelId: string },
    input: protos.IChaincodeInput,
    caller: { channelId: string; txId: string; simulation: TxSimulation; signedProposal: protos.ISignedProposal },
  ): Promise<ChaincodeMessage> {
    const handler = this.registry.get(target.chaincodeName);
    if (handler === undefined) {
      throw new Error(
        `make sure the chaincode ${target.chaincodeName} has been successfully defined on channel ` +
          `${target.channelId} and try again: chaincode ${target.chaincodeName} is not registered`,
      );
    }
    const simulation =
      target.channelId === caller.channelId
        ? caller.simulation
        : new TxSimulation(this.ledger.channel(target.channelId), caller.txId, caller.simulation.timestamp);
    const outcome = await handler.execute({
      type: MessageType.TRANSACTION,
      input,
      txId: caller.txId,
      channelId: target.channelId,
      signedProposal: caller.signedProposal,
      namespace: target.chaincodeName,
      simulation,
    });
    if ('error' in outcome) throw new Error(`error sending: ${outcome.error}`);
    return outcome.message;
  }
}

interface PlainResponse {
  status: number;
  message: string;
  payload: Uint8Array;
  event?: { name: string; payload: Uint8Array };
}

// The endorser's reading of the chaincode's answer (processChaincodeExecutionResult).
function toResponse(txId: string, outcome: ExecuteOutcome): PlainResponse {
  const empty = new Uint8Array(0);
  if ('error' in outcome) {
    return {
      status: 500,
      message: `failed to execute transaction ${txId}: error sending: ${outcome.error}`,
      payload: empty,
    };
  }
  const message = outcome.message;
  if (message.type === MessageType.ERROR) {
    return {
      status: 500,
      message: `transaction returned with failure: ${Buffer.from(message.payload).toString('utf8')}`,
      payload: empty,
    };
  }
  if (message.type !== MessageType.COMPLETED) {
    return {
      status: 500,
      message: `unexpected response type ${String(message.type)} for transaction ${txId}`,
      payload: empty,
    };
  }
  let response: protos.Response;
  try {
    response = protos.Response.decode(message.payload);
  } catch (error) {
    return {
      status: 500,
      message: `failed to unmarshal response for transaction ${txId}: ${describeError(error)}`,
      payload: empty,
    };
  }
  const event = message.chaincodeEvent;
  return {
    status: response.status,
    message: response.message,
    payload: response.payload,
    ...(event !== null && event !== undefined
      ? { event: { name: event.eventName ?? '', payload: event.payload ?? new Uint8Array(0) } }
      : {}),
  };
}
