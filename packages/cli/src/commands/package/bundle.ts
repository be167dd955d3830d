import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { errorMessage } from '@chaincode/contract-api/internal';
import { CliError } from '../../errors/cli-error';
import { localSpecPath } from './local-dependencies';
import { projectFiles } from './project-files';
import { storedGzip } from './stored-gzip';
import { createTar, type TarEntry } from './tar-archive';

/** One installed package put into the bundle. */
export interface BundledPackage {
  readonly name: string;
  readonly version: string;
  /** Where it is installed, e.g. `node_modules/@grpc/grpc-js`. */
  readonly path: string;
  /** The tarball it ships as, relative to the project, e.g. `.chaincode/bundle/@grpc+grpc-js-1.14.7.tgz`. */
  readonly tarball: string;
  /** Has a native build step (the peer's `npm ci` runs it). */
  readonly native: boolean;
}

export interface Bundle {
  /** The tarballs, at their paths in the project. */
  readonly entries: readonly TarEntry[];
  readonly packages: readonly BundledPackage[];
  /** The project's package.json as it ships with the bundle (see {@link bundledPackageJson}). */
  readonly packageJson: Manifest;
  /** A package-lock.json that resolves every package to its tarball. */
  readonly lockfile: Manifest;
}

/** Where a bundle keeps its tarballs, inside the project as the package ships it. */
export const BUNDLE_DIR = '.chaincode/bundle';

type Manifest = Record<string, unknown>;

/** Everything but a package's own node_modules (its dependencies are walked one by one). */
const PACKAGE_RULES = { ignores: (path: string, isDirectory: boolean) => isDirectory && path === 'node_modules' };

/** The fields of a package's manifest a lockfile entry repeats. */
const LOCK_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies', 'bin', 'engines', 'license'] as const;

/**
 * The production dependencies of a project, as installed in its node_modules, each packed into a
 * tarball under `.chaincode/bundle/`, with a package-lock.json that places every package where npm
 * placed it and resolves it to its tarball. The peer's node builder runs `npm ci` when a lockfile
 * is present: it then installs everything from the package itself, with no registry, and links
 * bins and runs install scripts as npm always does (a chaincode package may hold regular files
 * only, so node_modules cannot travel as it is).
 */
export function bundleDependencies(projectDir: string, pkg: Manifest): Bundle {
  const packages = new Map<string, BundledPackage>();
  const tarballs = new Map<string, TarEntry>();
  const lockEntries: Record<string, Manifest> = {};
  const visit = (fromReal: string, fromPath: string, deps: Record<string, 'required' | 'optional'>): void => {
    for (const [name, need] of Object.entries(deps)) {
      const found = resolvePackage(projectDir, fromReal, fromPath, name);
      if (found === undefined) {
        if (need === 'optional') continue;
        throw new CliError(
          'CC_CLI_BUNDLE_FAILED',
          `${name} (needed by ${fromPath === '' ? 'the project' : fromPath}) is not installed; run npm install, then package again`,
        );
      }
      if (packages.has(found.path)) continue;
      const manifest = readManifest(join(found.real, 'package.json'));
      const version = typeof manifest.version === 'string' ? manifest.version : '0.0.0';
      const tarball = `${BUNDLE_DIR}/${name.replace('/', '+')}-${version}.tgz`;
      if (!tarballs.has(tarball)) tarballs.set(tarball, { path: tarball, content: packTarball(found.real) });
      const content = (tarballs.get(tarball) as TarEntry).content;
      const native = isNative(found.real, manifest);
      packages.set(found.path, { name, version, path: found.path, tarball, native });
      const entry: Manifest = {
        version,
        resolved: `file:${tarball}`,
        integrity: `sha512-${createHash('sha512').update(content).digest('base64')}`,
      };
      for (const field of LOCK_FIELDS) if (manifest[field] !== undefined) entry[field] = manifest[field];
      if (native) entry.hasInstallScript = true;
      if (need === 'optional') entry.optional = true;
      lockEntries[found.path] = entry;
      visit(found.real, found.path, dependenciesOf(manifest, false));
    }
  };
  visit(realpathSync(projectDir), '', dependenciesOf(pkg, true));
  const list = [...packages.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  const packageJson = bundledPackageJson(pkg, list);
  const root: Manifest = { name: pkg.name, version: pkg.version };
  for (const field of ['dependencies', 'optionalDependencies', 'engines', 'license'] as const) {
    if (packageJson[field] !== undefined) root[field] = packageJson[field];
  }
  const sortedEntries = Object.fromEntries(Object.entries(lockEntries).sort(([a], [b]) => (a < b ? -1 : 1)));
  const lockfile: Manifest = {
    name: pkg.name,
    version: pkg.version,
    lockfileVersion: 3,
    requires: true,
    packages: { '': root, ...sortedEntries },
  };
  return { entries: [...tarballs.values()], packages: list, packageJson, lockfile };
}

/** A package folder as npm packs it: every file under `package/`, without its node_modules. */
function packTarball(dir: string): Buffer {
  const files = projectFiles(dir, PACKAGE_RULES).map((f) => ({ path: `package/${f.path}`, content: f.content }));
  return storedGzip(createTar(files));
}

/** dependencies (required), optionalDependencies and peerDependencies (taken when installed). */
function dependenciesOf(manifest: Manifest, isProject: boolean): Record<string, 'required' | 'optional'> {
  const out: Record<string, 'required' | 'optional'> = {};
  const take = (section: string, need: 'required' | 'optional'): void => {
    const deps = manifest[section];
    if (typeof deps !== 'object' || deps === null) return;
    for (const name of Object.keys(deps)) {
      // a package's bundled dependencies travel inside it
      if (out[name] === undefined && !isBundledByPackage(manifest, name)) out[name] = need;
    }
  };
  take('dependencies', 'required');
  take('optionalDependencies', 'optional');
  if (!isProject) take('peerDependencies', 'optional');
  return out;
}

function isBundledByPackage(manifest: Manifest, name: string): boolean {
  const bundled = manifest.bundleDependencies ?? manifest.bundledDependencies;
  return Array.isArray(bundled) && bundled.includes(name);
}

/**
 * Node's lookup from a package's real folder: its node_modules, then each parent's. A package
 * found inside the project keeps its place; one found elsewhere (the target of a `file:` link) is
 * nested under the package that needs it.
 */
function resolvePackage(
  projectDir: string,
  fromReal: string,
  fromPath: string,
  name: string,
): { real: string; path: string } | undefined {
  const root = realpathSync(projectDir);
  for (let dir = fromReal; ; dir = dirname(dir)) {
    if (basename(dir) !== 'node_modules') {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) {
        const rel = relative(root, candidate);
        const inside = !rel.startsWith('..') && !isAbsolute(rel);
        const path = inside
          ? rel.split('\\').join('/')
          : `${fromPath === '' ? '' : fromPath + '/'}node_modules/${name}`;
        return { real: realpathSync(candidate), path };
      }
    }
    if (dirname(dir) === dir) break;
  }
  // a linked package's dependencies may have been hoisted into the project instead
  return fromReal === root ? undefined : resolvePackage(projectDir, root, '', name);
}

function isNative(dir: string, manifest: Manifest): boolean {
  const scripts = (manifest.scripts ?? {}) as Record<string, unknown>;
  return (
    manifest.gypfile === true ||
    existsSync(join(dir, 'binding.gyp')) ||
    ['preinstall', 'install', 'postinstall'].some((s) => typeof scripts[s] === 'string')
  );
}

function readManifest(file: string): Manifest {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (err) {
    throw new CliError('CC_CLI_BUNDLE_FAILED', `cannot read ${file}: ${errorMessage(err)}`, { cause: err });
  }
}

/**
 * The package.json a bundled package ships: no devDependencies and no overrides (the lockfile pins
 * every package, and npm ci refuses a package.json that disagrees with it), and every dependency
 * that names a place rather than a version (`file:`, `link:`, git, URLs) pointing at its tarball.
 */
export function bundledPackageJson(pkg: Manifest, bundled: readonly BundledPackage[]): Manifest {
  const out: Manifest = { ...pkg };
  delete out.devDependencies;
  delete out.overrides;
  const tarballOf = new Map(bundled.filter((p) => p.path === `node_modules/${p.name}`).map((p) => [p.name, p.tarball]));
  for (const section of ['dependencies', 'optionalDependencies'] as const) {
    const deps = pkg[section];
    if (typeof deps !== 'object' || deps === null) continue;
    out[section] = Object.fromEntries(
      Object.entries(deps as Record<string, unknown>).map(([name, spec]) => {
        const tarball = tarballOf.get(name);
        return [
          name,
          typeof spec === 'string' && namesAPlace(spec) && tarball !== undefined ? `file:${tarball}` : spec,
        ];
      }),
    );
  }
  return out;
}

/** A spec that says where to get a package rather than which version: a path, git, a URL. */
function namesAPlace(spec: string): boolean {
  return (
    localSpecPath(spec) !== undefined ||
    /^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:|https?:)/.test(spec) ||
    /^[\w.-]+\/[\w.-]+(?:#.*)?$/.test(spec)
  );
}
