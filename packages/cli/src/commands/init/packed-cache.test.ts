import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { packedCacheDir, restorePacked, storePacked } from './packed-cache';

let repo: string;
const PACKAGES = ['shim', 'cli'];
const packed = [
  { name: '@chaincode/shim', filename: 'chaincode-shim-0.1.0.tgz' },
  { name: '@chaincode/cli', filename: 'chaincode-cli-0.1.0.tgz' },
];

function write(path: string, text: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

/** A folder holding the tarballs of one pack. */
function packInto(dir: string, content: string): string {
  mkdirSync(dir, { recursive: true });
  for (const p of packed) writeFileSync(join(dir, p.filename), `${p.name} ${content}`);
  return dir;
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'cc-packed-'));
  write('packages/shim/package.json', '{"name":"@chaincode/shim"}');
  write('packages/shim/src/index.ts', 'export {};');
  write('packages/shim/dist/index.js', '"use strict";');
  write('packages/cli/package.json', '{"name":"@chaincode/cli"}');
  write('templates/typescript/package.json', '{}');
});

afterEach(() => {
  rmSync(repo, { recursive: true, force: true });
});

describe('the packed packages of a clone, reused while nothing changed', () => {
  it('has nothing to restore before the first pack', () => {
    const into = join(repo, 'project');
    mkdirSync(into);
    expect(restorePacked(packedCacheDir(repo, PACKAGES), into)).toBeUndefined();
    expect(readdirSync(into)).toEqual([]);
  });

  it('restores what was stored, into another project', () => {
    const cache = packedCacheDir(repo, PACKAGES);
    storePacked(cache, packInto(join(repo, 'first'), 'v1'), packed);
    const into = join(repo, 'second');
    mkdirSync(into);
    expect(restorePacked(packedCacheDir(repo, PACKAGES), into)).toEqual(packed);
    expect(readFileSync(join(into, 'chaincode-shim-0.1.0.tgz'), 'utf8')).toBe('@chaincode/shim v1');
  });

  it.each([
    ['a source', 'packages/shim/src/index.ts'],
    ['the build output', 'packages/shim/dist/index.js'],
    ['a template', 'templates/typescript/package.json'],
    ['a new file', 'packages/cli/bin/chaincode.js'],
  ])('packs again when %s changes', (_what, path) => {
    const before = packedCacheDir(repo, PACKAGES);
    storePacked(before, packInto(join(repo, 'first'), 'v1'), packed);
    write(path, 'changed');
    const after = packedCacheDir(repo, PACKAGES);
    expect(after).not.toBe(before);
    const into = join(repo, 'second');
    mkdirSync(into);
    expect(restorePacked(after, into)).toBeUndefined();
  });

  it('ignores what is never packed: node_modules, a template build, the CLI copy of the templates', () => {
    const before = packedCacheDir(repo, PACKAGES);
    write('packages/shim/node_modules/x/index.js', 'x');
    write('templates/typescript/dist/index.js', 'x');
    write('templates/typescript/node_modules/y/index.js', 'y');
    write('packages/cli/templates/typescript/package.json', '{}');
    expect(packedCacheDir(repo, PACKAGES)).toBe(before);
  });

  it('keeps only the latest fingerprint', () => {
    const first = packedCacheDir(repo, PACKAGES);
    storePacked(first, packInto(join(repo, 'first'), 'v1'), packed);
    write('packages/shim/src/index.ts', 'export const x = 1;');
    const second = packedCacheDir(repo, PACKAGES);
    storePacked(second, packInto(join(repo, 'second'), 'v2'), packed);
    expect(existsSync(first)).toBe(false);
    expect(readdirSync(dirname(second))).toEqual([second.slice(dirname(second).length + 1)]);
  });

  it('restores nothing from an entry missing a tarball, and survives a tarball that is not there to store', () => {
    const cache = packedCacheDir(repo, PACKAGES);
    storePacked(cache, packInto(join(repo, 'first'), 'v1'), packed);
    rmSync(join(cache, 'chaincode-cli-0.1.0.tgz'));
    const into = join(repo, 'second');
    mkdirSync(into);
    expect(restorePacked(cache, into)).toBeUndefined();
    // storing from a folder without the tarballs leaves no half-written entry behind
    rmSync(dirname(cache), { recursive: true, force: true });
    storePacked(cache, join(repo, 'nowhere'), packed);
    expect(existsSync(cache)).toBe(false);
  });
});
