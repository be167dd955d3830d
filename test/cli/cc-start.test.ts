import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevPeer } from '@chaincode/dev-peer';
import { BINS, reap, repo, spawnBin, type Child } from './helpers/spawn-cli';

// cc-start (and the shim's drop-in fabric-chaincode-node) as real child processes, the way a peer
// runs `npm start -- --peer.address <addr>` in a chaincode container, against the dev peer.
const jsTemplate = join(repo, 'templates', 'javascript');
const quiet = { CORE_CHAINCODE_LOGGING_LEVEL: 'error' };
let peer: DevPeer | undefined;
let child: Child | undefined;

afterEach(async () => {
  await reap(child);
  child = undefined;
  await peer?.stop();
  peer = undefined;
});

async function created(p: DevPeer, name: string, id: string): Promise<void> {
  const r = await p.submit(name, ['CreateAsset', id, 'blue', '2', 'Ann', '9']);
  expect(r.status).toBe(200);
  expect((await p.evaluate(name, ['ReadAsset', id])).status).toBe(200);
}

describe('cc-start as a child process', () => {
  it('registers, serves transactions, and exits 1 with one line when the peer goes away', async () => {
    const p = (peer = await DevPeer.start());
    child = spawnBin(
      BINS.ccStart,
      ['--peer.address', p.address, '--chaincode-id-name', 'assets', '--module-path', jsTemplate],
      quiet,
    );
    await p.waitForChaincode('assets', { timeoutMs: 15000 });
    await created(p, 'assets', 'a1');
    await p.stop();
    peer = undefined;
    const { code, stderr } = await child.exited;
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(
      new RegExp(`^chaincode: the connection to peer ${p.address.replace(/\./g, '\\.')} ended: `),
    );
    expect(stderr).not.toContain('    at ');
  });

  it('takes everything from CORE_ variables, dials the peer over TLS, and exits 0 on SIGTERM', async () => {
    const p = (peer = await DevPeer.start({ tls: true }));
    const dir = mkdtempSync(join(tmpdir(), 'cc-start-tls-'));
    try {
      writeFileSync(join(dir, 'root.pem'), p.tlsRootCert ?? '');
      child = spawnBin(BINS.ccStart, [], {
        ...quiet,
        CORE_PEER_ADDRESS: p.address,
        CORE_CHAINCODE_ID_NAME: 'assets:1.0',
        CORE_MODULE_PATH: jsTemplate,
        CORE_PEER_TLS_ENABLED: 'TRUE',
        CORE_PEER_TLS_ROOTCERT_FILE: join(dir, 'root.pem'),
      });
      await p.waitForChaincode('assets:1.0', { timeoutMs: 15000 });
      await created(p, 'assets:1.0', 'tls1');
      child.process.kill('SIGTERM');
      expect((await child.exited).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line for an unknown flag', async () => {
    child = spawnBin(BINS.ccStart, ['--peer.adress', '127.0.0.1:7052']);
    const { code, stderr } = await child.exited;
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('chaincode: Unknown argument: peer.adress');
    expect(stderr).not.toContain('    at ');
  });

  it('exits 1 with one line for a module without contracts', async () => {
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
    const dir = mkdtempSync(join(tmpdir(), 'fcn-meta-'));
    try {
      child = spawnBin(BINS.fabricChaincodeNode, [
        'metadata',
        'generate',
        '--module-path',
        jsTemplate,
        '--file',
        join(dir, 'meta'),
      ]);
      const { code, stdout } = await child.exited;
      expect(code).toBe(0);
      expect(stdout).toContain(join(dir, 'meta.json'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
