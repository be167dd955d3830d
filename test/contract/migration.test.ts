/**
 * The migration path (issue 7, README "Moving over from fabric-contract-api"): a JavaScript contract
 * project written for fabric-contract-api / fabric-shim 2.5 keeps its code and its `npm start`
 * (`fabric-chaincode-node start`), and only aliases the two dependencies to our packages
 * (`"fabric-contract-api": "npm:@chaincode/contract-api@..."`). Here the aliases are symlinks to the
 * workspace packages (what npm installs for an alias), the bin is the built one the alias provides,
 * and the chaincode runs as a child process against the dev peer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevPeer } from '@chaincode/dev-peer';

const root = join(__dirname, '..', '..');
const fixture = join(__dirname, 'fixtures', 'migration');
const ours = {
  'fabric-contract-api': join(root, 'packages', 'contract-api'),
  'fabric-shim': join(root, 'packages', 'shim'),
};

interface Running {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; stderr: string }>;
}

const dirs: string[] = [];
const children: ChildProcess[] = [];

/** A copy of the fixture project whose node_modules holds `aliases` (name → package folder). */
function project(aliases: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cc-migration-'));
  dirs.push(dir);
  cpSync(fixture, dir, { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const [name, target] of Object.entries(aliases)) symlinkSync(target, join(dir, 'node_modules', name), 'dir');
  return dir;
}

/** `npm start` of the project: the fabric-chaincode-node bin of whatever `fabric-shim` resolves to. */
function start(dir: string, peer: DevPeer, name: string): Running {
  const shimDir = join(dir, 'node_modules', 'fabric-shim');
  const pkg = JSON.parse(readFileSync(join(shimDir, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  const bin = join(shimDir, pkg.bin['fabric-chaincode-node'] ?? '');
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('CORE_')));
  const child = spawn(process.execPath, [bin, 'start', '--peer.address', peer.address, '--chaincode-id-name', name], {
    cwd: dir,
    env: { ...env, CORE_CHAINCODE_LOGGING_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.once('exit', (code) => {
      setImmediate(() => {
        resolve({ code, stderr });
      });
    });
  });
  return { child, exited };
}

let peer: DevPeer;

beforeAll(async () => {
  for (const pkg of Object.values(ours)) {
    if (!existsSync(join(pkg, 'dist', 'index.js'))) throw new Error(`${pkg} is not built: run npm run build first`);
  }
  peer = await DevPeer.start();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await peer.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const text = (payload: Uint8Array): string => Buffer.from(payload).toString('utf8');

describe('a fabric-contract-api project with the dependencies aliased to ours', () => {
  it('runs unchanged through its own start command against the peer', async () => {
    const dir = project(ours);
    const running = start(dir, peer, 'migrated');
    await peer.waitForChaincode('migrated', { timeoutMs: 20000 });

    expect((await peer.submit('migrated', ['InitLedger'])).status).toBe(200);
    const created = await peer.submit('migrated', ['CreateAsset', 'asset3', 'green', '7', 'Ann']);
    expect({ status: created.status, payload: text(created.payload) }).toEqual({
      status: 200,
      payload: '{"ID":"asset3","Color":"green","Size":7,"Owner":"Ann"}',
    });
    const read = await peer.evaluate('migrated', ['AssetTransfer:ReadAsset', 'asset1']);
    // the dev peer's default state database is CouchDB, which hands JSON back with its keys sorted
    expect(JSON.parse(text(read.payload))).toEqual({ ID: 'asset1', Color: 'blue', Size: 5, Owner: 'Tomoko' });
    const moved = await peer.submit('migrated', ['TransferAsset', 'asset2', 'Max']);
    expect(text(moved.payload)).toBe('Brad');
    const all = JSON.parse(text((await peer.evaluate('migrated', ['GetAllAssets'])).payload)) as { ID: string }[];
    expect(all.map((a) => a.ID)).toEqual(['asset1', 'asset2', 'asset3']);
    const who = await peer.evaluate('migrated', ['WhoAmI']);
    expect(text(who.payload)).toMatch(/^(\w+)\|\1\|true$/);

    // the official answers for a client's mistakes
    const again = await peer.submit('migrated', ['CreateAsset', 'asset3', 'green', '7', 'Ann']);
    expect({ status: again.status, message: again.message }).toEqual({
      status: 500,
      message: 'The asset asset3 already exists',
    });
    const unknown = await peer.evaluate('migrated', ['Nope']);
    expect(unknown.message).toBe("You've asked to invoke a function that does not exist: Nope");
    const noContract = await peer.evaluate('migrated', ['Other:ReadAsset', 'asset1']);
    expect(noContract.message).toBe('Contract name is not known: Other');
    const count = await peer.evaluate('migrated', ['ReadAsset']);
    expect(count.message).toBe('Expected 1 parameters, but 0 have been supplied');

    running.child.kill('SIGTERM');
    const { code, stderr } = await running.exited;
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  }, 60000);

  it('refuses, with the way out, classes of the real fabric-contract-api run by our runtime', async () => {
    const dir = project({
      'fabric-contract-api': join(root, 'node_modules', 'fabric-contract-api'),
      'fabric-shim': ours['fabric-shim'],
    });
    const { exited } = start(dir, peer, 'unaliased');
    const { code, stderr } = await exited;
    expect(code).toBe(1);
    expect(stderr).toContain(
      "invalid contract class AssetTransfer: it extends fabric-contract-api's Contract: import Contract (and the decorators) from @chaincode/contract-api instead",
    );
  }, 60000);
});
