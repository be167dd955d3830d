import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BINS, reap, repo, spawnBin, type Child } from './helpers/spawn-cli';

// The `chaincode` program as a real node process (its TypeScript sources through a loader): what
// node itself reports for a module that does not parse, and what `--help` loads.
const fixtures = join(repo, 'packages', 'cli', 'src', '__fixtures__');
let child: Child | undefined;

afterEach(async () => {
  await reap(child);
  child = undefined;
});

describe('chaincode, the program', () => {
  it('names the file, line and source of a syntax error in the contract module', async () => {
    child = spawnBin(BINS.chaincode, ['metadata', 'generate', '-p', join(fixtures, 'syntax-error')]);
    const { code, stderr } = await child.exited;
    expect(code).toBe(1);
    expect(stderr).toBe(
      `chaincode: cannot load the contract module in ${join(fixtures, 'syntax-error')}: Unexpected identifier 'stub' (${join(fixtures, 'syntax-error', 'lib', 'contract.js')}:7)\n` +
        '  |   async Broken(ctx) { return ctx stub; }\n' +
        '  |                                  ^^^^\n',
    );
  });

  it('--help loads the command declarations only: no command code, no dev peer', async () => {
    const probe = [
      `require(${JSON.stringify(join(repo, 'packages', 'cli', 'src', 'entry.ts'))}).runEntry(['--help']);`,
      "process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));",
    ].join('\n');
    child = spawnBin('-e', [probe]);
    const { code, stdout, stderr } = await child.exited;
    expect(code).toBe(0);
    expect(stdout).toContain('chaincode dev');
    const loaded = (JSON.parse(stderr) as string[]).map((f) => f.slice(repo.length + 1));
    const commandCode = loaded.filter((f) =>
      /^packages\/cli\/src\/commands\/[^/]+\/(?!command\.ts$|template-dir\.ts$)/.test(f),
    );
    expect(commandCode).toEqual([]);
    expect(loaded.filter((f) => f.includes('dev-peer'))).toEqual([]);
  });

  it('the committed bin says in one line that the package is not built', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-bin-'));
    try {
      mkdirSync(join(dir, 'bin'));
      copyFileSync(join(repo, 'packages', 'cli', 'bin', 'chaincode.js'), join(dir, 'bin', 'chaincode.js'));
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const p = spawn(process.execPath, [join(dir, 'bin', 'chaincode.js'), '--help'], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        p.once('exit', (code) => {
          resolve({ code, stderr });
        });
      });
      expect(result).toEqual({
        code: 1,
        stderr: 'chaincode: @chaincode/cli is not built (no dist/); run `npm run build` in the repository first\n',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
