import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/** A packed package: its name and the tarball's file name. */
export interface PackedPackage {
  readonly name: string;
  readonly filename: string;
}

/** Folders never packed (or rebuilt from what is hashed): left out of the fingerprint. */
const SKIPPED = new Set(['node_modules', '.cache']);
const LIST_FILE = 'packed.json';

/**
 * Where the clone keeps the tarballs of its last `npm pack`, under a fingerprint of everything
 * that goes into them: each package's files (sources, build output, package.json, README, bins)
 * and the templates the CLI ships. The same fingerprint means the same tarballs, so a second
 * `npm run new` copies them instead of building and packing again.
 */
export function packedCacheDir(repo: string, packages: readonly string[]): string {
  const hash = createHash('sha256');
  for (const p of packages) hashTree(hash, join(repo, 'packages', p), `packages/${p}`, p === 'cli' ? 'templates' : '');
  hashTree(hash, join(repo, 'templates'), 'templates', '');
  return join(repo, 'node_modules', '.cache', 'chaincode-packed', hash.digest('hex').slice(0, 32));
}

/** The cached tarballs copied into `destination`, or undefined when there are none for this fingerprint. */
export function restorePacked(cacheDir: string, destination: string): PackedPackage[] | undefined {
  let list: PackedPackage[];
  try {
    list = JSON.parse(readFileSync(join(cacheDir, LIST_FILE), 'utf8')) as PackedPackage[];
  } catch {
    return undefined;
  }
  if (!list.every((p) => existsSync(join(cacheDir, p.filename)))) return undefined;
  for (const p of list) copyFileSync(join(cacheDir, p.filename), join(destination, p.filename));
  return list;
}

/**
 * Keep freshly packed tarballs for the next run: written to a folder of its own and renamed into
 * place, so a concurrent run sees all of them or none; older fingerprints are removed. A cache
 * that cannot be written only costs the next run a pack.
 */
export function storePacked(cacheDir: string, from: string, list: readonly PackedPackage[]): void {
  const parent = join(cacheDir, '..');
  const draft = `${cacheDir}.${process.pid}.tmp`;
  try {
    mkdirSync(draft, { recursive: true });
    for (const p of list) copyFileSync(join(from, p.filename), join(draft, p.filename));
    writeFileSync(join(draft, LIST_FILE), JSON.stringify(list));
    for (const old of readdirSync(parent)) {
      if (!old.endsWith('.tmp')) rmSync(join(parent, old), { recursive: true, force: true });
    }
    renameSync(draft, cacheDir);
  } catch {
    rmSync(draft, { recursive: true, force: true });
  }
}

/** Hash every file under `dir` (path and content, in name order), skipping `skip` at the top. */
function hashTree(hash: ReturnType<typeof createHash>, dir: string, label: string, skip: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    return;
  }
  for (const entry of entries) {
    if (SKIPPED.has(entry.name) || entry.name === skip) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // a template's own build output is not shipped (the CLI's prepack leaves it out)
      if (!(label.startsWith('templates') && entry.name === 'dist')) hashTree(hash, path, `${label}/${entry.name}`, '');
    } else if (entry.isFile()) {
      hash.update(`${label}/${entry.name}\0`);
      hash.update(readFileSync(path));
      hash.update('\0');
    }
  }
}
