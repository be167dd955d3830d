import { DevPeerError } from './errors/dev-peer-error';
import type { StateDatabase } from './simulation/state-database';

/** What the peer advertises in READY (`ChaincodeAdditionalParams`, Fabric 3.x). */
export interface PeerCapabilities {
  readonly useWriteBatch?: boolean;
  readonly maxSizeWriteBatch?: number;
  readonly useGetMultipleKeys?: boolean;
  readonly maxSizeGetMultipleKeys?: number;
}

/**
 * How the ordering service cuts blocks (configtx.yaml `Orderer.BatchSize.MaxMessageCount` and
 * `Orderer.BatchTimeout`). Default: every transaction is a block of its own.
 */
export interface BlockCuttingOptions {
  /** Transactions per block: a block is cut when this many are waiting. Default 1. */
  readonly maxMessageCount?: number;
  /** A block is cut this long after its first transaction arrived, full or not. Default 2000 (Fabric's 2s). */
  readonly batchTimeoutMs?: number;
}

/** Options shared by `DevNetwork.start` and `DevPeer.start`. */
export interface CommonPeerOptions {
  /** Serve TLS with a CA generated at start (each peer's `tlsRootCert`). */
  readonly tls?: boolean;
  /**
   * READY's payload. Default: core.yaml's (write batch on, 1000; get-multiple on, 1000).
   * `false`: READY with an empty payload, as a Fabric 2.x peer sends; the 3.x message types
   * (WRITE_BATCH_STATE, GET_STATE_MULTIPLE) are then unknown to the peer, as to a 2.x peer.
   */
  readonly capabilities?: PeerCapabilities | false;
  /** The channel transactions use when they name none. Default 'mychannel'. */
  readonly channelId?: string;
  /** Results per QueryResponse of an unpaginated query (Fabric's internal 100). */
  readonly pageSize?: number;
  /** Most results a query returns in total (core.yaml `ledger.state.totalQueryLimit`, 100000). */
  readonly totalQueryLimit?: number;
  /** Documents per CouchDB request of a rich query (`ledger.state.couchDBConfig.internalQueryLimit`, 1000). */
  readonly internalQueryLimit?: number;
  /** core.yaml `chaincode.executetimeout`: 30000. */
  readonly executeTimeoutMs?: number;
  /** Send KEEPALIVE to every chaincode this often (core.yaml `chaincode.keepalive`, default off). */
  readonly keepaliveMs?: number;
  /**
   * core.yaml `ledger.state.stateDatabase`: 'CouchDB' (default: its key and value rules apply to
   * writes, and rich queries work) or 'goleveldb'.
   */
  readonly stateDatabase?: StateDatabase;
  /** Block cutting of the ordering service. Default: one block per transaction. */
  readonly blockCutting?: BlockCuttingOptions;
  /**
   * Keep world state, private data, history, blocks and block height in LevelDB under this
   * directory, to survive a restart of the network. Default: in memory only. A directory that is
   * not a dev peer ledger is refused (CC_DEVPEER_DATA_DIR_FOREIGN), never overwritten.
   */
  readonly dataDir?: string;
  /**
   * Fault-injecting mode: the chaincode server of each peer is served so that `network.faults` can
   * drop, delay, duplicate or rewrite messages, send raw frames and restart the server on its port.
   * For chaos tests; default false.
   */
  readonly faults?: boolean;
}

export interface DevPeerOptions extends CommonPeerOptions {
  /** Only 127.0.0.1 is served. */
  readonly host?: '127.0.0.1';
  /** Default 0 (any free port). */
  readonly port?: number;
  /** MSP of the peer and of the default identity. Default 'Org1MSP'. */
  readonly mspId?: string;
}

export interface DevNetworkOptions extends CommonPeerOptions {
  /** The organizations (MSP IDs), one peer each, all joined to every channel. Default ['Org1MSP']. */
  readonly orgs?: readonly string[];
  /**
   * Issue fresh CAs and identities for this network. Default false: CAs and identities are shared
   * by every network of the process (same MSP ID → same CA), which makes a fresh network cheap.
   */
  readonly freshCrypto?: boolean;
}

export interface ResolvedCapabilities {
  readonly useWriteBatch: boolean;
  readonly maxSizeWriteBatch: number;
  readonly useGetMultipleKeys: boolean;
  readonly maxSizeGetMultipleKeys: number;
}

export interface ResolvedOptions {
  readonly host: '127.0.0.1';
  /** Port of the first org's peer (the others take any free port). */
  readonly port: number;
  readonly orgs: readonly string[];
  readonly tls: boolean;
  readonly capabilities: ResolvedCapabilities | false;
  readonly channelId: string;
  readonly pageSize: number;
  readonly totalQueryLimit: number;
  readonly internalQueryLimit: number;
  readonly executeTimeoutMs: number;
  readonly keepaliveMs: number;
  readonly stateDatabase: StateDatabase;
  readonly blockCutting: { readonly maxMessageCount: number; readonly batchTimeoutMs: number };
  readonly dataDir: string | undefined;
  readonly faults: boolean;
  readonly sharedCrypto: boolean;
  /**
   * The single-org `DevPeer`'s leniency: identities of unknown MSPs are accepted as they are, and a
   * chaincode defined without collections accepts any collection name.
   */
  readonly lenient: boolean;
}

function invalid(message: string): DevPeerError {
  return new DevPeerError('CC_DEVPEER_INVALID_OPTIONS', message);
}

function integer(name: string, value: number | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || (!allowZero && value === 0)) {
    throw invalid(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${String(value)}`);
  }
  return value;
}

function resolveCapabilities(caps: PeerCapabilities | false | undefined): ResolvedCapabilities | false {
  if (caps === false) return false;
  return {
    useWriteBatch: caps?.useWriteBatch ?? true,
    maxSizeWriteBatch: integer('capabilities.maxSizeWriteBatch', caps?.maxSizeWriteBatch, 1000, true),
    useGetMultipleKeys: caps?.useGetMultipleKeys ?? true,
    maxSizeGetMultipleKeys: integer('capabilities.maxSizeGetMultipleKeys', caps?.maxSizeGetMultipleKeys, 1000, true),
  };
}

function resolveStateDatabase(value: unknown): StateDatabase {
  if (value === undefined) return 'CouchDB';
  if (value !== 'CouchDB' && value !== 'goleveldb') {
    throw invalid(`stateDatabase must be 'CouchDB' or 'goleveldb', got ${JSON.stringify(value)}`);
  }
  return value;
}

function resolveOrgs(orgs: readonly string[] | undefined): string[] {
  const list: readonly unknown[] = orgs ?? ['Org1MSP'];
  if (!Array.isArray(list) || list.length === 0) throw invalid('orgs must list at least one MSP ID');
  const seen = new Set<string>();
  for (const mspId of list) {
    if (typeof mspId !== 'string' || !/^[A-Za-z0-9._-]+$/.test(mspId)) {
      throw invalid(`an MSP ID must be letters, digits, '.', '_' or '-', got ${JSON.stringify(mspId)}`);
    }
    if (seen.has(mspId)) throw invalid(`MSP ID ${mspId} is listed twice`);
    seen.add(mspId);
  }
  return [...seen];
}

function resolveCommon(
  options: CommonPeerOptions,
): Omit<ResolvedOptions, 'host' | 'port' | 'orgs' | 'sharedCrypto' | 'lenient'> {
  if (options.channelId !== undefined && !/^[a-z][a-z0-9.-]*$/.test(options.channelId)) {
    // Fabric's channel name rule (configtx): lower case letters, digits, '.' and '-', starting with a letter.
    throw invalid(`channelId must match [a-z][a-z0-9.-]*, got ${JSON.stringify(options.channelId)}`);
  }
  if (options.dataDir !== undefined && (typeof options.dataDir !== 'string' || options.dataDir === '')) {
    throw invalid('dataDir must be a non-empty path');
  }
  return {
    tls: options.tls === true,
    capabilities: resolveCapabilities(options.capabilities),
    channelId: options.channelId ?? 'mychannel',
    pageSize: integer('pageSize', options.pageSize, 100),
    totalQueryLimit: integer('totalQueryLimit', options.totalQueryLimit, 100000),
    internalQueryLimit: integer('internalQueryLimit', options.internalQueryLimit, 1000),
    executeTimeoutMs: integer('executeTimeoutMs', options.executeTimeoutMs, 30000),
    keepaliveMs: integer('keepaliveMs', options.keepaliveMs, 0, true),
    stateDatabase: resolveStateDatabase(options.stateDatabase),
    blockCutting: {
      maxMessageCount: integer('blockCutting.maxMessageCount', options.blockCutting?.maxMessageCount, 1),
      batchTimeoutMs: integer('blockCutting.batchTimeoutMs', options.blockCutting?.batchTimeoutMs, 2000),
    },
    dataDir: options.dataDir,
    faults: options.faults === true,
  };
}

/** `DevNetwork.start` options, validated, with Fabric's defaults. */
export function resolveNetworkOptions(options: DevNetworkOptions = {}): ResolvedOptions {
  return {
    host: '127.0.0.1',
    port: 0,
    orgs: resolveOrgs(options.orgs),
    sharedCrypto: options.freshCrypto !== true,
    lenient: false,
    ...resolveCommon(options),
  };
}

/** `DevPeer.start` options: one org, its own CA, lenient about identities and collections. */
export function resolvePeerOptions(options: DevPeerOptions = {}): ResolvedOptions {
  if (options.host !== undefined && (options.host as string) !== '127.0.0.1') {
    throw invalid(`host must be 127.0.0.1, got ${options.host as string}`);
  }
  if (options.mspId === '') throw invalid('mspId must not be empty');
  return {
    host: '127.0.0.1',
    port: integer('port', options.port, 0, true),
    orgs: resolveOrgs([options.mspId ?? 'Org1MSP']),
    sharedCrypto: false,
    lenient: true,
    ...resolveCommon(options),
  };
}
