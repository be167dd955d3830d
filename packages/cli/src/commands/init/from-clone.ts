import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { errorMessage } from '@chaincode/contract-api/internal';
import type { CliContext } from '../../context';
import { CliError } from '../../errors/cli-error';
import { packedCacheDir, restorePacked, storePacked, type PackedPackage } from './packed-cache';

/** Our packages, in dependency order, as folders of the repository. */
export const CLONE_PACKAGES = ['contract-api', 'shim', 'dev-peer', 'cli'] as const;

/** Where a project made from a clone keeps the packed packages it depends on. */
export const LOCAL_PACKAGES_DIR = join('.chaincode', 'packages');

/**
 * The root of the repository this CLI runs from (`packages/cli/{src,dist}/commands/init` → root),
 * or undefined when it was installed from a registry.
 */
export function findClone(from = __dirname): string | undefined {
  const root = resolve(from, '..', '..', '..', '..', '..');
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces?: unknown };
    const workspaces = Array.isArray(pkg.workspaces) ? (pkg.workspaces as unknown[]) : [];
    const ours = CLONE_PACKAGES.every((p) => workspaces.includes(`packages/${p}`));
    return ours && existsSync(join(root, 'templates')) ? root : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Build and pack the clone's packages into `<project>/.chaincode/packages` (each package's
 * `prepack` builds it, so no tarball is made without its `dist/`), and point the project's
 * `@chaincode/*` dependencies at them with `file:` specs, the same in `overrides` so the packages'
 * dependencies on each other resolve to the tarballs too. `npm install` then needs no registry for
 * our packages, and the tarballs are inside the project, where `chaincode package` ships them.
 * Packing is skipped when nothing that goes into the tarballs changed since the last pack: the
 * clone keeps them under a fingerprint of their contents (see `packedCacheDir`).
 */
export async function wireClonePackages(ctx: CliContext, repo: string, project: string): Promise<string[]> {
  const destination = join(project, LOCAL_PACKAGES_DIR);
  mkdirSync(destination, { recursive: true });
  const cacheDir = packedCacheDir(repo, CLONE_PACKAGES);
  const reused = restorePacked(cacheDir, destination);
  let tarballs: PackedPackage[];
  if (reused !== undefined) {
    tarballs = reused;
    ctx.stderr.write(
      `Reused the packed @chaincode/{${CLONE_PACKAGES.join(',')}} (unchanged since they were packed).\n`,
    );
  } else {
    ctx.stderr.write(`Building and packing @chaincode/{${CLONE_PACKAGES.join(',')}} from ${repo} ...\n`);
    const started = Date.now();
    const output = await runNpm(
      ctx,
      ['pack', ...CLONE_PACKAGES.flatMap((p) => ['-w', `packages/${p}`]), '--pack-destination', destination, '--json'],
      repo,
    );
    tarballs = packedFiles(output);
    ctx.stderr.write(`Packed ${tarballs.length} packages in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
    // fingerprinted after packing: prepack builds, and the build output is part of the fingerprint
    storePacked(packedCacheDir(repo, CLONE_PACKAGES), destination, tarballs);
  }
  const specs = new Map(
    tarballs.map((t) => [t.name, `file:${relative(project, join(destination, t.filename)).split('\\').join('/')}`]),
  );
  const file = join(project, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  for (const section of ['dependencies', 'devDependencies'] as const) {
    const deps = pkg[section] as Record<string, string> | undefined;
    for (const name of Object.keys(deps ?? {})) {
      const spec = specs.get(name);
      if (deps !== undefined && spec !== undefined) deps[name] = spec;
    }
  }
  pkg.overrides = { ...(pkg.overrides as Record<string, string> | undefined), ...Object.fromEntries(specs) };
  writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
  return tarballs.map((t) => t.filename);
}

function packedFiles(output: string): PackedPackage[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(output.slice(output.indexOf('[')));
  } catch (err) {
    throw new CliError('CC_CLI_BUILD_FAILED', `npm pack printed no list of packages: ${errorMessage(err)}`, {
      cause: err,
    });
  }
  const list = Array.isArray(parsed) ? (parsed as { name?: unknown; filename?: unknown }[]) : [];
  const files = list.flatMap((p) =>
    typeof p.name === 'string' && typeof p.filename === 'string' ? [{ name: p.name, filename: p.filename }] : [],
  );
  if (files.length !== CLONE_PACKAGES.length) {
    throw new CliError('CC_CLI_BUILD_FAILED', `npm pack made ${files.length} of ${CLONE_PACKAGES.length} packages`);
  }
  return files;
}

/**
 * Run npm with the user's environment minus the npm_* variables of an outer `npm run` (its
 * prefix, workspace and lifecycle settings must not leak into this one). Resolves with stdout.
 */
function runNpm(ctx: CliContext, args: string[], cwd: string): Promise<string> {
  const env = Object.fromEntries(Object.entries(ctx.env).filter(([key]) => !/^npm_/i.test(key)));
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npm', args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', (err) => {
      reject(new CliError('CC_CLI_BUILD_FAILED', `cannot run npm: ${errorMessage(err)}`, { cause: err }));
    });
    child.once('close', (code) => {
      if (code === 0) resolvePromise(stdout);
      else
        reject(
          new CliError(
            'CC_CLI_BUILD_FAILED',
            `npm ${args[0] ?? ''} failed in ${cwd} (exit code ${String(code)}):\n${(stderr || stdout).trim()}`,
          ),
        );
    });
  });
}
