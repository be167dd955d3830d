import { createServer, type Server } from 'node:net';
import { cc, failure, jsTemplate } from '../../test-utils/run-cc';

const quiet = { CORE_CHAINCODE_LOGGING_LEVEL: 'critical' };

/** Run `fn` while recording what reaches the console (grpc-js writes its own lines there). */
async function consoleOutput(fn: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const spies = (['error', 'warn', 'log'] as const).map((name) =>
    jest.spyOn(console, name).mockImplementation((...args: unknown[]) => {
      seen.push(args);
    }),
  );
  try {
    await fn();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return seen;
}

describe('chaincode server', () => {
  it('a server port already in use: one line, and no raw grpc-js output', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const { port } = blocker.address() as { port: number };
    try {
      const output = await consoleOutput(async () => {
        const run = await cc(
          ['server', '--chaincode-address', `127.0.0.1:${port}`, '--chaincode-id', 'cc:1', '--module-path', jsTemplate],
          { env: quiet },
        );
        expect(failure(run).line).toBe(`chaincode: cannot listen on 127.0.0.1:${port}: the port is already in use`);
        expect(run.error).toMatchObject({ code: 'CC_SHIM_LISTEN_FAILED' });
      });
      expect(output).toEqual([]);
    } finally {
      await new Promise<void>((r) =>
        blocker.close(() => {
          r();
        }),
      );
    }
  });

  it.each([
    ['nonsense', '"nonsense" has no port (give host:port, e.g. 127.0.0.1:7052)'],
    ['peer.example.invalid', '"peer.example.invalid" has no port (give host:port, e.g. 127.0.0.1:7052)'],
    ['0.0.0.0:99999', '"0.0.0.0:99999" has no valid port ("99999"; a number from 0 to 65535)'],
  ])('an address %s is refused before any lookup or bind', async (address, problem) => {
    const output = await consoleOutput(async () => {
      const run = await cc(
        ['server', '--chaincode-address', address, '--chaincode-id', 'cc:1', '--module-path', jsTemplate],
        { env: quiet },
      );
      expect(failure(run).line).toBe(
        `chaincode: --chaincode-address (or CORE_CHAINCODE_ADDRESS) must be host:port: ${problem}`,
      );
    });
    expect(output).toEqual([]);
  });
});
