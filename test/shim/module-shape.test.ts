import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as sinon from 'sinon';

/**
 * `require('@chaincode/shim')` as users get it: the tsc build (`npm test` builds first). Jest runs
 * our sources through swc, whose CommonJS output makes every export a getter, so these tests load
 * `dist/` on purpose: it is the artifact a user's unit tests and the bins see.
 */
const repo = resolve(__dirname, '..', '..');
const dist = join(repo, 'packages', 'shim', 'dist');
const jsTemplate = join(repo, 'templates', 'javascript');

interface ShimModule {
  start: (chaincode: unknown, options?: unknown) => unknown;
  server: (...args: unknown[]) => unknown;
  Shim: { start: (...args: unknown[]) => unknown };
  ChaincodeStub: new (...args: never[]) => unknown;
  success: (payload?: Uint8Array) => { status: number; payload: Uint8Array };
  error: (message: string) => { status: number; message: string };
  [name: string]: unknown;
}

const loadShim = (): ShimModule => require(join(dist, 'index.js')) as ShimModule;

beforeAll(() => {
  if (!existsSync(join(dist, 'index.js'))) throw new Error('build first: npm run build (these tests load dist/)');
});

afterEach(() => {
  sinon.restore();
});

describe('require("@chaincode/shim") is a plain CommonJS object, as fabric-shim is', () => {
  it('every export is an ordinary writable, configurable data property', () => {
    const shim = loadShim();
    const accessors = Object.keys(shim).filter((name) => {
      const descriptor = Object.getOwnPropertyDescriptor(shim, name)!;
      return !('value' in descriptor) || descriptor.writable !== true || descriptor.configurable !== true;
    });
    expect(accessors).toEqual([]);
    expect(Object.keys(shim).sort()).toEqual(
      expect.arrayContaining(['Shim', 'start', 'server', 'success', 'error', 'newLogger', 'ChaincodeStub', 'Stub']),
    );
  });

  it('shim.start = fn replaces start for every caller that looks it up at call time', () => {
    const shim = loadShim();
    const original = shim.start;
    try {
      const calls: unknown[] = [];
      shim.start = (chaincode) => calls.push(chaincode);
      (require(join(dist, 'index.js')) as ShimModule).start('cc');
      expect(calls).toEqual(['cc']);
    } finally {
      shim.start = original;
    }
  });
});

describe('a low-level entry file unit-tested the fabric-samples way: sinon stubs shim.start', () => {
  it('captures the chaincode the file starts, which then runs against a stubbed ChaincodeStub', async () => {
    const shim = loadShim();
    const start = sinon.stub(shim, 'start');
    jest.isolateModules(() => {
      // the entry file requires '@chaincode/shim' by name, as a user's file does
      jest.doMock('@chaincode/shim', () => shim);
      require('./fixtures/legacy-chaincode.js');
    });
    expect(start.calledOnce).toBe(true);
    const chaincode = start.firstCall.args[0] as {
      Invoke: (stub: unknown) => Promise<{ status: number; message: string; payload: Uint8Array }>;
    };
    const stub = sinon.createStubInstance(shim.ChaincodeStub) as unknown as Record<string, sinon.SinonStub>;
    stub.getFunctionAndParameters!.returns({ fcn: 'balance', params: ['alice'] });
    stub.getState!.resolves(Buffer.from('70'));
    const found = await chaincode.Invoke(stub);
    expect([found.status, Buffer.from(found.payload).toString()]).toEqual([200, '70']);
    stub.getState!.resolves(Buffer.alloc(0));
    expect(await chaincode.Invoke(stub)).toMatchObject({ status: 500, message: 'no balance for alice' });
  });

  it('sinon.stub(shim.Shim, "start") captures it too: the module function calls Shim.start at call time', () => {
    const shim = loadShim();
    const start = sinon.stub(shim.Shim, 'start');
    shim.start('cc', { peerAddress: 'p:1' });
    expect(start.firstCall.args).toEqual(['cc', { peerAddress: 'p:1' }]);
  });
});

describe('a harness that replaces start, then runs the bin entry in process', () => {
  it('cc-start hands the contract chaincode and its options to the replaced start, and dials nothing', async () => {
    const shim = loadShim();
    const start = sinon.stub(shim, 'start').returns(undefined);
    const { runCcStart } = require(join(dist, 'commands', 'cc-start-cli.js')) as {
      runCcStart: (io: object) => Promise<void>;
    };
    let stdout = '';
    await runCcStart({
      argv: ['--peer.address', '127.0.0.1:1', '--chaincode-id-name', 'harness', '--module-path', jsTemplate],
      env: { CORE_CHAINCODE_LOGGING_LEVEL: 'critical' },
      cwd: repo,
      stdout: (text: string) => (stdout += text),
    });
    expect(stdout).toBe('');
    expect(start.calledOnce).toBe(true);
    const [chaincode, options] = start.firstCall.args as [
      { metadata: { contracts: Record<string, unknown> }; Invoke: unknown },
      Record<string, unknown>,
    ];
    expect(Object.keys(chaincode.metadata.contracts)).toContain('AssetContract');
    expect(typeof chaincode.Invoke).toBe('function');
    expect(options).toMatchObject({ peerAddress: '127.0.0.1:1', chaincodeIdName: 'harness', reconnectTimeoutMs: -1 });
  });

  it('fabric-chaincode-node start does the same', async () => {
    const shim = loadShim();
    const start = sinon.stub(shim, 'start').returns(undefined);
    const { runFabricChaincodeNodeCli } = require(join(dist, 'commands', 'fabric-chaincode-node-cli.js')) as {
      runFabricChaincodeNodeCli: (io: object) => Promise<void>;
    };
    await runFabricChaincodeNodeCli({
      argv: ['start', '--peer.address', '127.0.0.1:1', '--chaincode-id-name', 'fcn', '--module-path', jsTemplate],
      env: { CORE_CHAINCODE_LOGGING_LEVEL: 'critical' },
      cwd: repo,
      stdout: () => undefined,
    });
    expect(start.calledOnce).toBe(true);
    expect(start.firstCall.args[1]).toMatchObject({ chaincodeIdName: 'fcn' });
  });
});
