import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reap, repo, spawnBin, type Child } from './helpers/spawn-cli';

// `npm create @chaincode <dir>` runs the bin of @chaincode/create: chaincode init, same arguments.
const bin = join(repo, 'packages', 'create', 'bin', 'create-chaincode.js');
let dir: string;
let child: Child | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cc-create-'));
});

afterEach(async () => {
  await reap(child);
  rmSync(dir, { recursive: true, force: true });
});

describe('npm create @chaincode', () => {
  it('scaffolds the project chaincode init makes, with its arguments', async () => {
    child = spawnBin(bin, [join(dir, 'my-contract'), '--template', 'javascript', '--author', 'Ana']);
    const { code, stdout } = await child.exited;
    expect(code).toBe(0);
    expect(stdout).toContain('Created my-contract from the javascript template');
    const pkg = JSON.parse(readFileSync(join(dir, 'my-contract', 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'my-contract', author: 'Ana', scripts: { start: 'cc-start' } });
    expect(existsSync(join(dir, 'my-contract', 'contract-metadata', 'metadata.json'))).toBe(true);
  });

  it('says what is wrong as chaincode init does', async () => {
    child = spawnBin(bin, [join(dir, 'x'), '--template', 'vue']);
    const { code, stderr } = await child.exited;
    expect(code).toBe(2);
    expect(stderr).toMatch(/^chaincode: Invalid values:\n {2}Argument: template, Given: "vue"/);
  });
});
