import type { Options } from 'yargs';

/**
 * The flags of `start` and `server` (the official `fabric-chaincode-node` commands, plus our
 * timeouts and `--auto-write-batch`) and of `metadata generate`: names, help, and "needs a value". This is data only, so
 * the CLI can show help without loading the runtime. Every flag is declared as a string: the
 * options module (`resolve-options.ts`) is the one place that reads a flag or its CORE_ variable,
 * checks it and converts it, with the same message whichever of the two gave the value.
 */
export type FlagTable = Readonly<Record<string, Options>>;

const value = (describe: string, extra: Options = {}): Options => ({
  type: 'string',
  requiresArg: true,
  describe,
  ...extra,
});

const grpcFlags: FlagTable = {
  'grpc.max_send_message_length': value('largest message sent, bytes; -1: unlimited (default -1)'),
  'grpc.max_receive_message_length': value('largest message received, bytes; -1: unlimited (default -1)'),
  'grpc.keepalive_time_ms': value('keepalive ping interval, ms (default 110000)'),
  'grpc.http2.min_time_between_pings_ms': value('minimum ping interval, ms (default 110000)'),
  'grpc.keepalive_timeout_ms': value('keepalive ack timeout, ms (default 20000)'),
  'grpc.http2.max_pings_without_data': value('pings allowed without data (default 0)'),
  'grpc.keepalive_permit_without_calls': value('ping with no call in flight, 0 or 1 (default 1)'),
};

const modulePath = value('directory of the contract package (default: the current directory)');
// Not `requiresArg`: a bare `--auto-write-batch` reaches the options module as '' and is refused
// there as "needs a value", whichever command or entry point parsed it.
const autoWriteBatch: Options = {
  type: 'string',
  describe: 'batch each transaction’s writes into one message (Fabric 3.1 peers): true or false (default false)',
};
const requestTimeout = value('fail a stub request the peer leaves unanswered this long, ms (default 30000)');

/** `start`: the chaincode dials the peer (the peer runs `npm start -- --peer.address <addr>`). */
export const startCommandOptions: FlagTable = {
  'peer.address': value('peer address host:port, required (or CORE_PEER_ADDRESS)'),
  'chaincode-id-name': value('chaincode id sent in REGISTER, required (or CORE_CHAINCODE_ID_NAME)'),
  'module-path': modulePath,
  'ssl-target-name-override': value('TLS server name expected from the peer'),
  'connect-timeout-ms': value('give up registering with the peer after this long, ms (default 20000)'),
  'reconnect-timeout-ms': value(
    'after a lost connection, keep registering again this long, ms; -1: forever, 0: exit (default -1)',
  ),
  'request-timeout-ms': requestTimeout,
  // fabric-shim's legacy spelling, still found in old launch scripts; wins over --peer.address
  CORE_PEER_ADDRESS: value('legacy form of --peer.address', { hidden: true }),
  'auto-write-batch': autoWriteBatch,
  ...grpcFlags,
};

/** `server`: chaincode as a service, the peer dials us. */
export const serverCommandOptions: FlagTable = {
  'chaincode-address': value('address to listen on host:port, e.g. 0.0.0.0:9999, required (CORE_CHAINCODE_ADDRESS)'),
  'chaincode-id': value('package id label:hash sent in REGISTER, required (CORE_CHAINCODE_ID)'),
  'chaincode-tls-cert-file': value('server certificate, PEM file'),
  'chaincode-tls-cert-path': value('server certificate, file holding base64 PEM'),
  'chaincode-tls-key-file': value('server key, PEM file'),
  'chaincode-tls-key-path': value('server key, file holding base64 PEM'),
  'chaincode-tls-client-cacert-file': value('CA of accepted client certificates, PEM file (turns on mutual TLS)'),
  'chaincode-tls-client-cacert-path': value('CA of accepted client certificates, base64 file (turns on mutual TLS)'),
  'connect-timeout-ms': value(
    'close a connection whose peer has not finished the handshake after this long, ms (default 20000)',
  ),
  'request-timeout-ms': requestTimeout,
  'module-path': modulePath,
  'auto-write-batch': autoWriteBatch,
  ...grpcFlags,
};

/** `metadata generate`. */
export const metadataGenerateOptions: FlagTable = {
  file: value('write the metadata to this file (".json" added without extension)', { alias: 'f' }),
  'module-path': { ...modulePath, alias: 'p' },
};

/** What every CORE_ variable of a flag is called: `peer.address` → CORE_PEER_ADDRESS (as yargs `.env('CORE')`, dots included). */
export function envName(flag: string): string {
  return 'CORE_' + flag.toUpperCase().replace(/[.-]/g, '_');
}
