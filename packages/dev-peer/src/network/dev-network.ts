import type { Contract, ContractClass } from '@chaincode/contract-api';
import type { ChaincodeSession } from '@chaincode/shim';
import { contractClient, type ContractClient, type ContractClientOptions } from '../client/contract-client';
import type { CreateIdentityOptions, Identity } from '../ca/identity';
import { orgDomain, TestCa } from '../ca/test-ca';
import type { ChaincodeDefinitionOptions } from '../channel/chaincode-definition';
import { ChannelConfig } from '../channel/channel-config';
import type { BlockRecord, TransactionRecord } from '../commit/block-record';
import { BlockStore } from '../commit/block-store';
import { Committer } from '../commit/committer';
import { Orderer } from '../commit/orderer';
import { Gateway } from '../endorsement/gateway';
import { nestedInvoker } from '../endorsement/nested-invoke';
import { DevPeerError } from '../errors/dev-peer-error';
import type { ChaincodeEvent, CloseableAsyncIterable } from '../events/chaincode-event';
import { chaincodeEventsOf, EventHub } from '../events/event-hub';
import { EventStream } from '../events/event-stream';
import type { ChaincodeFaults } from '../faults/chaincode-faults';
import { FaultInjector } from '../faults/fault-injector';
import { MspDirectory } from '../msp/msp-directory';
import { listState, type StateEntryView, type StateListOptions } from '../inspection/state-listing';
import { LevelLedgerStore } from '../persistence/level-ledger-store';
import { resolveNetworkOptions, type DevNetworkOptions, type ResolvedOptions } from '../options';
import { PeerNode, type DeployableChaincode } from '../peer/peer-node';
import { chaincodeIndexFiles, type ChaincodeIndexes } from '../query/index-spec';
import type { HistoryRecord, StateEntry } from '../state/ledger-types';
import { couchDbStoredValue } from '../state/couchdb-json';
import { Ledger } from '../state/ledger';
import { createTlsMaterial } from '../tls/tls-material';
import type { DeployedChaincode, DeployOptions } from './deployed-chaincode';
import type { NetworkOrg, NetworkPeer } from './network-org';
import { makeSnapshot, snapshotContent, type NetworkSnapshot } from './network-snapshot';
import { readSeedFile, seedTransactions, type SeedData } from './seed';
import type { StateQueryOptions, TransactionOptions, TransactionResult } from './transaction-types';

type Args = readonly (string | Uint8Array)[];

/**
 * An embedded Fabric network for tests: one peer per organization, each with its own MSP and test
 * CA, all joined to every channel; an ordering service that cuts blocks; a committer that validates
 * endorsement policies and read sets as a Fabric peer does; and the Gateway a client talks to.
 */
export class DevNetwork {
  /** The CAs of every org (shared by the networks of the process unless `freshCrypto`). */
  readonly ca: TestCa;
  readonly orgs: readonly string[];
  /** The channel used when a call names none. */
  readonly channelId: string;
  private readonly ledger: Ledger;
  private readonly blockStore = new BlockStore();
  private readonly events = new EventHub();
  private readonly channels = new Map<string, ChannelConfig>();
  private readonly peers: PeerNode[] = [];
  private readonly msps: MspDirectory;
  private readonly orderer: Orderer;
  private readonly committer: Committer;
  private readonly gateway: Gateway;
  private readonly streams = new Set<EventStream<ChaincodeEvent>>();
  private readonly identities = new Map<string, Identity>();
  private store: LevelLedgerStore | undefined;
  private stopped = false;
  private readonly injector: FaultInjector | undefined;

  protected constructor(protected readonly options: ResolvedOptions) {
    this.orgs = options.orgs;
    this.channelId = options.channelId;
    this.ledger = new Ledger(options.stateDatabase === 'CouchDB' ? couchDbStoredValue : undefined);
    this.ca = new TestCa(options.orgs[0] as string, { shared: options.sharedCrypto });
    this.injector = options.faults ? new FaultInjector(options.orgs[0] as string) : undefined;
    this.msps = new MspDirectory(
      new Map(options.orgs.map((mspId) => [mspId, this.ca.caCertificate(mspId)])),
      options.lenient,
    );
    const committer = (this.committer = new Committer({
      ledger: this.ledger,
      blocks: this.blockStore,
      events: this.events,
      channel: (id) => this.channel(id),
      persistence: () => this.store,
    }));
    this.orderer = new Orderer(options.blockCutting, (channelId, txs) => committer.commitBlock(channelId, txs));
    this.gateway = new Gateway({
      peers: this.peers,
      ledger: this.ledger,
      channel: (id) => this.channel(id),
      msps: this.msps,
      orderer: this.orderer,
      defaultChannelId: options.channelId,
      defaultIdentity: () => this.defaultIdentity,
      lenient: options.lenient,
      checkRunning: () => {
        this.checkRunning();
      },
    });
  }

  /** Start a network: `DevNetwork.start({ orgs: ['Org1MSP', 'Org2MSP'] })`. */
  static async start(options?: DevNetworkOptions): Promise<DevNetwork> {
    const network = new DevNetwork(resolveNetworkOptions(options));
    await network.startPeers();
    return network;
  }

  /** Open the data directory (when given), then bind every org's peer (the first on `options.port`). */
  protected async startPeers(): Promise<void> {
    if (this.options.dataDir !== undefined) {
      const store = await LevelLedgerStore.open(this.options.dataDir);
      try {
        await store.load(this.ledger, this.blockStore);
      } catch (error) {
        await store.close();
        throw error;
      }
      this.store = store;
    }
    try {
      await this.bindPeers();
    } catch (error) {
      await this.store?.close();
      throw error;
    }
  }

  private async bindPeers(): Promise<void> {
    const tls = this.options.tls ? createTlsMaterial() : undefined;
    const invoke = nestedInvoker(this.ledger, (id) => this.channel(id));
    const started = await Promise.allSettled(
      this.orgs.map((mspId, i) => {
        const identity = this.ca.createIdentity({ mspId, commonName: `peer0.${orgDomain(mspId)}`, role: 'peer' });
        return PeerNode.start({
          mspId,
          identity,
          signer: this.msps.describe(mspId, identity.certificate),
          options: this.options,
          port: i === 0 ? this.options.port : 0,
          tls,
          invoke,
          faults: this.injector,
        });
      }),
    );
    for (const s of started) if (s.status === 'fulfilled') this.peers.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed !== undefined) {
      await Promise.allSettled(this.peers.map((p) => p.stop()));
      throw failed.reason;
    }
  }

  /**
   * Fault injection on the chaincode streams (rules, raw frames, a restart of a peer's chaincode
   * server). Only for a network started with `faults: true` (CC_DEVPEER_INVALID_OPTIONS otherwise).
   */
  get faults(): ChaincodeFaults {
    if (this.injector === undefined) {
      throw new DevPeerError('CC_DEVPEER_INVALID_OPTIONS', 'start the network with { faults: true } to inject faults');
    }
    return this.injector;
  }

  /** The first org's MSP ID: the default org of identities and peers. */
  protected get firstOrg(): string {
    return this.orgs[0] as string;
  }

  /** The identity a transaction uses when it names none: User1 of the first org (a client). */
  get defaultIdentity(): Identity {
    return this.cachedIdentity(`default`, () => this.org(this.firstOrg).user);
  }

  /** One organization: its peer, CA and identities. */
  org(mspId: string): NetworkOrg {
    const peer = this.peerOf(mspId);
    const domain = orgDomain(mspId);
    return {
      mspId,
      peer: this.peerHandle(peer),
      caCertificate: this.ca.caCertificate(mspId),
      identity: (commonName, options = {}) => this.ca.createIdentity({ ...options, mspId, commonName }),
      admin: this.cachedIdentity(`admin ${mspId}`, () =>
        this.ca.createIdentity({ mspId, commonName: `Admin@${domain}`, role: 'admin' }),
      ),
      user: this.cachedIdentity(`user ${mspId}`, () =>
        this.ca.createIdentity({ mspId, commonName: `User1@${domain}`, role: 'client' }),
      ),
    };
  }

  /** An org's peer (default: the first org's). */
  peer(mspId: string = this.firstOrg): NetworkPeer {
    return this.peerHandle(this.peerOf(mspId));
  }

  /** An identity issued by an org's CA (default org: the first). */
  createIdentity(options: CreateIdentityOptions): Identity {
    const mspId = options.mspId ?? this.firstOrg;
    if (!this.options.lenient) this.peerOf(mspId);
    return this.ca.createIdentity({ ...options, mspId });
  }

  /**
   * Commit a chaincode definition on a channel (what `peer lifecycle chaincode commit` does):
   * its endorsement policy and collections. Throws CC_DEVPEER_INVALID_POLICY or
   * CC_DEVPEER_INVALID_DEFINITION with lifecycle's text when Fabric would refuse it.
   */
  defineChaincode(name: string, options: ChaincodeDefinitionOptions = {}): void {
    this.checkRunning();
    this.channel(options.channelId ?? this.channelId).define(name, options);
  }

  /**
   * Define the chaincode (when options give a policy or collections, or it has no definition yet)
   * and run it in this process on each org's peer (as `peer lifecycle chaincode install` plus a
   * running container per peer), then wait until every one is ready.
   */
  async deployChaincode(
    name: string,
    chaincode: DeployableChaincode,
    options: DeployOptions = {},
  ): Promise<DeployedChaincode> {
    this.checkRunning();
    const targets = (options.orgs ?? this.orgs).map((mspId) => this.peerOf(mspId));
    this.installIndexesOn(targets, name, options);
    if (options.endorsementPolicy !== undefined || options.collections !== undefined)
      this.defineChaincode(name, options);
    const started = await Promise.allSettled(
      targets.map((peer) =>
        peer.deployChaincode(name, chaincode, {
          ...(options.localMspId !== undefined ? { localMspId: options.localMspId } : {}),
          ...(options.maxConcurrentTransactions !== undefined
            ? { maxConcurrentTransactions: options.maxConcurrentTransactions }
            : {}),
          ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        }),
      ),
    );
    const sessions = new Map<string, ChaincodeSession>();
    started.forEach((s, i) => {
      if (s.status === 'fulfilled') sessions.set((targets[i] as PeerNode).mspId, s.value);
    });
    const failed = started.find((s) => s.status === 'rejected');
    if (failed !== undefined) {
      await Promise.allSettled([...sessions.values()].map((s) => s.close()));
      throw failed.reason;
    }
    return deployedChaincode(name, sessions);
  }

  /**
   * Install the CouchDB indexes of chaincode `name` on the peers of `orgs` (default: every org),
   * for all channels, as a peer does when the chaincode is installed and defined: from
   * `modulePath`'s META-INF/statedb/couchdb and/or `indexes`. A file Fabric would refuse throws
   * (CC_DEVPEER_INVALID_INDEX) and installs nothing. `deployChaincode` calls this; call it yourself
   * for a chaincode started another way (its own process, or as a service).
   */
  installIndexes(name: string, source: ChaincodeIndexes, options: { orgs?: readonly string[] } = {}): void {
    this.checkRunning();
    this.installIndexesOn(
      (options.orgs ?? this.orgs).map((mspId) => this.peerOf(mspId)),
      name,
      source,
    );
  }

  // The files are read and validated once; the first peer's install refuses a bad file before any
  // peer has an index of it.
  private installIndexesOn(peers: readonly PeerNode[], name: string, source: ChaincodeIndexes): void {
    const files = chaincodeIndexFiles(source);
    if (files.length === 0) return;
    for (const peer of peers) peer.installIndexes(name, files);
  }

  /** Resolves once a chaincode registered as `name` with an org's peer (default the first) is ready. */
  async waitForChaincode(name: string, options: { timeoutMs?: number; mspId?: string } = {}): Promise<void> {
    this.checkRunning();
    await this.peerOf(options.mspId ?? this.firstOrg).waitForChaincode(name, options.timeoutMs ?? 10000);
  }

  /** Endorse, order and commit; resolves with the commit status. Never throws for a chaincode failure. */
  submit(chaincodeName: string, args: Args, options?: TransactionOptions): Promise<TransactionResult> {
    return this.gateway.submit(chaincodeName, args, options);
  }

  /** Endorse on one peer only: nothing is ordered or committed. */
  evaluate(chaincodeName: string, args: Args, options?: TransactionOptions): Promise<TransactionResult> {
    return this.gateway.evaluate(chaincodeName, args, options);
  }

  /**
   * A client typed from the contract class: `network.contract(AssetContract).submit.CreateAsset(...)`.
   * `chaincode` defaults to the only chaincode running on the first org's peer; name it when
   * several are deployed.
   */
  contract<T extends Contract>(
    contract: ContractClass<T>,
    options: Partial<ContractClientOptions<this>> = {},
  ): ContractClient<T, this> {
    const chaincode = options.chaincode ?? this.soleChaincode();
    return contractClient(this, contract, { ...options, chaincode });
  }

  private soleChaincode(): string {
    const names = this.peerOf(this.firstOrg).chaincodes();
    if (names.length === 1) return names[0] as string;
    throw new DevPeerError(
      'CC_DEVPEER_INVALID_OPTIONS',
      names.length === 0
        ? 'network.contract(...) needs a deployed chaincode: deploy one first, or name it with { chaincode }'
        : `several chaincodes are deployed (${names.join(', ')}): name one with network.contract(Contract, { chaincode })`,
    );
  }

  /** Cut the waiting block of a channel (of every channel) now and wait until it is committed. */
  async cutBlock(channelId?: string): Promise<void> {
    await this.orderer.cut(channelId);
  }

  /** Every committed block, as a block event listener receives it; returns the unsubscribe function. */
  onBlock(listener: (block: BlockRecord) => void): () => void {
    return this.events.onBlock(listener);
  }

  /** The chaincode events of valid transactions invoking `chaincodeName`, per committed block. */
  onChaincodeEvent(
    chaincodeName: string,
    listener: (event: ChaincodeEvent) => void,
    options: { channelId?: string } = {},
  ): () => void {
    const channelId = options.channelId ?? this.channelId;
    return this.events.onBlock((block) => {
      if (block.channelId !== channelId) return;
      for (const event of chaincodeEventsOf(block, chaincodeName)) listener(event);
    });
  }

  /**
   * The chaincode events of `chaincodeName` as a Gateway client's `getChaincodeEvents` gives them:
   * from `startBlock` (committed blocks first, then live), until `close()`.
   */
  chaincodeEvents(
    chaincodeName: string,
    options: { channelId?: string; startBlock?: number } = {},
  ): CloseableAsyncIterable<ChaincodeEvent> {
    const channelId = options.channelId ?? this.channelId;
    const subscription: { unsubscribe?: () => void } = {};
    const stream: EventStream<ChaincodeEvent> = new EventStream(() => {
      subscription.unsubscribe?.();
      this.streams.delete(stream);
    });
    this.streams.add(stream);
    if (options.startBlock !== undefined) {
      for (const block of this.blockStore.blocks(channelId, options.startBlock)) {
        for (const event of chaincodeEventsOf(block, chaincodeName)) stream.push(event);
      }
    }
    subscription.unsubscribe = this.onChaincodeEvent(
      chaincodeName,
      (event) => {
        stream.push(event);
      },
      { channelId },
    );
    if (this.stopped) stream.end();
    return stream;
  }

  /** Committed value of a key of chaincode `name` (public state, or `collection`). */
  getState(name: string, key: string, options: StateQueryOptions = {}): Uint8Array | undefined {
    return this.committedEntry(name, key, options)?.value;
  }

  /** Committed key metadata (e.g. VALIDATION_PARAMETER) of a key. */
  getStateMetadata(name: string, key: string, options: StateQueryOptions = {}): Record<string, Uint8Array> {
    return Object.fromEntries(this.committedEntry(name, key, options)?.metadata ?? []);
  }

  /** A key's committed history, newest first (as GET_HISTORY_FOR_KEY returns it). */
  getHistory(name: string, key: string, options: { channelId?: string } = {}): HistoryRecord[] {
    return this.ledger
      .channel(options.channelId ?? this.channelId)
      .namespace(name)
      .historyOf(key)
      .slice()
      .reverse();
  }

  /**
   * The committed keys of a chaincode, in key order: all, by `prefix`, by `startKey`/`endKey`, or
   * by partial `composite` key, public or of a `collection`; composite keys shown as `type~attr~...`.
   */
  state(chaincodeName: string, options: StateListOptions = {}): StateEntryView[] {
    return listState(this.ledger.channel(options.channelId ?? this.channelId), chaincodeName, options);
  }

  /** The committed blocks of a channel, from `startBlock` (default 1). */
  blocks(options: { channelId?: string; startBlock?: number } = {}): readonly BlockRecord[] {
    return this.blockStore.blocks(options.channelId ?? this.channelId, options.startBlock);
  }

  /** A committed transaction by id, with its block number. */
  transaction(
    txId: string,
    options: { channelId?: string } = {},
  ): (TransactionRecord & { blockNumber: number }) | undefined {
    for (const block of this.blocks(options)) {
      const tx = block.transactions.find((t) => t.txId === txId);
      if (tx !== undefined) return { ...tx, blockNumber: block.number };
    }
    return undefined;
  }

  /** The number of blocks of a channel (block 0 is the genesis block). */
  height(channelId: string = this.channelId): number {
    return this.ledger.channel(channelId).height;
  }

  /**
   * Empty every channel's ledger (world state, private data, history, blocks; height back to 1),
   * keeping chaincodes and their definitions: a fresh start for the next test.
   */
  async reset(): Promise<void> {
    await this.settle();
    this.ledger.clear();
    this.blockStore.clear();
    await this.store?.replaceAll(this.ledger, this.blockStore);
  }

  /** The committed state now (waits for blocks being committed): pass it to `restore` later. */
  async snapshot(): Promise<NetworkSnapshot> {
    await this.settle();
    return makeSnapshot({ ledger: this.ledger.snapshot(), blocks: this.blockStore.snapshot() });
  }

  /** Put the committed state back as it was when `snapshot` was taken (by this network or another). */
  async restore(snapshot: NetworkSnapshot): Promise<void> {
    const content = snapshotContent(snapshot);
    if (content === undefined)
      throw new DevPeerError('CC_DEVPEER_INVALID_SEED', 'restore takes a snapshot made by snapshot()');
    await this.settle();
    this.ledger.restore(content.ledger);
    this.blockStore.restore(content.blocks);
    await this.store?.replaceAll(this.ledger, this.blockStore);
  }

  /**
   * Commit seed data as one block (a transaction per chaincode, taken as valid without
   * endorsement): `{ "<chaincode>": { "state": { key: value }, "collections": { name: { key: value } } } }`.
   * Nothing is written when any of it is invalid (CC_DEVPEER_INVALID_SEED).
   */
  async seed(data: SeedData, options: { channelId?: string } = {}): Promise<void> {
    const channel = this.channel(options.channelId ?? this.channelId);
    const txs = seedTransactions(data, channel);
    await this.settle();
    if (txs.length > 0) await this.committer.commitBlock(channel.channelId, txs, { prevalidated: true });
  }

  /** `seed` from a JSON file. */
  async seedFile(path: string, options: { channelId?: string } = {}): Promise<void> {
    await this.seed(readSeedFile(path) as SeedData, options);
  }

  /** Close every chaincode, stream and server. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.orderer.close();
    await Promise.allSettled(this.peers.map((p) => p.stop()));
    await this.orderer.idle();
    for (const stream of [...this.streams]) stream.end();
    this.events.clear();
    await this.store?.close();
  }

  /** Running, and every block cut so far committed. */
  private async settle(): Promise<void> {
    this.checkRunning();
    await this.orderer.cut();
  }

  protected checkRunning(): void {
    if (this.stopped) throw new DevPeerError('CC_DEVPEER_STOPPED', 'the dev network was stopped');
  }

  protected peerOf(mspId: string): PeerNode {
    const peer = this.peers.find((p) => p.mspId === mspId);
    if (peer === undefined) {
      throw new DevPeerError(
        'CC_DEVPEER_UNKNOWN_ORG',
        `${mspId} is not an org of this network (orgs: ${this.orgs.join(', ')})`,
      );
    }
    return peer;
  }

  /** A channel's configuration (every org joined; created on first use). */
  protected channel(channelId: string): ChannelConfig {
    let config = this.channels.get(channelId);
    if (config === undefined) {
      config = new ChannelConfig(channelId, this.orgs, this.options.lenient);
      this.channels.set(channelId, config);
    }
    return config;
  }

  private committedEntry(name: string, key: string, options: StateQueryOptions): StateEntry | undefined {
    return this.ledger.channel(options.channelId ?? this.channelId).get(name, options.collection ?? '', key);
  }

  private cachedIdentity(key: string, create: () => Identity): Identity {
    let identity = this.identities.get(key);
    if (identity === undefined) {
      identity = create();
      this.identities.set(key, identity);
    }
    return identity;
  }

  private peerHandle(peer: PeerNode): NetworkPeer {
    return {
      mspId: peer.mspId,
      address: peer.address,
      tlsRootCert: peer.tlsRootCert,
      identity: peer.identity,
      waitForChaincode: (name, options = {}) => peer.waitForChaincode(name, options.timeoutMs ?? 10000),
      connectToChaincode: (name, options) => peer.connectToChaincode(name, options),
      chaincodes: () => peer.chaincodes(),
      connection: (name) => peer.connection(name),
    };
  }
}

/**
 * The sessions as one DeployedChaincode. A single session is returned itself (so a DevPeer's deploy
 * still gives the shim's own session object), with `name` and `sessions` added.
 */
function deployedChaincode(name: string, sessions: ReadonlyMap<string, ChaincodeSession>): DeployedChaincode {
  const all = [...sessions.values()];
  if (all.length === 1) {
    return Object.defineProperties(all[0] as ChaincodeSession, {
      name: { value: name, enumerable: true },
      sessions: { value: sessions, enumerable: true },
    }) as DeployedChaincode;
  }
  return {
    name,
    sessions,
    ready: Promise.all(all.map((s) => s.ready)).then(() => undefined),
    closed: Promise.all(all.map((s) => s.closed)).then((reasons) => reasons[0] as Awaited<ChaincodeSession['closed']>),
    close: async () => {
      await Promise.allSettled(all.map((s) => s.close()));
    },
  };
}
