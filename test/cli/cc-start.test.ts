import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevPeer } from '@chaincode/dev-peer';
import { BINS, reap, repo, spawnBin, type Child } from './helpers/spawn-cli';

// cc-start and fabric-chaincode-node (the bins of @chaincode/shim) as real child processes, the
// way a peer runs `npm start -- --peer.address <addr>` in a chaincode container, against the dev peer.
const jsTemplate = join(repo, 'templates', 'javascript');
const typedFixture = join(__dirname, 'fixtures', 'typed-contract');
const quiet = { CORE_CHAINCODE_LOGGING_LEVEL: 'error' };
const shimBin = join(repo, 'packages', 'shim', 'bin');
let peer: DevPeer | undefined;
let child: Child | undefined;
let dir: string | undefined;

afterEach(async () => {
  await reap(child);
  child = undefined;
  await peer?.stop();
  peer = undefined;
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function tempDir(): string {
  dir ??= mkdtempSync(join(tmpdir(), 'cc-start-'));
  return dir;
}

async function created(p: DevPeer, name: string, id: string): Promise<void> {
  const r = await p.submit(name, ['CreateAsset', id, 'blue', '2', 'Ann', '9']);
  expect(r.status).toBe(200);
  expect((await p.evaluate(name, ['ReadAsset', id])).status).toBe(200);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('cc-start as a child process', () => {
  it('outlives a peer restart: registers again with the new peer, serves it, and exits 0 on SIGTERM', async () => {
    const first = await DevPeer.start();
    const port = Number(first.address.split(':')[1]);
    peer = first;
    child = spawnBin(
      BINS.ccStart,
      ['--peer.address', first.address, '--chaincode-id-name', 'assets', '--module-path', jsTemplate],
      quiet,
    );
    await first.waitForChaincode('assets', { timeoutMs: 15000 });
    await created(first, 'assets', 'a1');
    await first.stop();
    peer = await DevPeer.start({ port });
    await peer.waitForChaincode('assets', { timeoutMs: 15000 });
    await created(peer, 'assets', 'a2');
    child.process.kill('SIGTERM');
    const { code, stderr } = await child.exited;
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('with --reconnect-timeout-ms 0, exits 1 with one line when the peer goes away', async () => {
    const p = (peer = await DevPeer.start());
    child = spawnBin(
      BINS.ccStart,
      ['--peer.address', p.address, '--chaincode-id-name', 'assets', '--module-path', jsTemplate],
      { ...quiet, CORE_CHAINCODE_LOGGING_LEVEL: 'critical', CORE_RECONNECT_TIMEOUT_MS: '0' },
    );
    await p.waitForChaincode('assets', { timeoutMs: 15000 });
    await p.stop();
    peer = undefined;
    const { code, stderr } = await child.exited;
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^cc-start: the connection to the peer at ${escape(p.address)} ended \\(.+\\); reconnecting is off$`,
        ),
      ),
    ]);
  });

  describe('against a peer that accepts connections and never answers', () => {
    let silent: Server;
    const sockets: Socket[] = [];
    beforeEach(async () => {
      silent = createServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    });
    afterEach(async () => {
      for (const socket of sockets.splice(0)) socket.destroy();
      await new Promise<void>((resolve) =>
        silent.close(() => {
          resolve();
        }),
      );
    });

    it('gives up within the connect timeout, exits 1 and names what it waited for', async () => {
      const address = `127.0.0.1:${(silent.address() as { port: number }).port}`;
      child = spawnBin(
        BINS.ccStart,
        [
          '--peer.address',
          address,
          '--chaincode-id-name',
          'cc',
          '--module-path',
          jsTemplate,
          '--connect-timeout-ms',
          '700',
        ],
        { CORE_CHAINCODE_LOGGING_LEVEL: 'critical' },
      );
      const { code, stderr } = await child.exited;
      expect(code).toBe(1);
      // one line; the attempt's own wait is what was left of the 700 ms when it started (700 or a little less)
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      const escaped = address.replace(/[.]/g, '\\.');
      expect(lines[0]).toMatch(
        new RegExp(
          `^cc-start: could not register chaincode cc with the peer at ${escaped} within 700 ms \\(1 attempt\\): ` +
            `no gRPC connection to ${escaped} \\(the TCP, TLS or HTTP/2 handshake did not complete\\) within (6\\d\\d|700) ms$`,
        ),
      );
    });
  });

  it('takes everything from CORE_ variables, dials the peer over TLS, and exits 0 on SIGTERM', async () => {
    const p = (peer = await DevPeer.start({ tls: true }));
    writeFileSync(join(tempDir(), 'root.pem'), p.tlsRootCert ?? '');
    child = spawnBin(BINS.ccStart, [], {
      ...quiet,
      CORE_PEER_ADDRESS: p.address,
      CORE_CHAINCODE_ID_NAME: 'assets:1.0',
      CORE_MODULE_PATH: jsTemplate,
      CORE_PEER_TLS_ENABLED: 'TRUE',
      CORE_PEER_TLS_ROOTCERT_FILE: join(tempDir(), 'root.pem'),
    });
    await p.waitForChaincode('assets:1.0', { timeoutMs: 15000 });
    await created(p, 'assets:1.0', 'tls1');
    child.process.kill('SIGTERM');
    expect((await child.exited).code).toBe(0);
  });

  it('exits 2 with one line (and where to look) for an unknown flag', async () => {
    child = spawnBin(BINS.ccStart, ['--peer.adress', '127.0.0.1:7052']);
    const { code, stderr } = await child.exited;
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      'cc-start: Unknown argument: peer.adress',
      'Run cc-start --help for its flags.',
    ]);
  });

  it('refuses a peer address without a port at once, without dialling port 443', async () => {
    child = spawnBin(BINS.ccStart, [
      '--peer.address',
      '127.0.0.1',
      '--chaincode-id-name',
      'x',
      '--module-path',
      jsTemplate,
    ]);
    const { code, stderr } = await child.exited;
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'cc-start: --peer.address (or CORE_PEER_ADDRESS) must be host:port: "127.0.0.1" has no port (give host:port, e.g. 127.0.0.1:7052)',
    ]);
  });

  it('exits 1 with one line for a module without contracts (chaincode start alike)', async () => {
    child = spawnBin(BINS.chaincode, [
      'start',
      '--peer.address',
      '127.0.0.1:7052',
      '--chaincode-id-name',
      'x',
      '--module-path',
      join(repo, 'packages', 'cli', 'src', '__fixtures__', 'no-contracts'),
    ]);
    const { code, stderr } = await child.exited;
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^chaincode: No contracts exported by index\.js/),
    ]);
  });

  it('shows the stack with --verbose', async () => {
    child = spawnBin(BINS.chaincode, [
      'metadata',
      'generate',
      '--verbose',
      '-p',
      join(repo, 'packages', 'cli', 'src', '__fixtures__', 'throws-on-load'),
    ]);
    const { code, stderr } = await child.exited;
    expect(code).toBe(1);
    expect(stderr).toContain('    at ');
  });

  it('loads no dev tooling: nothing of the CLI, the dev peer or their libraries', async () => {
    const p = (peer = await DevPeer.start());
    const list = join(tempDir(), 'modules.json');
    const preload = join(tempDir(), 'list-modules.js');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    child = spawnBin(
      BINS.ccStart,
      ['--peer.address', p.address, '--chaincode-id-name', 'lean', '--module-path', jsTemplate],
      { ...quiet, NODE_OPTIONS: `--require ${preload}` },
    );
    await p.waitForChaincode('lean', { timeoutMs: 15000 });
    child.process.kill('SIGTERM');
    expect((await child.exited).code).toBe(0);
    const loaded = JSON.parse(readFileSync(list, 'utf8')) as string[];
    const ours = (pkg: string): string[] => loaded.filter((file) => file.includes(join('packages', pkg, 'src')));
    expect(ours('shim').length).toBeGreaterThan(0);
    expect({ cli: ours('cli'), devPeer: ours('dev-peer') }).toEqual({ cli: [], devPeer: [] });
    expect(loaded.filter((file) => /node_modules[\\/](@peculiar|classic-level|pouchdb)/.test(file))).toEqual([]);
  });

  it("registers before loading a validator: a parameter check compiles on its transaction's first call; a primitive one needs no ajv", async () => {
    const p = (peer = await DevPeer.start());
    const list = join(tempDir(), 'modules.json');
    const preload = join(tempDir(), 'list-modules-on-signal.js');
    writeFileSync(
      preload,
      `process.on('SIGUSR2', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    child = spawnBin(
      BINS.ccStart,
      ['--peer.address', p.address, '--chaincode-id-name', 'typed', '--module-path', typedFixture],
      { ...quiet, NODE_OPTIONS: `--require ${preload}` },
    );
    await p.waitForChaincode('typed', { timeoutMs: 15000 });
    const validatorModules = async (): Promise<string[]> => {
      rmSync(list, { force: true });
      child?.process.kill('SIGUSR2');
      for (let i = 0; i < 100 && !existsSync(list); i++) await new Promise((r) => setTimeout(r, 50));
      return (JSON.parse(readFileSync(list, 'utf8')) as string[]).filter((f) => /node_modules[\\/]ajv[\\/]/.test(f));
    };
    expect(await validatorModules()).toEqual([]);

    // a primitive parameter is checked without ajv
    const doubled = await p.evaluate('typed', ['Double', '21']);
    expect({ status: doubled.status, payload: Buffer.from(doubled.payload).toString() }).toEqual({
      status: 200,
      payload: '42',
    });
    const notANumber = await p.evaluate('typed', ['Double', 'true']);
    expect({ status: notANumber.status, message: notANumber.message }).toEqual({
      status: 500,
      message: `Unable to convert parameter 'n' of transaction 'Double' in contract 'TypedContract': "true" is not a number`,
    });
    expect(await validatorModules()).toEqual([]);

    const refused = await p.evaluate('typed', ['Echo', JSON.stringify({ id: 'a1', value: 'ten' })]);
    expect({ status: refused.status, message: refused.message }).toEqual({
      status: 500,
      message: expect.stringMatching(
        /^Unable to validate parameter 'asset' of transaction 'Echo' in contract 'TypedContract': .*must be number/,
      ) as string,
    });
    const echoed = await p.evaluate('typed', ['Echo', JSON.stringify({ id: 'a1', value: 10 })]);
    expect({ status: echoed.status, payload: Buffer.from(echoed.payload).toString() }).toEqual({
      status: 200,
      payload: '{"id":"a1","value":10}',
    });
    expect((await validatorModules()).length).toBeGreaterThan(0);
  });
});

describe('tools that replace start on the module object (the build, as installed)', () => {
  it('a preload that sets shim.start receives the contract chaincode from the committed cc-start bin, which dials nothing', async () => {
    const out = join(tempDir(), 'captured.json');
    const capture = join(tempDir(), 'capture.js');
    writeFileSync(
      capture,
      [
        // resolved the way a user's tool resolves it: node_modules/@chaincode/shim, its dist/
        `const shim = require(require.resolve('@chaincode/shim', { paths: [${JSON.stringify(repo)}] }));`,
        'shim.start = (chaincode, options) => {',
        `  require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({`,
        '    contracts: Object.keys(chaincode.metadata.contracts),',
        '    hasInvoke: typeof chaincode.Invoke === "function",',
        '    peerAddress: options && options.peerAddress,',
        '  }));',
        '};',
        '',
      ].join('\n'),
    );
    const run = spawnSync(
      process.execPath,
      [
        '--require',
        capture,
        join(shimBin, 'cc-start.js'),
        '--peer.address',
        '127.0.0.1:1',
        '--chaincode-id-name',
        'cap',
        '--module-path',
        jsTemplate,
      ],
      { encoding: 'utf8', env: { ...process.env, ...quiet }, timeout: 20000 },
    );
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({
      contracts: expect.arrayContaining(['AssetContract']),
      hasInvoke: true,
      peerAddress: '127.0.0.1:1',
    });
  });
});

describe('the committed bin files of @chaincode/shim', () => {
  it.each(['cc-start', 'fabric-chaincode-node'])(
    '%s says "build first" in one line and exits 1 when dist/ is missing',
    async (name) => {
      const bin = join(tempDir(), 'shim', 'bin');
      mkdirSync(bin, { recursive: true });
      copyFileSync(join(shimBin, `${name}.js`), join(bin, `${name}.js`));
      const { status: code, stderr } = spawnSync(process.execPath, [join(bin, `${name}.js`)], { encoding: 'utf8' });
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(`^${name}: @chaincode/shim is not built \\(no .+\\): build first: npm run build$`),
        ),
      ]);
    },
  );

  it.each(['cc-start', 'fabric-chaincode-node'])('%s loads dist/bin/%s.js when it exists', async (name) => {
    const root = join(tempDir(), 'shim');
    mkdirSync(join(root, 'bin'), { recursive: true });
    mkdirSync(join(root, 'dist', 'bin'), { recursive: true });
    copyFileSync(join(shimBin, `${name}.js`), join(root, 'bin', `${name}.js`));
    writeFileSync(
      join(root, 'dist', 'bin', `${name}.js`),
      "process.stdout.write('built ' + process.argv.slice(2).join(' '));\n",
    );
    const run = spawnSync(process.execPath, [join(root, 'bin', `${name}.js`), '--x', 'y'], { encoding: 'utf8' });
    expect([run.status, run.stdout]).toEqual([0, 'built --x y']);
  });

  it('are executable and start with a node shebang (npm links them as they are)', async () => {
    for (const name of ['cc-start', 'fabric-chaincode-node']) {
      const file = join(shimBin, `${name}.js`);
      expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
      expect(statSync(file).mode & 0o111).not.toBe(0);
    }
  });
});

describe('a low-level chaincode whose main file calls shim.start() itself', () => {
  const legacy = join(repo, 'test', 'shim', 'fixtures', 'legacy-chaincode.js');

  it('exits 1 with the reason logged when it cannot register within the connect timeout', async () => {
    const silent = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = `127.0.0.1:${(silent.address() as { port: number }).port}`;
    try {
      child = spawnBin(
        legacy,
        ['--peer.address', address, '--chaincode-id-name', 'low', '--connect-timeout-ms', '400'],
        {
          CORE_CHAINCODE_LOGGING_LEVEL: 'critical',
        },
      );
      const { code, stderr } = await child.exited;
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(
            `CRITICAL \\[shim:start\\] the chaincode stops: could not register chaincode low with the peer at ${escape(address)} within 400 ms`,
          ),
        ),
      ]);
    } finally {
      await new Promise<void>((resolve) =>
        silent.close(() => {
          resolve();
        }),
      );
    }
  });

  it('registers again after a peer restart, as cc-start does', async () => {
    const first = await DevPeer.start();
    const port = Number(first.address.split(':')[1]);
    peer = first;
    child = spawnBin(legacy, ['--peer.address', first.address, '--chaincode-id-name', 'low'], quiet);
    await first.waitForChaincode('low', { timeoutMs: 15000 });
    await first.stop();
    peer = await DevPeer.start({ port });
    await peer.waitForChaincode('low', { timeoutMs: 15000 });
    expect((await peer.submit('low', ['init', 'a', '1', 'b', '2'], { init: true })).status).toBe(200);
  });
});

describe('fabric-chaincode-node (the shim bin) as a child process', () => {
  it('start registers with the peer like the official one, and exits 0 on SIGINT', async () => {
    const p = (peer = await DevPeer.start());
    child = spawnBin(
      BINS.fabricChaincodeNode,
      ['start', '--peer.address', p.address, '--chaincode-id-name', 'legacy', '--module-path', jsTemplate],
      quiet,
    );
    await p.waitForChaincode('legacy', { timeoutMs: 15000 });
    await created(p, 'legacy', 'l1');
    child.process.kill('SIGINT');
    expect((await child.exited).code).toBe(0);
  });

  it('metadata generate --file writes <file>.json', async () => {
    child = spawnBin(BINS.fabricChaincodeNode, [
      'metadata',
      'generate',
      '--module-path',
      jsTemplate,
      '--file',
      join(tempDir(), 'meta'),
    ]);
    const { code, stdout } = await child.exited;
    expect(code).toBe(0);
    expect(stdout).toContain(join(tempDir(), 'meta.json'));
  });
});
