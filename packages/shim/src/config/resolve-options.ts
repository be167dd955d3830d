import { readFileSync } from 'node:fs';
import { errorMessage } from '@chaincode/contract-api/internal';
import { InvalidOptionsError } from '../errors/shim-error';
import { parseHostPort } from '../peer/address';
import {
  GRPC_OPTION_NAMES,
  RECONNECT_FOREVER,
  type ChaincodeClientOptions,
  type ChaincodeServerOptions,
  type GrpcOptions,
  type ServerTlsOptions,
} from '../peer/options';
import { serverCommandOptions, startCommandOptions } from './command-flags';
import { resolveLogging, type LoggingEnvironment } from './logging-options';
import { describeOption, OptionSource, type OptionsInput } from './option-source';
import { parseCommandArgs } from './parse-args';

export type { OptionsInput, ParsedArgs } from './option-source';
export { resolveLogging, type LoggingEnvironment } from './logging-options';

/** Client-mode options as resolved from flags and environment, plus what the launcher needs. */
export type ResolvedClientOptions = ChaincodeClientOptions & { logging: LoggingEnvironment; modulePath: string };
/** Server-mode options as resolved from flags and environment, plus what the launcher needs. */
export type ResolvedServerOptions = ChaincodeServerOptions & { logging: LoggingEnvironment; modulePath: string };

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
  // '' only comes from the command line (an empty variable counts as unset): a bare flag
  if (raw === '') throw new InvalidOptionsError('--auto-write-batch needs a value');
  const value = raw.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InvalidOptionsError(
    `${describeOption('auto-write-batch')} must be true or false, got ${JSON.stringify(raw)}`,
  );
}

/** An address option, checked before anything dials or binds (no DNS lookup for a bad one). */
function address(option: string, value: string, allowAnyPort: boolean): string {
  const parsed = parseHostPort(value, allowAnyPort);
  if ('problem' in parsed)
    throw new InvalidOptionsError(`${describeOption(option)} must be host:port: ${parsed.problem}`);
  return value;
}

/** Set `target[key]` to the integer option when it is given. */
function setInteger<T extends object>(
  target: T,
  key: keyof T,
  source: OptionSource,
  option: string,
  min: number,
): void {
  const value = source.integer(option, min);
  if (value !== undefined) (target as Record<keyof T, number>)[key] = value;
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
 * `--ssl-target-name-override`, the timeouts (`--connect-timeout-ms`, `--reconnect-timeout-ms`,
 * `--request-timeout-ms`) and the `--grpc.*` options, each also from CORE_<UPPER_SNAKE>; and the
 * variables a peer sets: CORE_PEER_TLS_ENABLED, CORE_PEER_TLS_ROOTCERT_FILE, CORE_TLS_CLIENT_KEY_FILE /
 * _CERT_FILE (PEM) or CORE_TLS_CLIENT_KEY_PATH / _CERT_PATH (base64), CORE_PEER_LOCALMSPID and the
 * logging variables. A process started this way keeps registering again after a lost connection
 * unless told otherwise (`reconnectTimeoutMs` -1).
 */
export function resolveClientOptions(input: OptionsInput): ResolvedClientOptions {
  const source = new OptionSource(input);
  // fabric-shim's legacy form `--CORE_PEER_ADDRESS <addr>` wins over --peer.address.
  const legacy = source.arg('CORE_PEER_ADDRESS');
  const peerAddress =
    legacy === undefined
      ? address('peer.address', source.required('peer.address'), false)
      : address('CORE_PEER_ADDRESS', legacy, false);
  const chaincodeIdName = source.required('chaincode-id-name');
  const options: ResolvedClientOptions = {
    peerAddress,
    chaincodeIdName,
    grpc: grpcOptions(source),
    reconnectTimeoutMs: RECONNECT_FOREVER,
    logging: resolveLogging(input.env),
    modulePath: modulePath(source, input),
  };
  setInteger(options, 'connectTimeoutMs', source, 'connect-timeout-ms', 1);
  setInteger(options, 'reconnectTimeoutMs', source, 'reconnect-timeout-ms', -1);
  setInteger(options, 'requestTimeoutMs', source, 'request-timeout-ms', 1);
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

/** Where one TLS item comes from: its option name, the file, and how to read it. */
interface TlsFile {
  readonly option: string;
  readonly path: string;
  readonly read: (path: string, what: string) => Buffer;
}

/** `--chaincode-tls-<item>-file` (PEM) or `-path` (base64); both given (flag or variable) is a conflict. */
function serverTlsItem(source: OptionSource, item: ServerTlsItem): TlsFile | undefined {
  const fileOption = `chaincode-tls-${item}-file`;
  const pathOption = `chaincode-tls-${item}-path`;
  const file = source.string(fileOption);
  const path = source.string(pathOption);
  if (file !== undefined && path !== undefined) {
    throw new InvalidOptionsError(
      `${describeOption(fileOption)} and ${describeOption(pathOption)} conflict: give only one of them`,
    );
  }
  if (file !== undefined) return { option: `--${fileOption}`, path: file, read: readPemFile };
  if (path !== undefined) return { option: `--${pathOption}`, path, read: readBase64File };
  return undefined;
}

/**
 * The official rule, for flags and variables alike: once any server TLS option is given, a key and
 * a certificate are both needed. Checked before anything else of `server`, files read later.
 */
function serverTlsFiles(source: OptionSource): { key: TlsFile; cert: TlsFile; ca?: TlsFile } | undefined {
  const cert = serverTlsItem(source, 'cert');
  const key = serverTlsItem(source, 'key');
  const ca = serverTlsItem(source, 'client-cacert');
  if (cert === undefined && key === undefined && ca === undefined) return undefined;
  if (key === undefined) {
    throw new InvalidOptionsError(
      `a TLS option is set but no key: give ${describeOption('chaincode-tls-key-file')} or ${describeOption('chaincode-tls-key-path')}`,
    );
  }
  if (cert === undefined) {
    throw new InvalidOptionsError(
      `a TLS option is set but no certificate: give ${describeOption('chaincode-tls-cert-file')} or ${describeOption('chaincode-tls-cert-path')}`,
    );
  }
  return ca === undefined ? { key, cert } : { key, cert, ca };
}

function readTls(files: { key: TlsFile; cert: TlsFile; ca?: TlsFile }): ServerTlsOptions {
  const read = (file: TlsFile): Buffer => file.read(file.path, file.option);
  const cert = read(files.cert);
  const key = read(files.key);
  return files.ca === undefined ? { key, cert } : { key, cert, clientCACerts: read(files.ca) };
}

/**
 * Server mode (`server`, chaincode as a service): `--chaincode-address`, `--chaincode-id`, the
 * `--chaincode-tls-*` files, `--connect-timeout-ms`, `--request-timeout-ms`, `--module-path` and
 * the `--grpc.*` options, each also from its CORE_ variable.
 */
export function resolveServerOptions(input: OptionsInput): ResolvedServerOptions {
  const source = new OptionSource(input);
  const tlsFiles = serverTlsFiles(source);
  const listen = address('chaincode-address', source.required('chaincode-address'), true);
  const ccid = source.required('chaincode-id');
  const options: ResolvedServerOptions = {
    address: listen,
    ccid,
    grpc: grpcOptions(source),
    logging: resolveLogging(input.env),
    modulePath: modulePath(source, input),
  };
  setInteger(options, 'connectTimeoutMs', source, 'connect-timeout-ms', 1);
  setInteger(options, 'requestTimeoutMs', source, 'request-timeout-ms', 1);
  if (tlsFiles !== undefined) options.tls = readTls(tlsFiles);
  const localMspId = source.envValue('CORE_PEER_LOCALMSPID');
  if (localMspId !== undefined) options.localMspId = localMspId;
  const batching = autoWriteBatch(source);
  if (batching !== undefined) options.autoWriteBatch = batching;
  return options;
}

/** `start`'s arguments and environment → options, parsing `argv` (what follows `start`) first. */
export function resolveClientArgv(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd?: string,
): ResolvedClientOptions {
  return resolveClientOptions({
    args: parseCommandArgs(argv, startCommandOptions),
    env,
    ...(cwd === undefined ? {} : { cwd }),
  });
}

/** `server`'s arguments and environment → options, parsing `argv` (what follows `server`) first. */
export function resolveServerArgv(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd?: string,
): ResolvedServerOptions {
  return resolveServerOptions({
    args: parseCommandArgs(argv, serverCommandOptions),
    env,
    ...(cwd === undefined ? {} : { cwd }),
  });
}
