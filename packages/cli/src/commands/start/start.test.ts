import { join } from 'node:path';
import { DevPeer } from '@chaincode/dev-peer';
import { EXIT_FAILED } from '../../entry';
import { cc, closedPort, failure, fixtures, jsTemplate, useTempDir } from '../../test-utils/run-cc';

const tempDir = useTempDir();
const quiet = { CORE_CHAINCODE_LOGGING_LEVEL: 'critical' };

describe('chaincode start: errors are one line and non-zero', () => {
  it('start without a peer address', async () => {
    const run = await cc(['start', '--chaincode-id-name', 'cc1', '--module-path', jsTemplate], { env: quiet });
    const { line, code } = failure(run);
    expect(line).toBe('chaincode: --peer.address (or CORE_PEER_ADDRESS) is required');
    expect(code).toBe(EXIT_FAILED);
  });

  it('a peer address without a port, before anything is dialled', async () => {
    const run = await cc(
      ['start', '--peer.address', '127.0.0.1', '--chaincode-id-name', 'cc1', '--module-path', jsTemplate],
      { env: quiet },
    );
    expect(failure(run).line).toBe(
      'chaincode: --peer.address (or CORE_PEER_ADDRESS) must be host:port: "127.0.0.1" has no port (give host:port, e.g. 127.0.0.1:7052)',
    );
    expect(run.error).toMatchObject({ code: 'CC_SHIM_INVALID_OPTIONS' });
  });

  it('a module path that does not exist', async () => {
    const missing = join(tempDir(), 'nope');
    const run = await cc(
      ['start', '--peer.address', '127.0.0.1:1', '--chaincode-id-name', 'cc1', '--module-path', missing],
      { env: quiet },
    );
    expect(failure(run).line).toBe(`chaincode: cannot load the contract module: ${missing} does not exist`);
    expect(run.error).toMatchObject({ code: 'CC_SHIM_MODULE_LOAD_FAILED' });
  });

  it('a module without contracts', async () => {
    const run = await cc(
      [
        'start',
        '--peer.address',
        '127.0.0.1:1',
        '--chaincode-id-name',
        'cc1',
        '--module-path',
        join(fixtures, 'no-contracts'),
      ],
      { env: quiet },
    );
    const { line, code } = failure(run);
    expect(line).toMatch(/^chaincode: No contracts exported by index\.js/);
    expect(code).toBe(EXIT_FAILED);
    expect(run.error).toMatchObject({ code: 'CC_SHIM_NO_CONTRACTS' });
  });

  it('an unreachable peer: retries with backoff, gives up at the connect timeout and says why', async () => {
    const port = await closedPort();
    const run = await cc(
      ['start', '--peer.address', `127.0.0.1:${port}`, '--chaincode-id-name', 'cc1', '--module-path', jsTemplate],
      { env: { ...quiet, CORE_CONNECT_TIMEOUT_MS: '600' } },
    );
    expect(failure(run).line).toMatch(
      new RegExp(
        `^chaincode: could not register chaincode cc1 with the peer at 127\\.0\\.0\\.1:${port} within 600 ms \\(\\d+ attempts?\\): ` +
          'the stream to the peer failed: UNAVAILABLE \\(14\\)',
      ),
    );
    expect(run.error).toMatchObject({ code: 'CC_SHIM_PEER_UNREACHABLE' });
  });
});

describe('chaincode start with CORE_ variables', () => {
  it('takes the peer address and chaincode id from the environment, and stops cleanly on abort', async () => {
    const peer = await DevPeer.start();
    const controller = new AbortController();
    try {
      const running = cc(['start', '--module-path', jsTemplate], {
        env: { ...quiet, CORE_PEER_ADDRESS: peer.address, CORE_CHAINCODE_ID_NAME: 'assets' },
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

  it('with reconnecting off (CORE_RECONNECT_TIMEOUT_MS=0), fails with one line when the peer goes away', async () => {
    const peer = await DevPeer.start();
    let stopped = false;
    try {
      const running = cc(
        ['start', '--peer.address', peer.address, '--chaincode-id-name', 'assets', '--module-path', jsTemplate],
        { env: { ...quiet, CORE_RECONNECT_TIMEOUT_MS: '0' } },
      );
      await peer.waitForChaincode('assets', { timeoutMs: 10000 });
      await peer.stop();
      stopped = true;
      const { line, code } = failure(await running);
      expect(line).toMatch(
        new RegExp(
          `^chaincode: the connection to the peer at ${peer.address.replace(/\./g, '\\.')} ended \\(.+\\); reconnecting is off$`,
        ),
      );
      expect(code).toBe(EXIT_FAILED);
    } finally {
      if (!stopped) await peer.stop();
    }
  });
});
