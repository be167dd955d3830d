import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli, type CliInput } from '@chaincode/cli';
import { repo } from './helpers/spawn-cli';

// `cc dev`: the contract on an embedded dev peer, driven by a script, by stdin lines, and by
// `cc invoke` / `cc query` from "another terminal" through the session's control endpoint.
let dir: string;
let project: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cc-dev-'));
  project = join(dir, 'assets');
  cpSync(join(repo, 'templates', 'javascript'), project, { recursive: true });
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function cc(argv: string[], extra: Partial<CliInput> = {}): { done: Promise<unknown>; out: () => string } {
  let out = '';
  const done = runCli({
    argv,
    cwd: project,
    env: {},
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: () => true },
    ...extra,
  }).then(
    () => undefined,
    (err: unknown) => err,
  );
  return { done, out: () => out };
}

async function until(check: () => boolean, what: string, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('cc dev', () => {
  it('runs a script and prints each result readably', async () => {
    const run = cc(['dev', '--script', 'transactions.txt']);
    expect(await run.done).toBeUndefined();
    const out = run.out();
    expect(out).toContain('Transactions:\n  CreateAsset(');
    expect(out).toContain('> submit CreateAsset asset1 blue 5 Tomoko 300\nOK 200 CreateAsset (committed, tx ');
    expect(out).toContain('    "owner": "Tomoko",');
    expect(out).toContain('event AssetCreated: {"id":"asset1",');
    expect(out).toContain('(failed, as expected)');
    expect(out).toContain('FAILED 500 CreateAsset');
    expect(out).toContain('asset asset1 already exists');
    expect(out).toContain('Done: 5 lines, all as expected.');
  });

  it('fails when a script line fails unexpectedly', async () => {
    writeFileSync(join(project, 'bad.txt'), 'evaluate ReadAsset nope\nNoSuchTransaction\n');
    const run = cc(['dev', '--script', 'bad.txt']);
    expect(await run.done).toMatchObject({
      code: 'CC_CLI_TRANSACTION_FAILED',
      message: expect.stringContaining('2 of 2 script lines failed'),
    });
    expect(run.out()).toContain('asset nope does not exist');
    expect(run.out()).toContain('unknown command or transaction "NoSuchTransaction"');
  });

  it('reads lines from stdin and serves cc invoke / cc query from another terminal', async () => {
    const stdin = new PassThrough();
    const controller = new AbortController();
    const dev = cc(['dev'], { stdin, signal: controller.signal });
    try {
      await until(() => existsSync(join(project, '.cc-dev.json')), 'the session file');
      stdin.write('list\n');
      stdin.write(`submit CreateAsset a1 red 3 'Ann Lee' 40\n`);
      await until(() => dev.out().includes('OK 200 CreateAsset'), 'the prompt transaction');
      expect(dev.out()).toContain('Transactions of asset-transfer-javascript:');

      const query = cc(['query', 'ReadAsset', 'a1']);
      expect(await query.done).toBeUndefined();
      expect(query.out()).toMatch(/^OK 200 ReadAsset \(evaluated, tx [0-9a-f]{8}\)\n/);
      expect(query.out()).toContain('"owner": "Ann Lee"');

      const invoke = cc(['invoke', 'TransferAsset', 'a1', '007']);
      expect(await invoke.done).toBeUndefined();
      expect(invoke.out()).toContain('Ann Lee');
      const again = cc(['query', 'ReadAsset', 'a1']);
      await again.done;
      expect(again.out()).toContain('"owner": "007"'); // arguments stay strings

      const failing = cc(['query', 'ReadAsset', 'zzz']);
      expect(await failing.done).toMatchObject({ code: 'CC_CLI_TRANSACTION_FAILED' });
      expect(failing.out()).toContain('asset zzz does not exist');
      expect(dev.out()).toContain('[from cc query]');

      stdin.write('exit\n');
      expect(await dev.done).toBeUndefined();
      expect(existsSync(join(project, '.cc-dev.json'))).toBe(false);
    } finally {
      controller.abort();
      stdin.end();
      await dev.done;
    }
  });
});
