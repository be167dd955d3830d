import { readFileSync } from 'node:fs';
import { InvalidOptionsError, errorMessage } from '../errors/shim-error';
import { parseLogLevel, type LoggingConfig } from '../logging/logger';
import {
  GRPC_OPTION_NAMES,
  type ChaincodeClientOptions,
  type ChaincodeServerOptions,
  type GrpcOptions,
  type ServerTlsOptions,
} from '../peer/options';
import { describeOption, OptionSource, type OptionsInput } from './option-source';

export type { OptionsInput } from './option-source';

/** Client-mode options as resolved from argv and environment, plus what the launcher needs. */
export type ResolvedClientOptions = ChaincodeClientOptions & { logging: LoggingConfig; modulePath: string };
/** Server-mode options as resolved from argv and environment, plus what the launcher needs. */
export type ResolvedServerOptions = ChaincodeServerOptions & { logging: LoggingConfig; modulePath: string };

/** CORE_CHAINCODE_LOGGING_LEVEL / _SHIM / _FORMAT → LoggingConfig (unknown levels are ignored). */
export function resolveLogging(env: Readonly<Record<string, string | undefined>>): LoggingConfig {
  const level = parseLogLevel(env.CORE_CHAINCODE_LOGGING_LEVEL);
  const shimLevel = parseLogLevel(env.CORE_CHAINCODE_LOGGING_SHIM);
  const format = env.CORE_CHAINCODE_LOGGING_FORMAT?.trim().toLowerCase() === 'json' ? 'json' : 'text';
  return {
    format,
    ...(level === undefined ? {} : { level }),
    ...(shimLevel === undefined ? {} : { shimLevel }),
  };
}

function readFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new InvalidOptionsError(`cannot read ${what} at ${JSON.stringify(path)}: ${errorMessage(err)}`, {
      cause: err,
    });
  }
}

/** A file holding base64 of a PEM (Fabric's *_PATH convention). A file that already holds PEM is taken as is. */
function readBase64File(path: string, what: string): Buffer {
  const text = readFile(path, what).toString('utf8').trim();
  if (text.startsWith('-----BEGIN')) return Buffer.from(text + '\n', 'utf8');
  if (!/^[A-Za-z0-9+/=\s]+$/.test(text)) {
    throw new InvalidOptionsError(`${what} at ${JSON.stringify(path)} does not hold base64 data`);
  }
  const decoded = Buffer.from(text, 'base64');
  if (decoded.length === 0) {
    throw new InvalidOptionsError(`${what} at ${JSON.stringify(path)} is empty`);
  }
  return decoded;
}

function readPemFile(path: string, what: string): Buffer {
  const bytes = readFile(path, what);
  if (bytes.length === 0) throw new InvalidOptionsError(`${what} at ${JSON.stringify(path)} is empty`);
  return bytes;
}

function grpcOptions(source: OptionSource): Partial<GrpcOptions> {
  const options: Partial<GrpcOptions> = {};
  for (const name of GRPC_OPTION_NAMES) {
    const value = source.integer(name);
    if (value !== undefined) options[name] = value;
  }
  return options;
}

/** `--auto-write-batch <true|false>` (or CORE_AUTO_WRITE_BATCH): batch every transaction's writes. */
function autoWriteBatch(source: OptionSource): boolean | undefined {
  const raw = source.string('auto-write-batch');
  if (raw === undefined) return undefined;
  const value = raw.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InvalidOptionsError(
    `${describeOption('auto-write-batch')} must be true or false, got ${JSON.stringify(raw)}`,
  );
}

function isTlsEnabled(value: string | undefined): boolean {
  return value !== undefined && value.trim().toLowerCase() === 'true';
}

type ClientKeyPair = { clientKey?: Buffer; clientCert?: Buffer };

/** The key/cert named by two variables, read with `read`; undefined when neither is set. */
function keyPairFrom(
  source: OptionSource,
  keyVar: string,
  certVar: string,
  read: (path: string, name: string) => Buffer,
): ClientKeyPair | undefined {
  const keyPath = source.envValue(keyVar);
  const certPath = source.envValue(certVar);
  if (keyPath === undefined && certPath === undefined) return undefined;
  if (keyPath === undefined || certPath === undefined) {
    throw new InvalidOptionsError(`${keyVar} and ${certVar} must be set together`);
  }
  return { clientKey: read(keyPath, keyVar), clientCert: read(certPath, certVar) };
}

/** The peer's client key/cert: PEM files (preferred) or files holding base64 of the PEM. */
function clientKeyPair(source: OptionSource): ClientKeyPair {
  return (
    keyPairFrom(source, 'CORE_TLS_CLIENT_KEY_FILE', 'CORE_TLS_CLIENT_CERT_FILE', readPemFile) ??
    keyPairFrom(source, 'CORE_TLS_CLIENT_KEY_PATH', 'CORE_TLS_CLIENT_CERT_PATH', readBase64File) ??
    {}
  );
}

function modulePath(source: OptionSource, input: OptionsInput): string {
  return source.string('module-path') ?? input.cwd ?? process.cwd();
}

/**
 * Client mode (`start`): `--peer.address`, `--chaincode-id-name`, `--module-path`,
 * `--ssl-target-name-override`, the `--grpc.*` options (each also from CORE_<UPPER_SNAKE>), and the
 * variables a peer sets: CORE_PEER_TLS_ENABLED, CORE_PEER_TLS_ROOTCERT_FILE, CORE_TLS_CLIENT_KEY_FILE /
 * _CERT_FILE (PEM) or CORE_TLS_CLIENT_KEY_PATH / _CERT_PATH (base64), CORE_PEER_LOCALMSPID and the
 * logging variables.
 */
export function resolveClientOptions(input: OptionsInput): ResolvedClientOptions {
  const source = new OptionSource(input);
  // fabric-shim's legacy form `--CORE_PEER_ADDRESS <addr>` wins over --peer.address.
  const peerAddress = source.arg('CORE_PEER_ADDRESS') ?? source.required('peer.address');
  const chaincodeIdName = source.required('chaincode-id-name');
  const options: ResolvedClientOptions = {
    peerAddress,
    chaincodeIdName,
    grpc: grpcOptions(source),
    logging: resolveLogging(input.env),
    modulePath: modulePath(source, input),
  };
  const localMspId = source.envValue('CORE_PEER_LOCALMSPID');
  if (localMspId !== undefined) options.localMspId = localMspId;
  const batching = autoWriteBatch(source);
  if (batching !== undefined) options.autoWriteBatch = batching;
  if (isTlsEnabled(source.envValue('CORE_PEER_TLS_ENABLED'))) {
    const rootCertFile = source.envValue('CORE_PEER_TLS_ROOTCERT_FILE');
    if (rootCertFile === undefined) {
      throw new InvalidOptionsError('CORE_PEER_TLS_ROOTCERT_FILE is required when CORE_PEER_TLS_ENABLED is true');
    }
    const override = source.string('ssl-target-name-override');
    options.tls = {
      rootCert: readPemFile(rootCertFile, 'CORE_PEER_TLS_ROOTCERT_FILE'),
      ...clientKeyPair(source),
      ...(override === undefined || override === '' ? {} : { serverNameOverride: override }),
    };
  }
  return options;
}

type ServerTlsItem = 'cert' | 'key' | 'client-cacert';

/** `--chaincode-tls-<item>-file` (PEM) or `-path` (base64); both given is a conflict. */
function serverTlsItem(source: OptionSource, item: ServerTlsItem): Buffer | undefined {
  const fileOption = `chaincode-tls-${item}-file`;
  const pathOption = `chaincode-tls-${item}-path`;
  const file = source.string(fileOption);
  const path = source.string(pathOption);
  if (file !== undefined && path !== undefined) {
    throw new InvalidOptionsError(
      `${describeOption(fileOption)} and ${describeOption(pathOption)} conflict: give only one of them`,
    );
  }
  if (file !== undefined) return readPemFile(file, `--${fileOption}`);
  if (path !== undefined) return readBase64File(path, `--${pathOption}`);
  return undefined;
}

function serverTls(source: OptionSource): ServerTlsOptions | undefined {
  const cert = serverTlsItem(source, 'cert');
  const key = serverTlsItem(source, 'key');
  const clientCACerts = serverTlsItem(source, 'client-cacert');
  if (cert === undefined && key === undefined && clientCACerts === undefined) return undefined;
  if (key === undefined) {
    throw new InvalidOptionsError(
      `TLS needs a key: ${describeOption('chaincode-tls-key-file')} or ${describeOption('chaincode-tls-key-path')}`,
    );
  }
  if (cert === undefined) {
    throw new InvalidOptionsError(
      `TLS needs a certificate: ${describeOption('chaincode-tls-cert-file')} or ${describeOption('chaincode-tls-cert-path')}`,
    );
  }
  return clientCACerts === undefined ? { key, cert } : { key, cert, clientCACerts };
}

/**
 * Server mode (`server`, chaincode as a service): `--chaincode-address`, `--chaincode-id`, the
 * `--chaincode-tls-*` files, `--module-path` and the `--grpc.*` options, each also from its CORE_ variable.
 */
export function resolveServerOptions(input: OptionsInput): ResolvedServerOptions {
  const source = new OptionSource(input);
  const address = source.required('chaincode-address');
  const ccid = source.required('chaincode-id');
  const options: ResolvedServerOptions = {
    address,
    ccid,
    grpc: grpcOptions(source),
    logging: resolveLogging(input.env),
    modulePath: modulePath(source, input),
  };
  const tls = serverTls(source);
  if (tls !== undefined) options.tls = tls;
  const localMspId = source.envValue('CORE_PEER_LOCALMSPID');
  if (localMspId !== undefined) options.localMspId = localMspId;
  const batching = autoWriteBatch(source);
  if (batching !== undefined) options.autoWriteBatch = batching;
  return options;
}
