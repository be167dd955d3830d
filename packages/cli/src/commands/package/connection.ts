import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { errorMessage } from '@chaincode/contract-api/internal';
import { CliError } from '../../errors/cli-error';
import type { ConnectionJson } from './chaincode-package';

/** The ccaas flags of `chaincode package`; each one overrides the project's connection.json. */
export interface ConnectionFlags {
  readonly address?: string;
  readonly dialTimeout?: string;
  readonly tlsRequired?: boolean;
  readonly rootCert?: string;
  readonly clientAuth?: boolean;
  readonly clientKey?: string;
  readonly clientCert?: string;
}

/** The file a ccaas project keeps its connection in (the one the peer's ccaas builder reads). */
export const CONNECTION_FILE = 'connection.json';

/**
 * The connection.json of a ccaas package: the project's own connection.json when it has one, with
 * the flags given on the command line taking precedence field by field (PEM files are read from
 * `cwd`).
 */
export function connectionJson(cwd: string, projectDir: string, flags: ConnectionFlags): ConnectionJson {
  const file = join(projectDir, CONNECTION_FILE);
  const base = existsSync(file) ? readConnectionFile(file) : {};
  const address = connectionAddress(file, base, flags);
  const read = (flag: string, path: string | undefined): string | undefined => {
    if (path === undefined) return undefined;
    const full = resolve(cwd, path);
    try {
      return readFileSync(full, 'utf8');
    } catch (err) {
      throw new CliError('CC_CLI_FILE_ERROR', `cannot read ${flag} ${full}: ${errorMessage(err)}`, { cause: err });
    }
  };
  if (flags.clientAuth === true && (flags.clientKey === undefined || flags.clientCert === undefined)) {
    throw new CliError(
      'CC_CLI_INVALID_ARGUMENT',
      '--client-auth needs --client-key and --client-cert (the key pair the peer presents to the service)',
    );
  }
  const rootCert = read('--root-cert', flags.rootCert) ?? stringField(base, 'root_cert');
  const clientKey = read('--client-key', flags.clientKey) ?? stringField(base, 'client_key');
  const clientCert = read('--client-cert', flags.clientCert) ?? stringField(base, 'client_cert');
  const clientAuth = flags.clientAuth ?? base.client_auth_required === true;
  const tls =
    flags.tlsRequired === true ||
    flags.rootCert !== undefined ||
    flags.clientAuth === true ||
    base.tls_required === true;
  const dialTimeout = flags.dialTimeout ?? stringField(base, 'dial_timeout') ?? '10s';
  const connection: Record<string, unknown> = { address, dial_timeout: dialTimeout, tls_required: tls };
  if (tls) {
    connection.client_auth_required = clientAuth;
    if (rootCert !== undefined) connection.root_cert = rootCert;
    if (clientKey !== undefined) connection.client_key = clientKey;
    if (clientCert !== undefined) connection.client_cert = clientCert;
  }
  return connection as unknown as ConnectionJson;
}

function connectionAddress(file: string, base: Record<string, unknown>, flags: ConnectionFlags): string {
  const address = flags.address ?? stringField(base, 'address');
  if (address === undefined) {
    throw new CliError(
      'CC_CLI_INVALID_ARGUMENT',
      `--type ccaas needs --address host:port (where the peer reaches the service), or ${file} with an address`,
    );
  }
  if (!/^[^\s:/]+:\d{1,5}$/.test(address)) {
    throw new CliError('CC_CLI_INVALID_ARGUMENT', `the address "${address}" is not host:port`);
  }
  return address;
}

function readConnectionFile(file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliError('CC_CLI_FILE_ERROR', `${file} is not valid JSON: ${errorMessage(err)}`, { cause: err });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError('CC_CLI_FILE_ERROR', `${file} must hold a JSON object such as {"address": "host:9999"}`);
  }
  return value as Record<string, unknown>;
}

function stringField(object: Record<string, unknown>, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}
