import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_FAILED } from '../../entry';
import { cc, failure, repo, useTempDir } from '../../test-utils/run-cc';

// The dev peer's client fixture: a TypeScript contract package whose main is its source.
const fixture = join(repo, 'test', 'dev-peer', 'fixtures', 'client');
const tempDir = useTempDir('cc-types-');

function project(): string {
  const dir = join(tempDir(), 'assets');
  cpSync(fixture, dir, { recursive: true });
  rmSync(join(dir, 'contract-transactions.d.ts'));
  return dir;
}

describe('chaincode types', () => {
  it('writes test/contract-transactions.d.ts, then finds it up to date', async () => {
    const dir = project();
    const run = await cc(['types'], { cwd: dir });
    expect(run.error).toBeUndefined();
    expect(run.stdout).toBe('wrote test/contract-transactions.d.ts (AssetContract)\n');
    const text = readFileSync(join(dir, 'test', 'contract-transactions.d.ts'), 'utf8');
    expect(text).toContain("'client-fixture:AssetContract': {");
    expect(text).toContain("contract: import('../index').AssetContract;");
    const again = await cc(['types', '--check'], { cwd: dir });
    expect(again.stdout).toBe('up to date: test/contract-transactions.d.ts (AssetContract)\n');
  });

  it('takes the module path, entry and output file', async () => {
    const dir = project();
    const run = await cc(['types', '-p', dir, '--entry', 'no-such-entry.ts'], { cwd: tempDir() });
    expect(failure(run).line).toMatch(/no-such-entry.ts does not exist/);
    writeFileSync(
      join(dir, 'asset-contract-entry.ts'),
      "import { AssetContract } from './asset-contract';\nexport { AssetContract };\nexport const contracts = [AssetContract];\n",
    );
    const ok = await cc(['types', '-p', dir, '--entry', 'asset-contract-entry.ts', '-o', 'types/tx.d.ts'], {
      cwd: tempDir(),
    });
    expect(ok.error).toBeUndefined();
    expect(ok.stdout).toBe('wrote types/tx.d.ts (AssetContract)\n');
    expect(readFileSync(join(tempDir(), 'types', 'tx.d.ts'), 'utf8')).toContain(
      "contract: import('../assets/asset-contract-entry').AssetContract;",
    );
  });

  it('--check fails (exit 1) on a stale file and leaves it alone', async () => {
    const dir = project();
    writeFileSync(join(dir, 'stale.d.ts'), 'export {};\n');
    const { line, code } = failure(await cc(['types', '--check', '-o', 'stale.d.ts'], { cwd: dir }));
    expect(line).toContain('stale.d.ts is out of date with the contracts: run chaincode types');
    expect(code).toBe(EXIT_FAILED);
    expect(readFileSync(join(dir, 'stale.d.ts'), 'utf8')).toBe('export {};\n');
  });

  it('names an unbuilt project in one line', async () => {
    writeFileSync(join(tempDir(), 'package.json'), JSON.stringify({ name: 'x', main: 'dist/index.js' }));
    const { line } = failure(await cc(['types'], { cwd: tempDir() }));
    expect(line).toContain('dist/index.js does not exist (build the project first, or give its source as the entry)');
  });
});
