import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { CliError } from '../../errors/cli-error';
import type { CliContext } from '../../context';
import { ccaasPackage, checkLabel, nodePackage, type ChaincodePackage, type ConnectionJson } from './chaincode-package';
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

/**
 * The only files the peer takes from a code package's META-INF/: CouchDB index definitions, for the
 * world state or a collection (the paths `peer lifecycle chaincode package` accepts there).
 */
const INDEX_FILE = /^META-INF\/statedb\/couchdb\/(?:collections\/[A-Za-z0-9_-]+\/)?indexes\/.*\.json$/;

/** `cc package`: write the chaincode package file and return its id. */
export async function packageChaincode(ctx: CliContext, options: PackageOptions): Promise<PackageResult> {
  const dir = resolve(ctx.cwd, options.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CliError('CC_CLI_FILE_ERROR', `${dir} is not a directory`);
  }
  const pkg = readPackageJson(dir);
  const label = checkLabel(options.label ?? defaultLabel(pkg));
  const warnings: string[] = [];
  const built =
    options.type === 'ccaas'
      ? ccaasPackage(label, connectionJson(ctx, options), projectFiles(dir, 'META-INF').filter(isIndexFile))
      : nodePackage(label, checkMetaInf(nodeSources(dir, pkg, warnings), warnings));
  const file = resolve(ctx.cwd, options.output ?? `${label}.tar.gz`);
  try {
    await writeFile(file, built.bytes);
  } catch (err) {
    throw new CliError('CC_CLI_FILE_ERROR', `cannot write ${file}: ${(err as Error).message}`, { cause: err });
  }
  return { ...built, file, warnings };
}

function readPackageJson(dir: string): Record<string, unknown> {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new CliError('CC_CLI_FILE_ERROR', `${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * `<name>_<version>` from package.json, without the scope, and with what Fabric refuses in a label
 * replaced: other symbols become `_`, a run of separators keeps its first, none at either end.
 */
function defaultLabel(pkg: Record<string, unknown>): string {
  if (typeof pkg.name !== 'string') {
    throw new CliError('CC_CLI_INVALID_ARGUMENT', 'no package.json name to derive a label from; pass --label');
  }
  const name = labelSafe(pkg.name.replace(/^@[^/]+\//, ''));
  return typeof pkg.version === 'string' ? labelSafe(`${name}_${pkg.version}`) : name;
}

function labelSafe(text: string): string {
  return text
    .replace(/[^A-Za-z0-9_.+-]/g, '_')
    .replace(/([_.+-])[_.+-]+/g, '$1')
    .replace(/^[_.+-]+|[_.+-]+$/g, '');
}

function connectionJson(ctx: CliContext, options: PackageOptions): ConnectionJson {
  if (options.address === undefined || !/^[^\s:]+:\d+$/.test(options.address)) {
    throw new CliError(
      'CC_CLI_INVALID_ARGUMENT',
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
      throw new CliError('CC_CLI_FILE_ERROR', `cannot read ${flag} ${path}: ${(err as Error).message}`, { cause: err });
    }
  };
  if (options.clientAuth === true && (options.clientKey === undefined || options.clientCert === undefined)) {
    throw new CliError(
      'CC_CLI_INVALID_ARGUMENT',
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
    throw new CliError('CC_CLI_FILE_ERROR', `${dir} has no package.json; a node chaincode package needs one`);
  }
  const main = typeof pkg.main === 'string' ? pkg.main : 'index.js';
  if (!existsSync(resolve(dir, main)) && !existsSync(resolve(dir, `${main}.js`))) {
    warnings.push(`package.json main (${main}) does not exist yet: build before packaging (npm run build)`);
  }
  return projectFiles(dir);
}

/** The files of the project (or of one of its folders), by path relative to the project, without EXCLUDED. */
function projectFiles(dir: string, folder = ''): TarEntry[] {
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
  const root = join(dir, folder);
  if (existsSync(root) && statSync(root).isDirectory()) walk(root);
  return entries;
}

function isHidden(path: string): boolean {
  return basename(path).startsWith('.');
}

function isIndexFile(entry: TarEntry): boolean {
  return INDEX_FILE.test(entry.path) && !isHidden(entry.path);
}

/**
 * Check the META-INF/ entries of a node package as the peer CLI does: hidden files are left out
 * (with a warning), anything but a CouchDB index definition is refused. Contract metadata cannot go
 * there: the peer keeps META-INF/ apart from the chaincode's src/, so it goes in
 * contract-metadata/metadata.json. (A ccaas package takes just the index files: the service reads
 * its own metadata where it runs.)
 */
function checkMetaInf(entries: readonly TarEntry[], warnings: string[]): TarEntry[] {
  return entries.filter((entry) => {
    if (!entry.path.startsWith('META-INF/')) return true;
    if (isHidden(entry.path)) {
      warnings.push(`${entry.path} is not packaged: hidden files in META-INF are ignored (as by the peer CLI)`);
      return false;
    }
    if (!isIndexFile(entry)) {
      throw new CliError(
        'CC_CLI_INVALID_ARGUMENT',
        `${entry.path} cannot be packaged: META-INF may hold only CouchDB indexes ` +
          '(META-INF/statedb/couchdb/indexes/*.json, META-INF/statedb/couchdb/collections/<name>/indexes/*.json); ' +
          'contract metadata goes in contract-metadata/metadata.json',
      );
    }
    return true;
  });
}
