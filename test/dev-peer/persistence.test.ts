import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { DevNetwork, type DevNetworkOptions } from '@chaincode/dev-peer';
import { kvChaincode, utf8 } from './support/kv-chaincode';
import { quietLogs } from './support/quiet-logs';

quietLogs();

describe('dev network: persistence in a data directory (LevelDB)', () => {
  let root: string;
  const open: DevNetwork[] = [];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'dev-peer-data-'));
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((n) => n.stop()));
    rmSync(root, { recursive: true, force: true });
  });

  async function start(dataDir: string, options: DevNetworkOptions = {}): Promise<DevNetwork> {
    const network = await DevNetwork.start({ orgs: ['Org1MSP', 'Org2MSP'], dataDir, ...options });
    open.push(network);
    await network.deployChaincode('kv', kvChaincode, {
      collections: [{ name: 'short', policy: "OR('Org1MSP.member', 'Org2MSP.member')", blockToLive: 2 }],
    });
    return network;
  }

  async function restart(network: DevNetwork, dataDir: string): Promise<DevNetwork> {
    await network.stop();
    open.splice(open.indexOf(network), 1);
    return start(dataDir);
  }

  const text = (value: Uint8Array | undefined): string | undefined => (value === undefined ? undefined : utf8(value));

  it('keeps world state, private data, metadata, history, blocks and height across a restart', async () => {
    const dir = join(root, 'ledger');
    let network = await start(dir);
    await network.submit('kv', ['put', 'a', '1']);
    await network.submit('kv', ['put', 'a', '2']);
    await network.submit('kv', ['sbe', 'a', 'Org1MSP']);
    await network.submit('kv', ['putPrivate', 'short', 'p'], { transient: { value: Buffer.from('secret') } });
    await network.submit('kv', ['put', 'gone', 'x'], { channelId: 'other' });
    const before = {
      height: network.height(),
      blocks: network.blocks(),
      metadata: network.getStateMetadata('kv', 'a'),
    };

    network = await restart(network, dir);
    expect(text(network.getState('kv', 'a'))).toBe('2');
    expect(network.getStateMetadata('kv', 'a')).toEqual(before.metadata);
    expect(text(network.getState('kv', 'p', { collection: 'short' }))).toBe('secret');
    expect(text(network.getState('kv', 'gone', { channelId: 'other' }))).toBe('x');
    expect(network.getHistory('kv', 'a').map((h) => text(h.value))).toEqual(['2', '1']); // metadata writes have no history
    expect(network.height()).toBe(before.height);
    expect(network.blocks()).toEqual(before.blocks);
    // versions survived too: a read-modify-write of a restored key validates, in the next block
    const inc = await network.submit('kv', ['inc', 'a']);
    expect(inc).toMatchObject({ validationCode: 'VALID', blockNumber: before.height });
    // and the restored key-level policy still applies (Org1's peer only)
    expect((await network.submit('kv', ['put', 'a', '9'], { endorsingOrgs: ['Org2MSP'] })).validationCode).toBe(
      'ENDORSEMENT_POLICY_FAILURE',
    );
  });

  it('purges private data on schedule across a restart', async () => {
    const dir = join(root, 'btl');
    let network = await start(dir);
    const written = await network.submit('kv', ['putPrivate', 'short', 'p'], {
      transient: { value: Buffer.from('brief') },
    });
    network = await restart(network, dir);
    await network.submit('kv', ['put', 't', '1']);
    await network.submit('kv', ['put', 't', '2']);
    expect(network.height()).toBe((written.blockNumber ?? 0) + 3);
    expect(network.getState('kv', 'p', { collection: 'short' })).toBeDefined();
    await network.submit('kv', ['put', 't', '3']);
    expect(network.getState('kv', 'p', { collection: 'short' })).toBeUndefined();
  });

  it('persists reset(), restore() and seeds', async () => {
    const dir = join(root, 'reset');
    let network = await start(dir);
    await network.seed({ kv: { state: { s: 'seeded' } } });
    const snap = await network.snapshot();
    await network.submit('kv', ['put', 'later', 'x']);
    await network.restore(snap);
    network = await restart(network, dir);
    expect([text(network.getState('kv', 's')), network.getState('kv', 'later'), network.height()]).toEqual([
      'seeded',
      undefined,
      2,
    ]);
    await network.reset();
    network = await restart(network, dir);
    expect([network.getState('kv', 's'), network.height(), network.blocks()]).toEqual([undefined, 1, []]);
  });

  it('refuses a directory holding something else, and leaves it untouched', async () => {
    const notes = join(root, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'todo.txt'), 'keep me');
    await expect(start(notes)).rejects.toMatchObject({ code: 'CC_DEVPEER_DATA_DIR_FOREIGN' });
    expect(readdirSync(notes)).toEqual(['todo.txt']);
    expect(readFileSync(join(notes, 'todo.txt'), 'utf8')).toBe('keep me');

    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    await expect(start(file)).rejects.toMatchObject({ code: 'CC_DEVPEER_DATA_DIR_FOREIGN' });

    const otherDb = join(root, 'other-leveldb');
    const db = new ClassicLevel(otherDb);
    await db.put('someone', 'else');
    await db.close();
    await expect(start(otherDb)).rejects.toMatchObject({ code: 'CC_DEVPEER_DATA_DIR_FOREIGN' });
    const check = new ClassicLevel(otherDb);
    expect(await check.get('someone')).toBe('else');
    await check.close();
  });

  it('refuses a corrupt ledger with a clear error instead of starting empty', async () => {
    const dir = join(root, 'damaged');
    const network = await start(dir);
    await network.submit('kv', ['put', 'a', '1']);
    await network.stop();
    open.splice(0);
    const db = new ClassicLevel(dir);
    await db.put('s:["mychannel","kv","","a"]', '{ not a record');
    await db.close();
    await expect(start(dir)).rejects.toMatchObject({ code: 'CC_DEVPEER_DATA_DIR_CORRUPT' });

    const broken = join(root, 'broken');
    const other = await start(broken);
    await other.stop();
    open.splice(0);
    for (const f of readdirSync(broken)) if (f.startsWith('MANIFEST')) writeFileSync(join(broken, f), 'garbage');
    await expect(start(broken)).rejects.toMatchObject({ code: 'CC_DEVPEER_DATA_DIR_CORRUPT' });
    expect(existsSync(join(broken, 'CURRENT'))).toBe(true);
  });

  it('refuses a directory another network has open', async () => {
    const dir = join(root, 'shared');
    await start(dir);
    await expect(start(dir)).rejects.toMatchObject({ code: 'CC_DEVPEER_DATA_DIR_LOCKED' });
  });
});
