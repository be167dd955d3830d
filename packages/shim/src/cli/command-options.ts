import type { Options } from 'yargs';

/**
 * The flags of the official `fabric-chaincode-node` commands, shared by that bin and by `cc`.
 * Only names, types and help live here: values (including CORE_* variables and defaults) are
 * resolved by the options module, so both CLIs pass the raw argv on.
 */
type OptionTable = Readonly<Record<string, Options>>;

const grpcOptions: OptionTable = {
  'grpc.max_send_message_length': { type: 'number', describe: 'largest message sent, bytes (-1: unlimited)' },
  'grpc.max_receive_message_length': { type: 'number', describe: 'largest message received, bytes (-1: unlimited)' },
  'grpc.keepalive_time_ms': { type: 'number', describe: 'keepalive ping interval (default 110000)' },
  'grpc.http2.min_time_between_pings_ms': { type: 'number', describe: 'minimum ping interval (default 110000)' },
  'grpc.keepalive_timeout_ms': { type: 'number', describe: 'keepalive ack timeout (default 20000)' },
  'grpc.http2.max_pings_without_data': { type: 'number', describe: 'pings allowed without data (default 0)' },
  'grpc.keepalive_permit_without_calls': { type: 'number', describe: 'ping with no call in flight, 0/1 (default 1)' },
};

const autoWriteBatch: Options = {
  type: 'string',
  describe: 'batch each transaction’s writes (Fabric 3.1 peers): true or false (default false)',
};

const modulePath: Options = {
  type: 'string',
  describe: 'directory of the contract package (default: the current directory)',
};

/** `start`: the chaincode dials the peer (the peer runs `npm start -- --peer.address <addr>`). */
export const startCommandOptions: OptionTable = {
  'peer.address': { type: 'string', describe: 'peer address host:port (or CORE_PEER_ADDRESS)' },
  'chaincode-id-name': { type: 'string', describe: 'chaincode id sent in REGISTER (or CORE_CHAINCODE_ID_NAME)' },
  'module-path': modulePath,
  'ssl-target-name-override': { type: 'string', describe: 'TLS server name expected from the peer' },
  // fabric-shim's legacy spelling, still found in old launch scripts; wins over --peer.address
  CORE_PEER_ADDRESS: { type: 'string', hidden: true },
  'auto-write-batch': autoWriteBatch,
  ...grpcOptions,
};

/** `server`: chaincode as a service, the peer dials us. */
export const serverCommandOptions: OptionTable = {
  'chaincode-address': { type: 'string', describe: 'address to listen on, e.g. 0.0.0.0:9999 (CORE_CHAINCODE_ADDRESS)' },
  'chaincode-id': { type: 'string', describe: 'package id label:hash sent in REGISTER (CORE_CHAINCODE_ID)' },
  'chaincode-tls-cert-file': {
    type: 'string',
    conflicts: 'chaincode-tls-cert-path',
    describe: 'server certificate, PEM file',
  },
  'chaincode-tls-cert-path': {
    type: 'string',
    conflicts: 'chaincode-tls-cert-file',
    describe: 'server certificate, file holding base64 PEM',
  },
  'chaincode-tls-key-file': { type: 'string', conflicts: 'chaincode-tls-key-path', describe: 'server key, PEM file' },
  'chaincode-tls-key-path': {
    type: 'string',
    conflicts: 'chaincode-tls-key-file',
    describe: 'server key, file holding base64 PEM',
  },
  'chaincode-tls-client-cacert-file': {
    type: 'string',
    conflicts: 'chaincode-tls-client-cacert-path',
    describe: 'CA of accepted client certificates, PEM file (turns on mutual TLS)',
  },
  'chaincode-tls-client-cacert-path': {
    type: 'string',
    conflicts: 'chaincode-tls-client-cacert-file',
    describe: 'CA of accepted client certificates, base64 file (turns on mutual TLS)',
  },
  'module-path': modulePath,
  'auto-write-batch': autoWriteBatch,
  ...grpcOptions,
};

/** `metadata generate`. */
export const metadataGenerateOptions: OptionTable = {
  file: { alias: 'f', type: 'string', describe: 'write the metadata to this file (".json" added without extension)' },
  'module-path': { ...modulePath, alias: 'p' },
};

/**
 * The official rule for server TLS flags given on the command line: once any key or certificate
 * flag is present, both a key and a certificate are needed. Returns the reason, or undefined.
 */
export function serverTlsFlagProblem(argv: Readonly<Record<string, unknown>>): string | undefined {
  const has = (name: string): boolean => typeof argv[name] === 'string' && argv[name] !== '';
  const key = has('chaincode-tls-key-file') || has('chaincode-tls-key-path');
  const cert = has('chaincode-tls-cert-file') || has('chaincode-tls-cert-path');
  const ca = has('chaincode-tls-client-cacert-file') || has('chaincode-tls-client-cacert-path');
  if (!key && !cert && !ca) return undefined;
  if (!key) return 'A TLS option is set but no key is specified (--chaincode-tls-key-file or --chaincode-tls-key-path)';
  if (!cert) {
    return 'A TLS option is set but no cert is specified (--chaincode-tls-cert-file or --chaincode-tls-cert-path)';
  }
  return undefined;
}
