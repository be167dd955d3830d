import { DevPeer } from '@chaincode/dev-peer';
import type { ChaincodeSession } from '@chaincode/shim';
import { quietLogs, text } from './harness';

/**
 * A chaincode written for fabric-shim 2.5 runs unchanged but for the package name: it calls
 * `shim.start(new Accounts())` itself, which reads --peer.address/--chaincode-id-name from the
 * process arguments, as when a peer launches it.
 */
let peer: DevPeer;
let started: Promise<ChaincodeSession> | undefined;
const savedArgv = process.argv;

beforeAll(async () => {
  quietLogs();
  peer = await DevPeer.start({ capabilities: false });
  process.argv = [savedArgv[0]!, 'chaincode.js', '--peer.address', peer.address, '--chaincode-id-name', 'accounts:1.0'];
  const savedLevel = process.env.CORE_CHAINCODE_LOGGING_SHIM;
  process.env.CORE_CHAINCODE_LOGGING_SHIM = 'warning';
  try {
    jest.isolateModules(() => {
      // Shim.start is looked up at call time by `shim.start`: wrapping it keeps the session, so the
      // test can close it (a process started this way keeps registering again after a lost peer).
      const isolated = require('@chaincode/shim') as typeof import('@chaincode/shim');
      const real = isolated.Shim.start.bind(isolated.Shim);
      isolated.Shim.start = (chaincode, options) => (started = real(chaincode, options));
      require('./fixtures/legacy-chaincode.js');
    });
  } finally {
    process.argv = savedArgv;
    if (savedLevel === undefined) delete process.env.CORE_CHAINCODE_LOGGING_SHIM;
    else process.env.CORE_CHAINCODE_LOGGING_SHIM = savedLevel;
  }
  await peer.waitForChaincode('accounts:1.0', { timeoutMs: 5000 });
  expect(started).toBeDefined();
});

afterAll(async () => {
  await (await started)?.close();
  await peer.stop();
});

it('runs Init and Invoke through require-style shim.start / shim.success / shim.error', async () => {
  const cc = 'accounts:1.0';
  const init = await peer.submit(cc, ['init', 'alice', '100', 'bob', '50'], { init: true });
  expect(init.status).toBe(200);
  const badInit = await peer.evaluate(cc, ['init', 'alice'], { init: true });
  expect([badInit.status, badInit.message]).toEqual([500, 'Init needs 4 arguments: name1 amount1 name2 amount2']);

  const moved = await peer.submit(cc, ['transfer', 'alice', 'bob', '30']);
  expect([moved.status, text(moved.payload)]).toEqual([200, 'moved']);
  expect(moved.event?.name).toBe('transfer');
  expect(JSON.parse(text(moved.event?.payload))).toEqual({ from: 'alice', to: 'bob', value: 30 });

  expect(text((await peer.evaluate(cc, ['balance', 'alice'])).payload)).toBe('70');
  expect(text((await peer.evaluate(cc, ['balance', 'bob'])).payload)).toBe('80');
  const tooMuch = await peer.submit(cc, ['transfer', 'alice', 'bob', '1000']);
  expect([tooMuch.status, tooMuch.message]).toEqual([500, 'cannot move 1000 from alice']);

  const list = await peer.evaluate(cc, ['list', '', '']);
  expect(JSON.parse(text(list.payload))).toEqual([
    { key: 'alice', balance: '70' },
    { key: 'bob', balance: '80' },
  ]);

  expect((await peer.submit(cc, ['close', 'bob'])).status).toBe(200);
  const gone = await peer.evaluate(cc, ['balance', 'bob']);
  expect([gone.status, gone.message]).toEqual([500, 'no balance for bob']);
  expect((await peer.evaluate(cc, ['nope'])).message).toBe('unknown function nope');
  expect(text((await peer.evaluate(cc, ['whoami'])).payload)).toBe(`${peer.defaultIdentity.mspId} 64`);
});

it('exposes the CommonJS surface of fabric-shim', () => {
  const ours = require('@chaincode/shim') as Record<string, unknown>;
  const official = require('fabric-shim') as Record<string, unknown>;
  const officialNames = [...Object.keys(official), 'start', 'success', 'error', 'server', 'newLogger'];
  for (const name of officialNames)
    expect({ name, type: typeof ours[name] }).toEqual({ name, type: typeof official[name] });
  const success = (ours.success as (p?: Buffer) => { status: number; payload: Buffer })(Buffer.from('x'));
  expect([success.status, success.payload.toString()]).toEqual([200, 'x']);
  const error = (ours.error as (m: string) => { status: number; message: string })('bad');
  expect([error.status, error.message]).toEqual([500, 'bad']);
  expect(typeof (ours.Shim as { start: unknown }).start).toBe('function');
  expect(typeof (ours.Iterators as { StateQueryIterator: unknown }).StateQueryIterator).toBe('function');
  expect((ours.default as { success: unknown }).success).toBe((ours.Shim as { success: unknown }).success);
  const stubMethods = (cls: unknown): string[] =>
    Object.getOwnPropertyNames((cls as { prototype: object }).prototype).filter((n) => n !== 'constructor');
  const missing = stubMethods(official.ChaincodeStub).filter((n) => !stubMethods(ours.ChaincodeStub).includes(n));
  expect(missing).toEqual([]);
  expect((ours.ChaincodeStub as { RESPONSE_CODE: unknown }).RESPONSE_CODE).toEqual(
    (official.ChaincodeStub as { RESPONSE_CODE: unknown }).RESPONSE_CODE,
  );
});
