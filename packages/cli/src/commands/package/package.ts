import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { errorMessage } from '@chaincode/contract-api/internal';
import type { CliContext } from '../../context';
import { CliError } from '../../errors/cli-error';
import { defaultLabel } from '../../project/names';
import { readPackageJson } from '../../project/package-json';
import { BUNDLE_DIR, bundleDependencies, type BundledPackage } from './bundle';
import { ccaasPackage, checkLabel, nodePackage, type ChaincodePackage } from './chaincode-package';
import { connectionJson, type ConnectionFlags } from './connection';
import { readIgnoreRules } from './ignore-rules';
import { localDependencies } from './local-dependencies';
import { projectFiles } from './project-files';
import type { TarEntry } from './tar-archive';

export interface PackageOptions extends ConnectionFlags {
  readonly dir: string;
  readonly type: 'ccaas' | 'node';
  readonly label?: string;
  readonly output?: string;
  /** node: put the production dependencies (node_modules) in the package, for peers without a registry. */
  readonly bundle?: boolean;
  /** Replace a different package already at the output path. */
  readonly force?: boolean;
  /** node: skip loading the module (its contracts and metadata are then not checked). */
  readonly skipModuleCheck?: boolean;
}

export interface PackageResult extends ChaincodePackage {
  readonly file: string;
  readonly warnings: readonly string[];
  /** False when the same package was already at the output path. */
  readonly written: boolean;
  /** With --bundle: the packages put in. */
  readonly bundled: readonly BundledPackage[];
}

/**
 * The only files the peer takes from a code package's META-INF/: CouchDB index definitions, for the
 * world state or a collection (the paths `peer lifecycle chaincode package` accepts there).
 */
const INDEX_FILE = /^META-INF\/statedb\/couchdb\/(?:collections\/[A-Za-z0-9_-]+\/)?indexes\/.*\.json$/;

/** `chaincode package`: write the chaincode package file and return its id. */
export async function packageChaincode(ctx: CliContext, options: PackageOptions): Promise<PackageResult> {
  const dir = resolve(ctx.cwd, options.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CliError('CC_CLI_FILE_ERROR', `${dir} is not a directory`);
  }
  const pkg = readPackageJson(dir);
  const label = checkLabel(options.label ?? labelOf(pkg));
  const warnings: string[] = [];
  let bundled: readonly BundledPackage[] = [];
  let built: ChaincodePackage;
  if (options.type === 'ccaas') {
    const indexes = projectFiles(dir, undefined, 'META-INF').filter(isIndexFile);
    built = ccaasPackage(label, connectionJson(ctx.cwd, dir, options), indexes);
  } else {
    if (Object.keys(pkg).length === 0) {
      throw new CliError('CC_CLI_FILE_ERROR', `${dir} has no package.json; a node chaincode package needs one`);
    }
    if (options.skipModuleCheck !== true) await checkModule(dir);
    let sources = checkMetaInf(projectFiles(dir, readIgnoreRules(dir)), warnings);
    if (options.bundle === true) {
      ctx.stderr.write(`Bundling the production dependencies of ${dir} from its node_modules ...\n`);
      const bundle = bundleDependencies(dir, pkg);
      bundled = bundle.packages;
      const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value, null, 2) + '\n');
      sources = [
        ...sources.filter((s) => !isLockfile(s.path) && s.path !== 'package.json' && !s.path.startsWith('.chaincode/')),
        { path: 'package.json', content: json(bundle.packageJson) },
        { path: 'package-lock.json', content: json(bundle.lockfile) },
        ...bundle.entries,
      ];
      const bytes = bundle.entries.reduce((sum, e) => sum + e.content.length, 0);
      ctx.stderr.write(
        `Bundled ${bundle.packages.length} packages (${(bytes / 1024 / 1024).toFixed(1)} MB) into ${BUNDLE_DIR}, with a package-lock.json that resolves them there.\n`,
      );
      const native = bundle.packages.filter((p) => p.native).map((p) => `${p.name}@${p.version}`);
      if (native.length > 0) {
        warnings.push(
          `${native.join(', ')} ${native.length === 1 ? 'runs an install script' : 'run install scripts'} on the peer (npm ci): one that downloads or compiles needs what the peer may not have`,
        );
      }
    } else {
      sources = withLocalDependencies(dir, pkg, sources);
    }
    built = nodePackage(label, sources);
  }
  const file = resolve(ctx.cwd, options.output ?? `${label}.tar.gz`);
  const written = await writePackage(file, built, options.force === true);
  return { ...built, file, warnings, written, bundled };
}

/**
 * A node package must load as the peer will load it: contracts exported, metadata valid, and every
 * parameter's schema usable (the chaincode compiles each on its transaction's first call: a schema
 * that cannot compile would otherwise first show as failing calls on the peer).
 */
async function checkModule(dir: string): Promise<void> {
  const { loadChaincodeForCommand, unusableParameters } = await import('@chaincode/shim/internal');
  const unusable = unusableParameters(await loadChaincodeForCommand(dir));
  if (unusable.length > 0) {
    throw new CliError(
      'CC_CLI_INVALID_METADATA',
      `the contract module in ${dir} has ${unusable.length === 1 ? 'a parameter' : 'parameters'} that cannot be checked: ` +
        unusable.map((e) => e.message).join('; '),
    );
  }
}

/**
 * Dependencies installed from the file system: those inside the project go in the package whatever
 * the ignore rules say (the peer's `npm install` resolves them there); a production dependency (or
 * an override) pointing outside cannot be resolved on the peer, unless --bundle ships it installed.
 * A devDependency outside is harmless when package-lock.json is shipped (the peer then runs
 * `npm ci --omit=dev`, which never reads it); without one, `npm install` would look for it.
 */
function withLocalDependencies(dir: string, pkg: Record<string, unknown>, sources: TarEntry[]): TarEntry[] {
  const shipsLockfile = sources.some((s) => isLockfile(s.path));
  const outside = localDependencies(dir, pkg).filter(
    (d) => d.inside === undefined && (d.section !== 'devDependencies' || !shipsLockfile),
  );
  if (outside.length > 0) {
    const list = outside.map((d) => `${d.name} (${d.section}: ${d.spec})`).join(', ');
    throw new CliError(
      'CC_CLI_DEPENDENCY_OUTSIDE',
      `${list} ${outside.length === 1 ? 'points' : 'point'} outside ${dir}, where a peer's npm install cannot find ${outside.length === 1 ? 'it' : 'them'}; ` +
        'package with --bundle to ship the installed dependencies, or move them into the project',
    );
  }
  const have = new Set(sources.map((s) => s.path));
  const extra: TarEntry[] = [];
  for (const dependency of localDependencies(dir, pkg)) {
    if (dependency.inside === undefined) continue;
    const entries = existsSync(dependency.path)
      ? statSync(dependency.path).isDirectory()
        ? projectFiles(dir, undefined, dependency.inside).filter((e) => !e.path.includes('/node_modules/'))
        : [{ path: dependency.inside, content: readFileSync(dependency.path) }]
      : [];
    if (entries.length === 0) {
      throw new CliError(
        'CC_CLI_FILE_ERROR',
        `${dependency.name} (${dependency.section}: ${dependency.spec}) points at ${dependency.path}, which does not exist; run npm install`,
      );
    }
    for (const entry of entries) {
      if (have.has(entry.path)) continue;
      have.add(entry.path);
      extra.push(entry);
    }
  }
  return [...sources, ...extra];
}

/** Write the package, unless a different one is there and `force` was not given. */
async function writePackage(file: string, built: ChaincodePackage, force: boolean): Promise<boolean> {
  if (existsSync(file)) {
    const existing = readFileSync(file);
    if (existing.equals(built.bytes)) return false;
    if (!force) {
      throw new CliError(
        'CC_CLI_PACKAGE_EXISTS',
        `${file} already holds a different package labelled ${built.label}; raise the version (or --label), choose another --output, or pass --force to replace it`,
      );
    }
  }
  try {
    await writeFile(file, built.bytes);
  } catch (err) {
    throw new CliError('CC_CLI_FILE_ERROR', `cannot write ${file}: ${errorMessage(err)}`, { cause: err });
  }
  return true;
}

function isLockfile(path: string): boolean {
  return path === 'package-lock.json' || path === 'npm-shrinkwrap.json';
}

function labelOf(pkg: Record<string, unknown>): string {
  if (typeof pkg.name !== 'string') {
    throw new CliError('CC_CLI_INVALID_ARGUMENT', 'no package.json name to derive a label from; pass --label');
  }
  return defaultLabel(pkg.name, typeof pkg.version === 'string' ? pkg.version : undefined);
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
