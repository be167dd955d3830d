import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli, type CliInput } from '@chaincode/cli';
import { repo } from './helpers/spawn-cli';

// `chaincode dev`: the contract (in a process of its own) on an embedded dev peer, driven by a
// script, by stdin lines or a terminal, and by `chaincode invoke` / `query` from "another
// terminal" through the session's control endpoint.
const loader = join(__dirname, 'helpers', 'register-sources.js');
let dir: string;
let project: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cc-dev-'));
  project = join(dir, 'assets');
});

/** Every command a test started: stopped after the test, whatever happened in it. */
const running: { stop: AbortController; done: Promise<unknown> }[] = [];

afterEach(async () => {
  for (const run of running.splice(0)) {
    run.stop.abort();
    await run.done;
  }
  rmSync(dir, { recursive: true, force: true });
});

function useProject(source: 'javascript' | 'dev-contract'): void {
  const from =
    source === 'javascript' ? join(repo, 'templates', 'javascript') : join(__dirname, 'fixtures', 'dev-contract');
  cpSync(from, project, { recursive: true });
}

/** A collector that readline accepts as a terminal's output. */
class Screen extends PassThrough {
  readonly isTTY = true;
  readonly columns = 200;
  text = '';
  override write(chunk: unknown): boolean {
    this.text += String(chunk);
    return super.write(String(chunk));
  }
}

function chaincode(argv: string[], extra: Partial<CliInput> = {}): { done: Promise<unknown>; out: () => string } {
  let out = '';
  const stop = new AbortController();
  const input: CliInput = {
    argv,
    cwd: project,
    signal: stop.signal,
    env: { ...process.env, CORE_CHAINCODE_LOGGING_LEVEL: 'warning' },
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: () => true },
    forkExecArgv: ['-r', loader],
  };
  const done = runCli(Object.defineProperties(input, Object.getOwnPropertyDescriptors(extra))).then(
    () => undefined,
    (err: unknown) => err,
  );
  running.push({ stop, done });
  return { done, out: () => (extra.stdout instanceof Screen ? extra.stdout.text : out) };
}

async function until(check: () => boolean, what: string | (() => string), timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sessionFile = (): string => join(project, '.chaincode-dev.json');

describe('chaincode dev --script', () => {
  it('runs a script and prints each result readably, events for submitted transactions only', async () => {
    useProject('javascript');
    writeFileSync(
      join(project, 'tour.txt'),
      'submit CreateAsset asset1 blue 5 Tomoko 300\nevaluate CreateAsset asset2 red 1 Ana 10\n! CreateAsset asset1 x 1 y 2\n',
    );
    const run = chaincode(['dev', '--script', 'tour.txt']);
    expect(await run.done).toBeUndefined();
    const out = run.out();
    expect(out).toContain(
      'Transactions:\n  CreateAsset(id: string, color: string, size: number, owner: string, appraisedValue: number)',
    );
    expect(out).toContain('  ReadAsset(id: string) → Asset  [evaluate]');
    expect(out).toContain('> submit CreateAsset asset1 blue 5 Tomoko 300\nOK 200 CreateAsset (committed, tx ');
    expect(out).toContain('event AssetCreated: {"id":"asset1",');
    expect(out).toMatch(/OK 200 CreateAsset \(evaluated, tx [0-9a-f]{8}\)\n(?: {2}.*\n)+> CreateAsset asset1/);
    expect(out.match(/event AssetCreated/g)).toHaveLength(1);
    expect(out).toContain('asset asset1 already exists\n  (failed, as expected)');
    expect(out).toContain('Done: 3 lines, all as expected.');
  });

  it('fails when a script line fails unexpectedly', async () => {
    useProject('javascript');
    writeFileSync(join(project, 'bad.txt'), 'evaluate ReadAsset nope\nNoSuchTransaction\n');
    const run = chaincode(['dev', '--script', 'bad.txt']);
    expect(await run.done).toMatchObject({
      code: 'CC_CLI_TRANSACTION_FAILED',
      message: expect.stringContaining('2 of 2 script lines failed'),
    });
    expect(run.out()).toContain('asset nope does not exist');
    expect(run.out()).toContain('unknown command or transaction "NoSuchTransaction"');
  });

  it('names the file and line of a module that does not parse', async () => {
    useProject('dev-contract');
    writeFileSync(join(project, 'index.js'), "'use strict';\nmodule.exports = {\n  contracts: [\n};\n");
    writeFileSync(join(project, 'empty.txt'), '');
    const failure = (await chaincode(['dev', '--script', 'empty.txt']).done) as Error;
    expect(failure).toMatchObject({ code: 'CC_CLI_CHAINCODE_EXITED' });
    expect(failure.message).toContain('cannot load the contract module in');
    expect(failure.message).toContain(`  at ${join(project, 'index.js')}:4`);
  });

  it('--verbose shows the stack of a contract that throws a TypeError', async () => {
    useProject('dev-contract');
    writeFileSync(join(project, 'broken.txt'), '! Broken\n');
    const run = chaincode(['dev', '--verbose', '--script', 'broken.txt']);
    expect(await run.done).toBeUndefined();
    await until(() => run.out().includes('stack=TypeError'), 'the stack');
    expect(run.out()).toMatch(
      /stack=TypeError: Cannot read properties of undefined \(reading 'field'\)\n\s+at DevContract\.Broken \(.*index\.js:\d+:\d+\)/,
    );
    const quiet = chaincode(['dev', '--script', 'broken.txt']);
    expect(await quiet.done).toBeUndefined();
    expect(quiet.out()).not.toContain('stack=');
  });
});

describe('chaincode dev --data-dir', () => {
  it('keeps the ledger for the next session, and refuses a directory that is not a ledger', async () => {
    useProject('javascript');
    writeFileSync(join(project, 'first.txt'), 'submit CreateAsset asset1 blue 5 Tomoko 300\n');
    writeFileSync(join(project, 'second.txt'), 'evaluate ReadAsset asset1\n');
    const first = chaincode(['dev', '--data-dir', '.ledger', '--script', 'first.txt']);
    expect(await first.done).toBeUndefined();
    const second = chaincode(['dev', '--data-dir', '.ledger', '--script', 'second.txt']);
    expect(await second.done).toBeUndefined();
    expect(second.out()).toContain('"owner": "Tomoko"');
    // without it, a new session starts from an empty ledger
    const memory = chaincode(['dev', '--script', 'second.txt']);
    expect(await memory.done).toMatchObject({ code: 'CC_CLI_TRANSACTION_FAILED' });
    expect(memory.out()).toContain('asset asset1 does not exist');
    // a directory holding anything else is left alone
    writeFileSync(join(project, 'notes.txt'), 'mine');
    const foreign = chaincode(['dev', '--data-dir', '.', '--script', 'second.txt']);
    expect(await foreign.done).toMatchObject({ code: 'CC_DEVPEER_DATA_DIR_FOREIGN' });
    expect(readFileSync(join(project, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('chaincode dev: the prompt', () => {
  it('reads piped lines: identities, the peer CLI JSON forms, state by prefix and composite key, history', async () => {
    useProject('dev-contract');
    const stdin = new PassThrough();
    const dev = chaincode(['dev'], { stdin });
    await until(() => existsSync(sessionFile()), 'the session file');
    stdin.write('WhoAmI\nas bob@Org2MSP role=auditor\nWhoAmI\nas alice WhoAmI\nas\n');
    stdin.write('{"Args":["Put","k1","v1"]}\nsubmit -c \'{"function":"Put","Args":["k2","v2"]}\'\n');
    stdin.write('PutOwned ann a1 x\nPutOwned ann a2 y\nPutOwned bob b1 z\nPut k1 v3\n');
    stdin.write('state k*\nstate owner~id(ann, *)\nstate owner~id(bob, b1)\nstate\nhistory k1\nexit\n');
    expect(await dev.done).toBeUndefined();
    const out = dev.out();
    expect(out).toMatch(/> WhoAmI\nOK 200 WhoAmI \(committed, tx \w+\)\n {2}Org1MSP - x509::.*CN=User1::/);
    expect(out).toContain('now running as bob@Org2MSP role=auditor');
    expect(out).toMatch(/> WhoAmI\nOK 200 WhoAmI \(committed, tx \w+\)\n {2}Org2MSP auditor x509::.*CN=bob::/);
    expect(out).toMatch(
      /> WhoAmI {2}\(as alice@Org1MSP\)\nOK 200 WhoAmI \(committed, tx \w+, as alice@Org1MSP\)\n {2}Org1MSP - x509::.*CN=alice::/,
    );
    expect(out).toContain('running as bob@Org2MSP role=auditor\n');
    expect(out).toContain('> Put k1 v1\nOK 200 Put');
    expect(out).toContain('> submit Put k2 v2\nOK 200 Put');
    expect(out).toContain('k1: v3\nk2: v2\n');
    expect(out).toContain('k1: v3\nk2: v2\nowner~id(ann, a1): x\nowner~id(ann, a2): y\nowner~id(bob, b1): z\n');
    expect(out).toContain('owner~id(ann, a1): x\nowner~id(ann, a2): y\nowner~id(bob, b1): z\nk1: v3\nk2: v2\n');
    expect(out).toMatch(/History of k1, newest first:\n {2}\S+Z {2}tx \w{8} {2}v3\n {2}\S+Z {2}tx \w{8} {2}v1\n/);
    // each command echoed once (piped input is not shown by a terminal)
    expect(out.match(/> Put k1 v3/g)).toHaveLength(1);
  });

  it('on a terminal: no echo, Ctrl-C cancels a running transaction, the prompt comes back after output from another terminal, two Ctrl-C exit', async () => {
    useProject('dev-contract');
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
    const screen = new Screen();
    const dev = chaincode(['dev'], { stdin, stdout: screen });
    await until(() => screen.text.includes('chaincode> '), 'the prompt');
    stdin.write('Put k1 before\r');
    await until(() => screen.text.includes('OK 200 Put'), 'the first transaction');
    expect(screen.text).not.toContain('> Put k1 before');
    stdin.write('Hang\r');
    await new Promise((r) => setTimeout(r, 300));
    stdin.write('\x03');
    await until(() => screen.text.includes('FAILED 500 Hang'), 'the cancelled transaction');
    expect(screen.text).toContain('^C cancelling: restarting the chaincode');
    expect(screen.text).toMatch(
      /FAILED 500 Hang \(not committed, tx \w+\)\n {2}cancelled: the chaincode was restarted, nothing was committed/,
    );
    // the session goes on, with the state it had
    stdin.write('Put k2 after\r');
    await until(
      () => screen.text.split('OK 200 Put').length === 3,
      () => `a transaction after the cancel: ${JSON.stringify(screen.text)}`,
    );

    const invoke = chaincode(['invoke', 'Mint', 'alice', '--', '-5']);
    expect(await invoke.done).toBeUndefined();
    expect(invoke.out()).toContain('alice:-5');
    await until(() => screen.text.includes('[from chaincode invoke]'), 'the output of chaincode invoke');
    const afterInvoke = screen.text.slice(screen.text.lastIndexOf('[from chaincode invoke]'));
    expect(afterInvoke).toMatch(
      // eslint-disable-next-line no-control-regex -- readline's cursor moves around the redrawn prompt
      /OK 200 Mint \(committed, tx \w+, as User1@Org1MSP\)\n {2}alice:-5\n {2}event Minted: .*\n(?:\x1b\[\d*[A-Z])*chaincode> (?:\x1b\[\d*[A-Z])*$/,
    );

    stdin.write('\x03');
    await until(() => screen.text.includes('press Ctrl-C again to exit'), 'the exit hint');
    stdin.write('\x03');
    expect(await dev.done).toBeUndefined();
    expect(existsSync(sessionFile())).toBe(false);
  });

  it('serves chaincode invoke / query from another terminal, printing a failure once', async () => {
    useProject('javascript');
    const stdin = new PassThrough();
    const controller = new AbortController();
    const dev = chaincode(['dev'], { stdin, signal: controller.signal });
    try {
      await until(() => existsSync(sessionFile()), 'the session file');
      stdin.write(`submit CreateAsset a1 red 3 'Ann Lee' 40\n`);
      await until(() => dev.out().includes('OK 200 CreateAsset'), 'the prompt transaction');

      const query = chaincode(['query', 'ReadAsset', 'a1']);
      expect(await query.done).toBeUndefined();
      expect(query.out()).toMatch(/^OK 200 ReadAsset \(evaluated, tx [0-9a-f]{8}\)\n/);
      expect(query.out()).toContain('"owner": "Ann Lee"');

      const json = chaincode(['invoke', '-c', '{"function":"TransferAsset","Args":["a1","007"]}']);
      expect(await json.done).toBeUndefined();
      expect(json.out()).toContain('Ann Lee');
      const again = chaincode(['query', '-c', '{"Args":["ReadAsset","a1"]}', '--as', 'eve@Org2MSP']);
      await again.done;
      expect(again.out()).toContain('"owner": "007"'); // arguments stay strings

      const failing = chaincode(['query', 'ReadAsset', 'zzz']);
      const failure = (await failing.done) as Error;
      expect(failure).toMatchObject({ code: 'CC_CLI_TRANSACTION_FAILED' });
      expect(failure.message).toMatch(
        /^ReadAsset failed with status 500 \(evaluated, tx \w{8}\): asset zzz does not exist$/,
      );
      expect(failing.out()).toBe(''); // the reason is printed once, as the failure
      expect(dev.out()).toContain('[from chaincode query]');

      stdin.write('exit\n');
      expect(await dev.done).toBeUndefined();
      expect(existsSync(sessionFile())).toBe(false);
    } finally {
      controller.abort();
      stdin.end();
      await dev.done;
    }
  });
});

describe('chaincode dev --watch', () => {
  it('rebuilds and redeploys a TypeScript project when a source changes, keeping the state', async () => {
    cpSync(join(repo, 'templates', 'typescript'), project, {
      recursive: true,
      filter: (p) => !/node_modules|dist/.test(p),
    });
    // the repository's installs: tsc for the build, @chaincode/* for its types
    symlinkSync(join(repo, 'node_modules'), join(project, 'node_modules'), 'dir');
    const stdin = new PassThrough();
    const dev = chaincode(['dev', '--watch'], { stdin });
    try {
      await until(
        () => dev.out().includes('Watching '),
        () => `the watcher: ${dev.out()}`,
        30000,
      );
      stdin.write('CreateAsset a1 blue 1 Ann 10\n');
      await until(() => dev.out().includes('OK 200 CreateAsset'), 'the first transaction');
      const source = join(project, 'src', 'asset-contract.ts');
      writeFileSync(
        source,
        readFileSync(source, 'utf8').replace('return previousOwner;', 'return `${previousOwner} (watched)`;'),
      );
      await until(() => dev.out().includes('[watch] redeployed'), 'the redeploy', 60000);
      expect(dev.out()).toContain('[watch] src/asset-contract.ts changed: rebuilding');
      stdin.write('TransferAsset a1 Bo\n');
      await until(() => dev.out().includes('OK 200 TransferAsset'), 'the transaction on the new code');
      expect(dev.out()).toContain('OK 200 TransferAsset (committed, tx ');
      expect(dev.out()).toMatch(/OK 200 TransferAsset .*\n {2}Ann \(watched\)/); // new code, old state
      // a change that does not compile keeps the running chaincode
      writeFileSync(source, readFileSync(source, 'utf8').replace('@Transaction()', '@Transaction( oops'));
      await until(
        () => dev.out().includes('[watch] the build failed; the running chaincode is unchanged'),
        'the failed build',
        60000,
      );
      stdin.write('evaluate ReadAsset a1\nexit\n');
      expect(await dev.done).toBeUndefined();
      expect(dev.out()).toContain('"owner": "Bo"');
    } finally {
      stdin.end();
      await dev.done;
    }
  }, 120000);
});

describe("the control endpoint is the developer's alone", () => {
  interface Reply {
    status: number;
    body: string;
  }

  function send(url: string, headers: Record<string, string>, body = '{"fcn":"Put","args":["k","v"]}'): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = request(`${url}/submit`, { method: 'POST', headers }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: text });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('needs the session secret, refuses browser origins, other host names and non-JSON bodies; owner-only file; 127.0.0.1', async () => {
    useProject('dev-contract');
    const stdin = new PassThrough();
    const dev = chaincode(['dev'], { stdin });
    try {
      await until(() => existsSync(sessionFile()), 'the session file');
      expect(statSync(sessionFile()).mode & 0o777).toBe(0o600);
      const session = JSON.parse(readFileSync(sessionFile(), 'utf8')) as { url: string; secret: string; pid: number };
      expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(session.secret).toMatch(/^[0-9a-f]{64}$/);
      const host = new URL(session.url).host;
      const good = { host, 'content-type': 'application/json', authorization: `Bearer ${session.secret}` };

      // a page's cross-origin text/plain POST: no preflight in a browser, so the endpoint must refuse it
      expect(
        await send(session.url, { host, 'content-type': 'text/plain', origin: 'http://evil.example' }),
      ).toMatchObject({ status: 403 });
      expect(await send(session.url, { ...good, origin: 'http://evil.example' })).toMatchObject({ status: 403 });
      expect(await send(session.url, { ...good, host: `evil.example:${new URL(session.url).port}` })).toMatchObject({
        status: 403,
      });
      expect(await send(session.url, { host, 'content-type': 'application/json' })).toMatchObject({ status: 401 });
      expect(await send(session.url, { ...good, authorization: 'Bearer 00' })).toMatchObject({ status: 401 });
      expect(await send(session.url, { ...good, 'content-type': 'text/plain' })).toMatchObject({ status: 415 });
      expect(dev.out()).not.toContain('[from chaincode invoke]'); // nothing ran
      const ok = await send(session.url, good);
      expect(ok.status).toBe(200);
      expect(JSON.parse(ok.body)).toMatchObject({ status: 200, committed: true });

      // a second session in the same folder leaves the first one's file alone
      const secondInput = new PassThrough();
      const second = chaincode(['dev'], { stdin: secondInput });
      await until(() => second.out().includes('Another chaincode dev'), 'the second session');
      expect(JSON.parse(readFileSync(sessionFile(), 'utf8'))).toEqual(session);
      expect(await chaincode(['query', 'WhoAmI']).done).toBeUndefined();
      secondInput.end();
      expect(await second.done).toBeUndefined();
      stdin.write('exit\n');
      expect(await dev.done).toBeUndefined();
      expect(existsSync(sessionFile())).toBe(false);
    } finally {
      stdin.end();
      await dev.done;
    }
  });

  it('chaincode invoke without a running session, or refused by it', async () => {
    useProject('dev-contract');
    expect(await chaincode(['invoke', 'Put', 'k', 'v']).done).toMatchObject({
      code: 'CC_CLI_NO_DEV_SESSION',
      message: expect.stringMatching(/^no running chaincode dev session for /),
    });
    const stdin = new PassThrough();
    const dev = chaincode(['dev'], { stdin });
    try {
      await until(() => existsSync(sessionFile()), 'the session file');
      const session = JSON.parse(readFileSync(sessionFile(), 'utf8')) as Record<string, unknown>;
      writeFileSync(sessionFile(), JSON.stringify({ ...session, secret: 'f'.repeat(64) }));
      expect(await chaincode(['invoke', 'Put', 'k', 'v']).done).toMatchObject({ code: 'CC_CLI_DEV_REFUSED' });
      writeFileSync(sessionFile(), JSON.stringify(session));
      stdin.write('exit\n');
      expect(await dev.done).toBeUndefined();
    } finally {
      stdin.end();
      await dev.done;
    }
  });
});
