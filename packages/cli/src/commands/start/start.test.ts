import { join } from 'node:path';
import { DevPeer } from '@chaincode/dev-peer';
import { EXIT_FAILED } from '../../entry';
import { cc, closedPort, failure, fixtures, jsTemplate, useTempDir } from '../../test-utils/run-cc';

const tempDir = useTempDir();

describe('cc start: errors are one line and non-zero', () => {
  it('start without a peer address', async () => {
    const { line, code } = failure(await cc(['start', '--chaincode-id-name', 'cc1', '--module-path', jsTemplate]));
    expect(line).toMatch(/^chaincode: .*peer\.address/);
    expect(code).toBe(EXIT_FAILED);
  });

  it('a module path that does not exist', async () => {
    const run = await cc([
      'start',
      '--peer.address',
      '127.0.0.1:1',
      '--chaincode-id-name',
      'cc1',
      '--module-path',
      join(tempDir(), 'nope'),
    ]);
    expect(failure(run).line).toBe(
      `chaincode: cannot load the contract module: ${join(tempDir(), 'nope')} does not exist`,
    );
  });

  it('a module without contracts', async () => {
    const run = await cc([
      'start',
      '--peer.address',
      '127.0.0.1:1',
      '--chaincode-id-name',
      'cc1',
      '--module-path',
      join(fixtures, 'no-contracts'),
    ]);
    const { line, code } = failure(run);
    expect(line).toMatch(/^chaincode: No contracts exported by index\.js/);
    expect(code).toBe(EXIT_FAILED);
  });

  it('an unreachable peer, after retrying with backoff', async () => {
    const port = await closedPort();
    const started = Date.now();
    const run = await cc(
      ['start', '--peer.address', `127.0.0.1:${port}`, '--chaincode-id-name', 'cc1', '--module-path', jsTemplate],
      {
        retry: { attempts: 3, initialDelayMs: 20, maxDelayMs: 40 },
      },
    );
    expect(failure(run).line).toMatch(
      new RegExp(`^chaincode: cannot reach the peer at 127\\.0\\.0\\.1:${port} after 3 attempts: `),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(60); // 20 + 40 ms of backoff
  });
});

describe('start with CORE_ variables', () => {
  it('takes the peer address and chaincode id from the environment, and stops cleanly on abort', async () => {
    const peer = await DevPeer.start();
    const controller = new AbortController();
    try {
      const running = cc(['start', '--module-path', jsTemplate], {
        env: {
          CORE_PEER_ADDRESS: peer.address,
          CORE_CHAINCODE_ID_NAME: 'assets',
          CORE_CHAINCODE_LOGGING_LEVEL: 'error',
        },
        signal: controller.signal,
      });
      await peer.waitForChaincode('assets', { timeoutMs: 10000 });
      const r = await peer.submit('assets', ['CreateAsset', 'a1', 'red', '1', 'Ann', '5']);
      expect(r.status).toBe(200);
      controller.abort();
      expect((await running).error).toBeUndefined();
    } finally {
      controller.abort();
      await peer.stop();
    }
  });

  it('fails with one line when the peer goes away', async () => {
    const peer = await DevPeer.start();
    let stopped = false;
    try {
      const running = cc(
        ['start', '--peer.address', peer.address, '--chaincode-id-name', 'assets', '--module-path', jsTemplate],
        {
          env: { CORE_CHAINCODE_LOGGING_LEVEL: 'error' },
        },
      );
      await peer.waitForChaincode('assets', { timeoutMs: 10000 });
      await peer.stop();
      stopped = true;
      const { line, code } = failure(await running);
      expect(line).toMatch(
        new RegExp(`^chaincode: the connection to peer ${peer.address.replace(/\./g, '\\.')} ended: `),
      );
      expect(code).toBe(EXIT_FAILED);
    } finally {
      if (!stopped) await peer.stop();
    }
  });
});
