import { DevPeerError, DevPeerErrorCode } from './errors';

/** What the peer advertises in READY (`ChaincodeAdditionalParams`, Fabric 3.x). */
export interface PeerCapabilities {
  readonly useWriteBatch?: boolean;
  readonly maxSizeWriteBatch?: number;
  readonly useGetMultipleKeys?: boolean;
  readonly maxSizeGetMultipleKeys?: number;
}

export interface DevPeerOptions {
  /** Only 127.0.0.1 is served. */
  readonly host?: '127.0.0.1';
  /** Default 0 (any free port). */
  readonly port?: number;
  /** Serve TLS with a CA generated at start (`peer.tlsRootCert`). */
  readonly tls?: boolean;
  /**
   * READY's payload. Default: core.yaml's (write batch on, 1000; get-multiple on, 1000).
   * `false`: READY with an empty payload, as a Fabric 2.x peer sends; the 3.x message types
   * (WRITE_BATCH_STATE, GET_STATE_MULTIPLE) are then unknown to the peer, as to a 2.x peer.
   */
  readonly capabilities?: PeerCapabilities | false;
  /** Default 'mychannel'. */
  readonly channelId?: string;
  /** MSP of the default identity. Default 'Org1MSP'. */
  readonly mspId?: string;
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
}

export interface ResolvedCapabilities {
  readonly useWriteBatch: boolean;
  readonly maxSizeWriteBatch: number;
  readonly useGetMultipleKeys: boolean;
  readonly maxSizeGetMultipleKeys: number;
}

export interface ResolvedOptions {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly tls: boolean;
  readonly capabilities: ResolvedCapabilities | false;
  readonly channelId: string;
  readonly mspId: string;
  readonly pageSize: number;
  readonly totalQueryLimit: number;
  readonly internalQueryLimit: number;
  readonly executeTimeoutMs: number;
  readonly keepaliveMs: number;
}

function positiveInt(name: string, value: number | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || (!allowZero && value === 0)) {
    throw new DevPeerError(
      DevPeerErrorCode.InvalidOptions,
      `${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${String(value)}`,
    );
  }
  return value;
}

export function resolveOptions(options: DevPeerOptions = {}): ResolvedOptions {
  if (options.host !== undefined && (options.host as string) !== '127.0.0.1') {
    throw new DevPeerError(DevPeerErrorCode.InvalidOptions, `host must be 127.0.0.1, got ${options.host}`);
  }
  if (options.channelId === '') throw new DevPeerError(DevPeerErrorCode.InvalidOptions, 'channelId must not be empty');
  if (options.mspId === '') throw new DevPeerError(DevPeerErrorCode.InvalidOptions, 'mspId must not be empty');
  const caps = options.capabilities;
  return {
    host: '127.0.0.1',
    port: positiveInt('port', options.port, 0, true),
    tls: options.tls === true,
    capabilities:
      caps === false
        ? false
        : {
            useWriteBatch: caps?.useWriteBatch ?? true,
            maxSizeWriteBatch: positiveInt('capabilities.maxSizeWriteBatch', caps?.maxSizeWriteBatch, 1000, true),
            useGetMultipleKeys: caps?.useGetMultipleKeys ?? true,
            maxSizeGetMultipleKeys: positiveInt(
              'capabilities.maxSizeGetMultipleKeys',
              caps?.maxSizeGetMultipleKeys,
              1000,
              true,
            ),
          },
    channelId: options.channelId ?? 'mychannel',
    mspId: options.mspId ?? 'Org1MSP',
    pageSize: positiveInt('pageSize', options.pageSize, 100),
    totalQueryLimit: positiveInt('totalQueryLimit', options.totalQueryLimit, 100000),
    internalQueryLimit: positiveInt('internalQueryLimit', options.internalQueryLimit, 1000),
    executeTimeoutMs: positiveInt('executeTimeoutMs', options.executeTimeoutMs, 30000),
    keepaliveMs: positiveInt('keepaliveMs', options.keepaliveMs, 0, true),
  };
}
