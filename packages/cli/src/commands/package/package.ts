import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { CliError } from '../../cli-error';
import type { CliContext } from '../../context';
import {
  ccaasPackage,
  LABEL_PATTERN,
  nodePackage,
  type ChaincodePackage,
  type ConnectionJson,
} from './chaincode-package';
import type { TarEntry } from './tar-archive';

export interface PackageOptions {
  readonly dir: string;
  readonly type: 'ccaas' | 'node';
  readonly label?: string;
  readonly output?: string;
  readonly address?: string;
  readonly dialTimeout?: string;
  readonly tlsRequired?: boolean;
  readonly rootCert?: string;
  readonly clientAuth?: boolean;
  readonly clientKey?: string;
  readonly clientCert?: string;
}

export interface PackageResult extends ChaincodePackage {
  readonly file: string;
  readonly warnings: readonly string[];
}

/** Never part of a node source package: installs, VCS data, local state, earlier packages. */
const EXCLUDED = new Set(['node_modules', '.git', '.cc-dev.json', 'coverage', '.DS_Store']);

/** `cc package`: write the chaincode package file and return its id. */
export async function packageChaincode(ctx: CliContext, options: PackageOptions): Promise<PackageResult> {
  const dir = resolve(ctx.cwd, options.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CliError('FILE_ERROR', `${dir} is not a directory`);
  }
  const pkg = readPackageJson(dir);
  const label = options.label ?? defaultLabel(pkg);
  if (!LABEL_PATTERN.test(label)) {
    throw new CliError(
      'INVALID_ARGUMENT',
      `invalid label "${label}": letters, digits and _ . + - only, starting with a letter or digit (set --label)`,
    );
  }
  const warnings: string[] = [];
  const built =
    options.type === 'ccaas'
      ? ccaasPackage(label, connectionJson(ctx, options))
      : nodePackage(label, nodeSources(dir, pkg, warnings));
  const file = resolve(ctx.cwd, options.output ?? `${label}.tar.gz`);
  try {
    await writeFile(file, built.bytes);
  } catch (err) {
    throw new CliError('FILE_ERROR', `cannot write ${file}: ${(err as Error).message}`, { cause: err });
  }
  return { ...built, file, warnings };
}

function readPackageJson(dir: string): Record<string, unknown> {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new CliError('FILE_ERROR', `${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}

/** `<name>_<version>` from package.json, with the scope and characters Fabric refuses removed. */
function defaultLabel(pkg: Record<string, unknown>): string {
  if (typeof pkg.name !== 'string') {
    throw new CliError('INVALID_ARGUMENT', 'no package.json name to derive a label from; pass --label');
  }
  const name = pkg.name.replace(/^@[^/]+\//, '').replace(/[^A-Za-z0-9_.+-]/g, '_');
  const version = typeof pkg.version === 'string' ? `_${pkg.version}` : '';
  return `${name}${version}`;
}

function connectionJson(ctx: CliContext, options: PackageOptions): ConnectionJson {
  if (options.address === undefined || !/^[^\s:]+:\d+$/.test(options.address)) {
    throw new CliError(
      'INVALID_ARGUMENT',
      '--type ccaas needs --address host:port (where the peer reaches the service)',
    );
  }
  const tls = options.tlsRequired === true || options.rootCert !== undefined || options.clientAuth === true;
  const read = (flag: string, file: string | undefined): string | undefined => {
    if (file === undefined) return undefined;
    const path = resolve(ctx.cwd, file);
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      throw new CliError('FILE_ERROR', `cannot read ${flag} ${path}: ${(err as Error).message}`, { cause: err });
    }
  };
  if (options.clientAuth === true && (options.clientKey === undefined || options.clientCert === undefined)) {
    throw new CliError(
      'INVALID_ARGUMENT',
      '--client-auth needs --client-key and --client-cert (the key pair the peer presents to the service)',
    );
  }
  const connection: Record<string, unknown> = {
    address: options.address,
    dial_timeout: options.dialTimeout ?? '10s',
    tls_required: tls,
  };
  if (tls) {
    connection.client_auth_required = options.clientAuth === true;
    const rootCert = read('--root-cert', options.rootCert);
    if (rootCert !== undefined) connection.root_cert = rootCert;
    const clientKey = read('--client-key', options.clientKey);
    if (clientKey !== undefined) connection.client_key = clientKey;
    const clientCert = read('--client-cert', options.clientCert);
    if (clientCert !== undefined) connection.client_cert = clientCert;
  }
  return connection as unknown as ConnectionJson;
}

function nodeSources(dir: string, pkg: Record<string, unknown>, warnings: string[]): TarEntry[] {
  if (Object.keys(pkg).length === 0) {
    throw new CliError('FILE_ERROR', `${dir} has no package.json; a node chaincode package needs one`);
  }
  const main = typeof pkg.main === 'string' ? pkg.main : 'index.js';
  if (!existsSync(resolve(dir, main)) && !existsSync(resolve(dir, `${main}.js`))) {
    warnings.push(`package.json main (${main}) does not exist yet: build before packaging (npm run build)`);
  }
  const entries: TarEntry[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      if (EXCLUDED.has(name) || name.endsWith('.tar.gz')) continue;
      const full = join(current, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile())
        entries.push({ path: relative(dir, full).split('\\').join('/'), content: readFileSync(full) });
    }
  };
  walk(dir);
  return entries;
}
