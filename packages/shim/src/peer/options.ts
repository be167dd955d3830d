import type { BackoffOptions } from './backoff';

/**
 * The runtime options of the two connection modes (client: we dial the peer; server: the peer
 * dials us). The config module builds them from argv/environment/files; code may build them directly.
 */

/** gRPC channel/server options, named as fabric-shim names them (and as grpc-js takes them). */
export interface GrpcOptions {
  'grpc.max_send_message_length': number;
  'grpc.max_receive_message_length': number;
  'grpc.keepalive_time_ms': number;
  'grpc.http2.min_time_between_pings_ms': number;
  'grpc.keepalive_timeout_ms': number;
  'grpc.http2.max_pings_without_data': number;
  'grpc.keepalive_permit_without_calls': number;
}

/** fabric-shim's defaults for the grpc.* options. */
export const DEFAULT_GRPC_OPTIONS: Readonly<GrpcOptions> = Object.freeze({
  'grpc.max_send_message_length': -1,
  'grpc.max_receive_message_length': -1,
  'grpc.keepalive_time_ms': 110000,
  'grpc.http2.min_time_between_pings_ms': 110000,
  'grpc.keepalive_timeout_ms': 20000,
  'grpc.http2.max_pings_without_data': 0,
  'grpc.keepalive_permit_without_calls': 1,
});

/** The grpc.* option names, in the order the CLI documents them. */
export const GRPC_OPTION_NAMES = Object.keys(DEFAULT_GRPC_OPTIONS) as readonly (keyof GrpcOptions)[];

/** Default bound on transactions served at once on one stream (more wait their turn, in order). */
export const DEFAULT_MAX_CONCURRENT_TRANSACTIONS = 1000;

/**
 * After this long a transaction stops counting toward maxConcurrentTransactions: the peer has given up
 * on it (Fabric's chaincode.executetimeout is 30 s by default). It is not cancelled.
 */
export const DEFAULT_TRANSACTION_SLOT_TIMEOUT_MS = 30000;

/** Default bound on the wait for the peer's answer to one stub request. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30000;

/** Default bound on registering: from the first dial to READY, over all attempts. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 20000;

/** `reconnectTimeoutMs` value meaning "keep trying for as long as it takes". */
export const RECONNECT_FOREVER = -1;

export interface ClientTlsOptions {
  /** PEM of the CA(s) that signed the peer's TLS certificate. */
  rootCert: Buffer;
  /** PEM client key and certificate, for a peer that requires client authentication. */
  clientKey?: Buffer;
  clientCert?: Buffer;
  /** Expected name in the peer's certificate, when it differs from the dialled host. */
  serverNameOverride?: string;
}

/** Client mode: dial the peer's ChaincodeSupport.Register. */
export interface ChaincodeClientOptions {
  /** 'host:port' (a grpc:// or grpcs:// prefix is accepted and dropped). */
  peerAddress: string;
  /** Sent in REGISTER as ChaincodeID.name. */
  chaincodeIdName: string;
  tls?: ClientTlsOptions;
  grpc?: Partial<GrpcOptions>;
  /** The peer's MSP id (CORE_PEER_LOCALMSPID), returned by stub.getMspID(). */
  localMspId?: string;
  /** Bound on transactions in flight on the stream; default 1000. */
  maxConcurrentTransactions?: number;
  /** A transaction running longer than this (default 30000) no longer holds one of those slots. */
  transactionSlotTimeoutMs?: number;
  /** Fail a stub request the peer has not answered after this long (default 30000). */
  requestTimeoutMs?: number;
  /**
   * Bound on registering when the session starts: from the first dial to READY, over all attempts
   * (default 20000). Each attempt to register again after a lost connection has the same bound.
   */
  connectTimeoutMs?: number;
  /**
   * Once the session has been READY and its stream ends: how long to keep trying to register
   * again, in ms. -1: for as long as it takes; 0 (the default of `startChaincode`): never, the
   * session ends with the stream. `Shim.start()` and `cc-start` default to -1.
   */
  reconnectTimeoutMs?: number;
  /** Delays between attempts (capped exponential with jitter; default 250 ms doubling up to 5 s). */
  backoff?: BackoffOptions;
  /**
   * Batch every transaction's writes from its start, as if each called `startWriteBatch()` first
   * (only when the peer advertises WRITE_BATCH_STATE, Fabric 3.1+). Faster for write-heavy
   * transactions, but a write the peer refuses then fails the transaction when the batch is sent,
   * not at its own `await`. Default false: each write is answered at its own `await`, as with
   * fabric-shim. Also `--auto-write-batch` / CORE_AUTO_WRITE_BATCH for `cc-start`.
   */
  autoWriteBatch?: boolean;
}

export interface ServerTlsOptions {
  /** PEM private key and certificate of this chaincode server. */
  key: Buffer;
  cert: Buffer;
  /** PEM CA certificate(s): when given, clients must present a certificate they signed (mutual TLS). */
  clientCACerts?: Buffer;
}

/** Server mode (chaincode as a service): serve Chaincode.Connect for the peer to dial. */
export interface ChaincodeServerOptions {
  /** Bind address 'host:port' ('127.0.0.1:0' picks a free port). */
  address: string;
  /** The chaincode package id, sent in REGISTER on every connection. */
  ccid: string;
  tls?: ServerTlsOptions;
  grpc?: Partial<GrpcOptions>;
  localMspId?: string;
  /** Bound on transactions in flight per connection; default 1000. */
  maxConcurrentTransactions?: number;
  /** A transaction running longer than this (default 30000) no longer holds one of those slots. */
  transactionSlotTimeoutMs?: number;
  /** Fail a stub request the peer has not answered after this long (default 30000). */
  requestTimeoutMs?: number;
  /** Close a connection whose peer has not completed the handshake (REGISTERED, READY) after this long (default 20000). */
  connectTimeoutMs?: number;
  /**
   * Batch every transaction's writes from its start, as if each called `startWriteBatch()` first
   * (only when the peer advertises WRITE_BATCH_STATE, Fabric 3.1+). Faster for write-heavy
   * transactions, but a write the peer refuses then fails the transaction when the batch is sent,
   * not at its own `await`. Default false: each write is answered at its own `await`, as with
   * fabric-shim. Also `--auto-write-batch` / CORE_AUTO_WRITE_BATCH for `cc-start`.
   */
  autoWriteBatch?: boolean;
}
