import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DevPeer } from '@chaincode/dev-peer';

/*
 * The user's loop, verbatim: the root README's "From nothing to a package" lines on a copy of this
 * clone (its committed and untracked files, as a fresh clone has them: no node_modules, no dist),
 * then each template README's commands in a project made from that clone, then the package
 * installed as a peer installs it (npm ci --omit=dev) and started with cc-start against the dev
 * peer, also from a --bundle package with no registry at all. No registry holds our packages here:
 * they come from the clone as the README says. Third-party packages come from the npm cache that
 * `npm ci` filled (prefer-offline).
 *
 * It takes a few minutes on 2 cores. Every command is bounded; its output is shown only when it
 * fails. Progress lines go to stderr when it is a terminal or CHAINCODE_TEST_PROGRESS=1:
 *   CHAINCODE_TEST_PROGRESS=1 npx jest test/templates
 */
const repo = resolve(__dirname, '..', '..');
const TEMPLATES = ['typescript', 'javascript', 'private-data', 'ccaas'] as const;
const COMMAND_TIMEOUT_MS = 240000;
const showProgress = process.stderr.isTTY || process.env.CHAINCODE_TEST_PROGRESS === '1';
const started = Date.now();

let work: string;
let clone: string;

function progress(text: string): void {
  if (showProgress) process.stderr.write(`[readme ${((Date.now() - started) / 1000).toFixed(0)} s] ${text}\n`);
}

/** The environment of a nested npm: none of the outer `npm test`'s npm_* settings, no CORE_*. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && !key.startsWith('CORE_') && key !== 'JEST_WORKER_ID') env[key] = value;
  }
  return {
    ...env,
    CI: 'true',
    NO_UPDATE_NOTIFIER: '1',
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    ...extra,
  };
}

interface Ran {
  readonly code: number | null;
  readonly output: string;
}

interface ShOptions {
  /** Typed into the command (an interactive one). */
  readonly input?: string;
  readonly env?: Record<string, string>;
}

/** One shell line, bounded in time. */
function sh(line: string, cwd: string, options: ShOptions = {}): Promise<Ran> {
  return new Promise((done) => {
    const child = spawn('sh', ['-c', line], {
      cwd,
      env: cleanEnv(options.env),
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    if (options.input !== undefined) child.stdin?.end(options.input);
    const timer = setTimeout(() => {
      output += `\n(killed after ${COMMAND_TIMEOUT_MS / 1000} s)`;
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    }, COMMAND_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

async function mustRun(line: string, cwd: string, options: ShOptions = {}): Promise<string> {
  const t0 = Date.now();
  const ran = await sh(line, cwd, options);
  progress(`${line}  (${((Date.now() - t0) / 1000).toFixed(1)} s, in ${cwd})`);
  if (ran.code !== 0) throw new Error(`\`${line}\` failed (exit ${String(ran.code)}) in ${cwd}:\n${ran.output}`);
  return ran.output;
}

/** The lines of the first ```sh block (after `heading`) of a markdown text, without comments. */
function shellLines(markdown: string, heading?: string): string[] {
  const text = heading === undefined ? markdown : markdown.slice(markdown.indexOf(heading));
  const block = /```sh\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/**
 * Run README lines in order, as a user types them: `cd` moves, `npm run dev` gets `list` and then
 * `exit` typed into it. Resolves with the output of each line.
 */
async function runLines(lines: readonly string[], cwd: string): Promise<Map<string, string>> {
  const outputs = new Map<string, string>();
  let here = cwd;
  for (const line of lines) {
    const cd = /^cd\s+(\S+)$/.exec(line);
    if (cd !== null) {
      here = resolve(here, cd[1] ?? '.');
      continue;
    }
    const interactive = line === 'npm run dev';
    outputs.set(line, await mustRun(line, here, interactive ? { input: 'list\nexit\n' } : {}));
  }
  return outputs;
}

/** The code package of a chaincode package, unpacked into `into`. */
function unpack(packageFile: string, into: string): void {
  mkdirSync(join(into, 'outer'), { recursive: true });
  execFileSync('tar', ['-xzf', packageFile, '-C', join(into, 'outer')]);
  execFileSync('tar', ['-xzf', join(into, 'outer', 'code.tar.gz'), '-C', into]);
}

/** Start the installed chaincode as the peer does (`npm start -- --peer.address`), run transactions. */
async function startAsPeerDoes(dir: string, name: string): Promise<void> {
  const peer = await DevPeer.start();
  const child = spawn('sh', ['-c', `npm start -- --peer.address ${peer.address}`], {
    cwd: dir,
    env: cleanEnv({ CORE_CHAINCODE_ID_NAME: name, CORE_CHAINCODE_LOGGING_LEVEL: 'error' }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await peer.waitForChaincode(name, { timeoutMs: 30000 }).catch((err: unknown) => {
      throw new Error(`${String(err)}\n${output}`);
    });
    const created = await peer.submit(name, ['CreateAsset', 'p1', 'blue', '5', 'Peer', '100']);
    expect(created.status).toBe(200);
    const read = await peer.evaluate(name, ['ReadAsset', 'p1']);
    expect(JSON.parse(Buffer.from(read.payload).toString())).toMatchObject({ id: 'p1', owner: 'Peer' });
  } finally {
    process.kill(-(child.pid ?? 0), 'SIGKILL');
    await peer.stop();
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cc-readme-'));
  clone = join(work, 'chaincode');
  // a fresh clone's files: tracked, and untracked but not ignored (so no node_modules, no dist)
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repo })
    .toString()
    .split('\0')
    .filter((f) => f !== '' && existsSync(join(repo, f)));
  for (const file of files) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    cpSync(join(repo, file), join(clone, file));
  }
  progress(`copied the ${files.length} files of the clone to ${clone}`);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the README, verbatim on a fresh clone', () => {
  it('From nothing to a package: every line of the section runs', async () => {
    const lines = shellLines(readFileSync(join(clone, 'README.md'), 'utf8'), '## From nothing to a package');
    expect(lines).toEqual([
      'npm ci',
      'npm run new -- ../my-contract',
      'cd ../my-contract',
      'npm install',
      'npm test',
      'npm run dev',
      'npm run package',
    ]);
    const outputs = await runLines(lines, clone);
    expect(outputs.get('npm run new -- ../my-contract')).toContain('Created my-contract from the typescript template');
    expect(outputs.get('npm test')).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(outputs.get('npm run dev')).toContain('Transactions of my-contract:');
    expect(outputs.get('npm run package')).toMatch(/Package id: my-contract_1\.0\.0:[0-9a-f]{64}/);
    const pkg = JSON.parse(readFileSync(join(work, 'my-contract', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).toEqual(['@chaincode/contract-api', '@chaincode/shim']);
    // the templates' flows need only this project's installs: they run while the package is tried
    startTemplateFlows();
  }, 900000);

  it('the package installs as a peer installs it (npm ci --omit=dev) and starts with cc-start', async () => {
    const peerDir = join(work, 'peer-node');
    unpack(join(work, 'my-contract', 'my-contract_1.0.0.tar.gz'), peerDir);
    const src = join(peerDir, 'src');
    await mustRun('npm ci --omit=dev', src);
    expect(readdirSync(join(src, 'node_modules', '@chaincode')).sort()).toEqual(['contract-api', 'shim']);
    await startAsPeerDoes(src, 'my-contract');
  }, 300000);

  it('a --bundle package installs with no registry at all, and starts', async () => {
    await mustRun('npm run package -- --bundle -o bundled.tar.gz', join(work, 'my-contract'));
    const peerDir = join(work, 'peer-bundle');
    unpack(join(work, 'my-contract', 'bundled.tar.gz'), peerDir);
    const src = join(peerDir, 'src');
    // a registry nobody serves and an empty cache: any download would fail the install
    await mustRun('npm ci --omit=dev', src, {
      env: {
        npm_config_registry: 'http://127.0.0.1:9/',
        npm_config_cache: join(work, 'empty-cache'),
        npm_config_fetch_retries: '0',
        npm_config_prefer_offline: 'false',
      },
    });
    await startAsPeerDoes(src, 'my-contract');
  }, 300000);
});

/** At most this many template flows at once (2 cores: one flow's npm waits while another's jest runs). */
const TEMPLATE_CONCURRENCY = 2;
const templateFlows = new Map<string, Promise<Map<string, string>>>();
let slots = TEMPLATE_CONCURRENCY;
const waiting: (() => void)[] = [];
// `npm run new` builds in the clone: one at a time, as a user runs them
let newChain: Promise<unknown> = Promise.resolve();

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (slots === 0) await new Promise<void>((wake) => waiting.push(wake));
  else slots -= 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next !== undefined) next();
    else slots += 1;
  }
}

/** A template's README flow in a project made from the clone; resolves with each line's output. */
async function templateFlow(template: string): Promise<Map<string, string>> {
  const made = newChain.then(() => mustRun(`npm run new -- ../${template} --template ${template}`, clone));
  newChain = made.catch(() => undefined);
  const created = await made;
  // the first project packed the clone's packages; nothing changed since, so they are reused (a
  // plain throw, not expect: the flow may run while another test does)
  if (!created.includes('Reused the packed @chaincode/')) throw new Error(`packed again:\n${created}`);
  const project = join(work, template);
  // a warm start for the README's `npm install`: the first project's installs, hard-linked (npm
  // keeps what the project needs, removes the rest, adds what is missing)
  execFileSync('cp', ['-al', join(work, 'my-contract', 'node_modules'), join(project, 'node_modules')]);
  const lines = shellLines(readFileSync(join(project, 'README.md'), 'utf8'));
  if (lines[0] !== 'npm install') throw new Error(`the README's commands start with ${String(lines[0])}`);
  return runLines(lines, project);
}

/**
 * Start every template's flow (at most TEMPLATE_CONCURRENCY at a time) once the first project is
 * installed; each template's test then waits for its own flow and checks it, so a failure names
 * its template. Called again by each test, it starts nothing twice.
 */
function startTemplateFlows(): void {
  for (const template of TEMPLATES) {
    if (templateFlows.has(template)) continue;
    const flow = inSlot(() => templateFlow(template));
    flow.catch(() => undefined); // awaited (and reported) by the template's own test
    templateFlows.set(template, flow);
  }
}

function flowOf(template: string): Promise<Map<string, string>> {
  startTemplateFlows();
  return templateFlows.get(template) as Promise<Map<string, string>>;
}

describe.each(TEMPLATES)("the %s template's README, verbatim", (template) => {
  it('runs every command of its Next commands', async () => {
    const outputs = await flowOf(template);
    const project = join(work, template);
    expect(outputs.get('npm test')).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(outputs.get('npm run dev')).toContain('Transactions of');
    expect(outputs.get('npx chaincode dev --script transactions.txt')).toContain('all as expected.');
    expect(outputs.get('npm run package')).toMatch(new RegExp(`Package id: ${template}_1\\.0\\.0:[0-9a-f]{64}`));
    if (template === 'ccaas') {
      const code = join(work, 'ccaas-code');
      unpack(join(project, 'ccaas_1.0.0.tar.gz'), code);
      expect(JSON.parse(readFileSync(join(code, 'connection.json'), 'utf8'))).toMatchObject({ address: 'ccaas:9999' });
    }
  }, 600000);
});

describe('a TypeScript type error', () => {
  it('fails npm test', async () => {
    const project = join(work, 'typescript');
    const source = join(project, 'src', 'asset-contract.ts');
    const text = readFileSync(source, 'utf8');
    expect(text).toContain('return previousOwner;');
    execFileSync('sh', ['-c', `sed -i 's/return previousOwner;/return 42;/' '${source}'`]);
    const ran = await sh('npm test', project);
    expect(ran.code).not.toBe(0);
    expect(ran.output).toMatch(/error TS2322: Type 'number' is not assignable to type 'string'/);
  }, 120000);
});
