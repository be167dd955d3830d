import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '@chaincode/cli';
import { DevPeer } from '@chaincode/dev-peer';
import { freePort, waitForPort } from './helpers/net';
import { createTlsFiles, type TlsFiles } from './helpers/tls-files';

// `cc server` (chaincode as a service) with the dev peer dialling in, as a Fabric peer does with
// a ccaas package: plain, TLS, and mutual TLS where clients without a certificate are refused.
const jsTemplate = resolve(__dirname, '..', '..', 'templates', 'javascript');
const quiet = { CORE_CHAINCODE_LOGGING_LEVEL: 'error' };
let dir: string;
let tls: TlsFiles;
let peer: DevPeer;

interface RunningServer {
  readonly address: string;
  stop(): Promise<unknown>;
}

async function startServer(flags: string[], env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const controller = new AbortController();
  let stderr = '';
  const running = runCli({
    argv: ['server', '--chaincode-address', `127.0.0.1:${port}`, '--module-path', jsTemplate, ...flags],
    cwd: dir,
    env: { ...quiet, ...env },
    stdout: { write: () => true },
    stderr: { write: (t: string) => (stderr += t) },
    signal: controller.signal,
  });
  const failed = running.then(
    () => new Error(`cc server stopped early: ${stderr}`),
    (err: unknown) => err,
  );
  const outcome = await Promise.race([waitForPort(port).then(() => undefined), failed]);
  if (outcome instanceof Error) throw outcome;
  if (outcome !== undefined) throw new Error('cc server failed to start');
  return {
    address: `127.0.0.1:${port}`,
    stop: async () => {
      controller.abort();
      await running;
    },
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cc-server-'));
  tls = createTlsFiles(dir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  peer = await DevPeer.start();
});

afterEach(async () => {
  await peer.stop();
});

async function createAsset(name: string, id: string): Promise<void> {
  const r = await peer.submit(name, ['CreateAsset', id, 'red', '1', 'Ann', '5']);
  expect(r.status).toBe(200);
  expect(JSON.parse(Buffer.from(peer.getState(name, id) ?? []).toString())).toMatchObject({ id });
}

describe('cc server', () => {
  it('serves without TLS, options from CORE_ variables', async () => {
    const port = await freePort();
    const controller = new AbortController();
    const running = runCli({
      argv: ['server', '--module-path', jsTemplate],
      cwd: dir,
      env: { ...quiet, CORE_CHAINCODE_ADDRESS: `127.0.0.1:${port}`, CORE_CHAINCODE_ID: 'assets_1.0:abc' },
      stdout: { write: () => true },
      stderr: { write: () => true },
      signal: controller.signal,
    });
    try {
      await waitForPort(port);
      await peer.connectToChaincode('assets', { address: `127.0.0.1:${port}` });
      await createAsset('assets', 'a1');
    } finally {
      controller.abort();
      await running;
    }
  });

  it('serves several peers at once, each on its own connection', async () => {
    const server = await startServer(['--chaincode-id', 'assets_1.0:abc']);
    const second = await DevPeer.start();
    try {
      await peer.connectToChaincode('assets', { address: server.address });
      await second.connectToChaincode('assets', { address: server.address });
      await createAsset('assets', 'p1');
      const r = await second.submit('assets', ['CreateAsset', 'p2', 'red', '1', 'Bo', '5']);
      expect(r.status).toBe(200);
      // each peer has its own ledger: the first never saw p2
      expect(peer.getState('assets', 'p2')).toBeUndefined();
    } finally {
      await second.stop();
      await server.stop();
    }
  });

  const b64 = (file: string, name: string): string => {
    const out = join(dir, name);
    writeFileSync(out, readFileSync(file).toString('base64'));
    return out;
  };

  it.each([
    [
      'PEM files',
      (): string[] => ['--chaincode-tls-cert-file', tls.serverCert, '--chaincode-tls-key-file', tls.serverKey],
    ],
    [
      'base64 files, the -path flags',
      (): string[] => [
        '--chaincode-tls-cert-path',
        b64(tls.serverCert, 'server.b64'),
        '--chaincode-tls-key-path',
        b64(tls.serverKey, 'key.b64'),
      ],
    ],
  ])('serves over TLS (%s)', async (_files, tlsFlags) => {
    const server = await startServer(['--chaincode-id', 'assets_1.0:abc', ...tlsFlags()]);
    try {
      await peer.connectToChaincode('assets', {
        address: server.address,
        tls: { rootCert: readFileSync(tls.caCert), serverNameOverride: 'localhost' },
      });
      await createAsset('assets', 'tls1');
    } finally {
      await server.stop();
    }
  });

  it('with mutual TLS, accepts the CA-signed client and refuses one without a certificate or from another CA', async () => {
    const server = await startServer([
      '--chaincode-id',
      'assets_1.0:abc',
      '--chaincode-tls-cert-file',
      tls.serverCert,
      '--chaincode-tls-key-file',
      tls.serverKey,
      '--chaincode-tls-client-cacert-file',
      tls.caCert,
    ]);
    try {
      const rootCert = readFileSync(tls.caCert);
      await expect(
        peer.connectToChaincode('anonymous', {
          address: server.address,
          tls: { rootCert, serverNameOverride: 'localhost' },
        }),
      ).rejects.toThrow();
      await expect(
        peer.connectToChaincode('stranger', {
          address: server.address,
          tls: {
            rootCert,
            serverNameOverride: 'localhost',
            clientCert: readFileSync(tls.strangerCert),
            clientKey: readFileSync(tls.strangerKey),
          },
        }),
      ).rejects.toThrow();
      await peer.connectToChaincode('assets', {
        address: server.address,
        tls: {
          rootCert,
          serverNameOverride: 'localhost',
          clientCert: readFileSync(tls.clientCert),
          clientKey: readFileSync(tls.clientKey),
        },
      });
      await createAsset('assets', 'mtls1');
    } finally {
      await server.stop();
    }
  });

  it('refuses a certificate file that does not exist, in one line', async () => {
    const port = await freePort();
    await expect(
      runCli({
        argv: [
          'server',
          '--chaincode-address',
          `127.0.0.1:${port}`,
          '--chaincode-id',
          'x:1',
          '--chaincode-tls-cert-file',
          join(dir, 'missing.pem'),
          '--chaincode-tls-key-file',
          tls.serverKey,
          '--module-path',
          jsTemplate,
        ],
        cwd: dir,
        env: quiet,
        stdout: { write: () => true },
        stderr: { write: () => true },
      }),
    ).rejects.toMatchObject({ code: 'CC_SHIM_INVALID_OPTIONS', message: expect.stringContaining('missing.pem') });
  });
});
