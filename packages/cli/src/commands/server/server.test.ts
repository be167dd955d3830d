import { createServer, type Server } from 'node:net';
import { cc, failure, jsTemplate } from '../../test-utils/run-cc';

describe('cc server', () => {
  it('a server port already in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const { port } = blocker.address() as { port: number };
    try {
      const run = await cc([
        'server',
        '--chaincode-address',
        `127.0.0.1:${port}`,
        '--chaincode-id',
        'cc:1',
        '--module-path',
        jsTemplate,
      ]);
      expect(failure(run).line).toBe(`chaincode: cannot listen on 127.0.0.1:${port}: the port is already in use`);
    } finally {
      await new Promise<void>((r) =>
        blocker.close(() => {
          r();
        }),
      );
    }
  });
});
