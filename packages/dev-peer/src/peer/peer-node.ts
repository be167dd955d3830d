import { startChaincode, type ChaincodeSession } from '@chaincode/shim';
import { shimLogger, type ChaincodeMessage, type protos } from '@chaincode/shim/internal';
import { errorMessage } from '@chaincode/contract-api/internal';
import type { Identity } from '../ca/identity';
import { DevPeerError } from '../errors/dev-peer-error';
import type { MspIdentity } from '../msp/msp-directory';
import type { ResolvedOptions } from '../options';
import { IndexCatalog, type IndexFile } from '../query/index-catalog';
import type { StateDatabase } from '../simulation/state-database';
import { dialChaincode, type ConnectOptions } from '../server/chaincode-dialer';
import { startChaincodeSupportServer, type ChaincodeSupportServer } from '../server/chaincode-support-server';
import type { FaultInjector } from '../faults/fault-injector';
import type { TlsMaterial } from '../tls/tls-material';
import type { ChaincodeConnection } from './chaincode-connection';
import {
  ChaincodeHandler,
  type ExecuteOutcome,
  type ExecuteRequest,
  type HandlerEnvironment,
} from './chaincode-handler';
import { HandlerRegistry } from './handler-registry';
import { ClientPeerStream, ServerPeerStream, type PeerStream } from './peer-stream';
import type { TransactionContext } from './transaction-context';

const logger = shimLogger('dev-peer');

/** What `startChaincode` runs: an object with Init and Invoke (fabric-shim's ChaincodeInterface). */
export type DeployableChaincode = Parameters<typeof startChaincode>[0];

/** A chaincode-to-chaincode call, run by the network on the calling peer. */
export type NestedInvoker = (
  peer: PeerNode,
  target: { chaincodeName: string; channelId: string },
  input: protos.IChaincodeInput,
  caller: TransactionContext,
) => Promise<ChaincodeMessage>;

export interface PeerNodeParams {
  readonly mspId: string;
  /** The peer's own identity (node OU peer): the signer of its endorsements. */
  readonly identity: Identity;
  readonly signer: MspIdentity;
  readonly options: ResolvedOptions;
  readonly port: number;
  readonly tls: TlsMaterial | undefined;
  readonly invoke: NestedInvoker;
  /** The fault-injecting mode: it serves ChaincodeSupport.Register instead of grpc-js. */
  readonly faults: FaultInjector | undefined;
}

/**
 * One organization's peer: its ChaincodeSupport server, the chaincodes registered with it (client
 * mode, or dialed as a service), and the chaincode processes the network runs for it.
 */
export class PeerNode {
  private readonly registry = new HandlerRegistry();
  private readonly handlers = new Set<ChaincodeHandler>();
  private readonly sessions = new Set<ChaincodeSession>();
  private readonly closers = new Set<() => void>();
  /** The CouchDB indexes of the chaincodes installed here (rich queries read them). */
  private readonly indexes = new IndexCatalog();
  private stopped = false;
  private readonly env: HandlerEnvironment;

  private constructor(
    private readonly params: PeerNodeParams,
    private readonly server: ChaincodeSupportServer,
  ) {
    const { options } = params;
    this.env = {
      capabilities: options.capabilities,
      executeTimeoutMs: options.executeTimeoutMs,
      keepaliveMs: options.keepaliveMs,
      limits: {
        pageSize: options.pageSize,
        totalQueryLimit: options.totalQueryLimit,
        internalQueryLimit: options.internalQueryLimit,
      },
      stateDatabase: options.stateDatabase,
      indexes: this.indexes,
      invoke: (target, input, caller) => params.invoke(this, target, input, caller),
      onRegister: (handler) => {
        if (handler.name !== undefined) this.registry.register(handler.name, handler);
      },
      onClose: (handler) => {
        this.handlers.delete(handler);
        if (handler.name !== undefined) this.registry.remove(handler.name, handler);
      },
    };
  }

  static async start(params: PeerNodeParams): Promise<PeerNode> {
    // A chaincode may dial in between the bind and the peer's construction: hold its stream.
    const holder: { node?: PeerNode; pending: PeerStream[] } = { pending: [] };
    const onStream = (stream: PeerStream): void => {
      if (holder.node === undefined) holder.pending.push(stream);
      else holder.node.accept(stream);
    };
    const { host } = params.options;
    const server =
      params.faults === undefined
        ? await startChaincodeSupportServer(host, params.port, params.tls, (call) => {
            onStream(new ServerPeerStream(call));
          })
        : await params.faults.serve(params.mspId, host, params.port, params.tls, onStream);
    const node = new PeerNode(params, server);
    holder.node = node;
    for (const stream of holder.pending) node.accept(stream);
    return node;
  }

  get mspId(): string {
    return this.params.mspId;
  }

  /** '127.0.0.1:<port>' serving ChaincodeSupport.Register. */
  get address(): string {
    return this.server.address;
  }

  /** PEM of the TLS CA when the network serves TLS. */
  get tlsRootCert(): Buffer | undefined {
    return this.params.tls?.rootCert;
  }

  /** core.yaml ledger.state.stateDatabase of this peer. */
  get stateDatabase(): StateDatabase {
    return this.params.options.stateDatabase;
  }

  /** The peer's identity (what its endorsements are signed with). */
  get identity(): Identity {
    return this.params.identity;
  }

  get signer(): MspIdentity {
    return this.params.signer;
  }

  /**
   * Install the CouchDB index files of chaincode `name` on this peer (all channels), as the peer
   * does when the chaincode is installed and defined. A file Fabric refuses throws
   * (CC_DEVPEER_INVALID_INDEX) and nothing is installed.
   */
  installIndexes(name: string, files: readonly IndexFile[]): void {
    this.indexes.install(name, files);
  }

  /** Resolves once a chaincode registered as `name` was sent REGISTERED and READY. */
  async waitForChaincode(name: string, timeoutMs = 10000): Promise<void> {
    this.checkRunning();
    await this.registry.wait(name, timeoutMs);
  }

  /** Names of the registered (ready) chaincodes. */
  chaincodes(): string[] {
    return this.registry.names().filter((name) => this.registry.get(name) !== undefined);
  }

  /** True when a ready chaincode is registered as `name`. */
  has(name: string): boolean {
    return this.registry.get(name) !== undefined;
  }

  /** Send INIT/TRANSACTION to the chaincode registered as `name` (CC_DEVPEER_NOT_REGISTERED if none). */
  execute(name: string, request: ExecuteRequest): Promise<ExecuteOutcome> {
    return this.requireHandler(name).execute(request);
  }

  /** Execute on the chaincode `name` if registered; undefined otherwise (chaincode-to-chaincode). */
  executeIfRegistered(name: string, request: ExecuteRequest): Promise<ExecuteOutcome> | undefined {
    return this.registry.get(name)?.execute(request);
  }

  /**
   * Server mode: dial a chaincode server's Chaincode.Connect, expect its REGISTER, handshake, and
   * register it under `name`.
   */
  async connectToChaincode(name: string, options: ConnectOptions): Promise<void> {
    this.checkRunning();
    const { call, client } = dialChaincode(options);
    const closeClient = (): void => {
      this.closers.delete(closeClient);
      client.close();
    };
    this.closers.add(closeClient);
    const handler = new ChaincodeHandler(new ClientPeerStream(call), this.env, name);
    this.handlers.add(handler);
    try {
      await Promise.race([
        this.registry.wait(name, options.timeoutMs ?? 10000).then((registered) => {
          if (registered !== handler)
            throw new DevPeerError('CC_DEVPEER_CONNECT_FAILED', `another chaincode registered as ${name} first`);
        }),
        handler.whenClosed().then((reason) => {
          throw new DevPeerError('CC_DEVPEER_CONNECT_FAILED', `the chaincode stream ended before REGISTER: ${reason}`);
        }),
      ]);
    } catch (error) {
      handler.close();
      closeClient();
      throw new DevPeerError(
        'CC_DEVPEER_CONNECT_FAILED',
        `could not connect to chaincode ${name} at ${options.address}: ${errorMessage(error)}`,
        { cause: error },
      );
    }
    void handler.whenClosed().then(closeClient);
  }

  /**
   * Run `chaincode` in this process with `@chaincode/shim`'s `startChaincode`, connected to this
   * peer as `name` (its CORE_PEER_LOCALMSPID being this peer's MSP), and wait until it is ready.
   */
  async deployChaincode(
    name: string,
    chaincode: DeployableChaincode,
    options: { maxConcurrentTransactions?: number; timeoutMs?: number; localMspId?: string } = {},
  ): Promise<ChaincodeSession> {
    this.checkRunning();
    const rootCert = this.tlsRootCert;
    const session = await startChaincode(chaincode, {
      peerAddress: this.address,
      chaincodeIdName: name,
      localMspId: options.localMspId ?? this.mspId,
      ...(rootCert !== undefined ? { tls: { rootCert, serverNameOverride: 'localhost' } } : {}),
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

  /** Close every chaincode session and stream, then the server. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.allSettled([...this.sessions].map((s) => s.close()));
    this.sessions.clear();
    for (const handler of [...this.handlers]) handler.close();
    this.handlers.clear();
    this.registry.clear();
    for (const close of [...this.closers]) close();
    await this.server.stop();
  }

  private accept(stream: PeerStream): void {
    try {
      if (this.stopped) {
        stream.end();
        return;
      }
      this.handlers.add(new ChaincodeHandler(stream, this.env));
    } catch (error) {
      logger.error('failed to accept a chaincode stream', { error: errorMessage(error) });
    }
  }

  private checkRunning(): void {
    if (this.stopped) throw new DevPeerError('CC_DEVPEER_STOPPED', 'the dev peer was stopped');
  }

  private requireHandler(name: string): ChaincodeHandler {
    this.checkRunning();
    const handler = this.registry.get(name);
    if (handler === undefined) {
      throw new DevPeerError('CC_DEVPEER_NOT_REGISTERED', `no chaincode is registered as ${name}`);
    }
    return handler;
  }
}
