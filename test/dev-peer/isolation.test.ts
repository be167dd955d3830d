import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevNetwork, DevPeer } from '@chaincode/dev-peer';
import { kvChaincode, utf8 } from './support/kv-chaincode';
import { quietLogs } from './support/quiet-logs';

quietLogs();

describe('dev network: isolation and fixtures', () => {
  let network: DevNetwork;

  beforeEach(async () => {
    network = await DevNetwork.start({ orgs: ['Org1MSP', 'Org2MSP'] });
    await network.deployChaincode('kv', kvChaincode, {
      collections: [{ name: 'secrets', policy: "OR('Org1MSP.member', 'Org2MSP.member')" }],
    });
  });

  afterEach(async () => {
    await network.stop();
  });

  const read = (key: string, collection?: string): string | undefined => {
    const value = network.getState('kv', key, collection === undefined ? {} : { collection });
    return value === undefined ? undefined : utf8(value);
  };

  it('reset() empties the ledger and keeps chaincodes and definitions', async () => {
    await network.submit('kv', ['put', 'a', '1']);
    await network.reset();
    expect([read('a'), network.height(), network.blocks(), network.getHistory('kv', 'a')]).toEqual([
      undefined,
      1,
      [],
      [],
    ]);
    const again = await network.submit('kv', ['put', 'a', '2']);
    expect(again).toMatchObject({ validationCode: 'VALID', blockNumber: 1 });
    expect(read('a')).toBe('2');
  });

  it('restore(snapshot) brings back state, private data, history, blocks and height', async () => {
    await network.submit('kv', ['put', 'a', '1']);
    await network.submit('kv', ['putPrivate', 'secrets', 's'], { transient: { value: Buffer.from('p1') } });
    const snap = await network.snapshot();
    expect(snap.heights.get('mychannel')).toBe(3);
    await network.submit('kv', ['put', 'a', '2']);
    await network.submit('kv', ['put', 'b', '3']);
    await network.submit('kv', ['delPrivate', 'secrets', 's']);
    await network.restore(snap);
    expect([read('a'), read('b'), read('s', 'secrets'), network.height(), network.blocks().length]).toEqual([
      '1',
      undefined,
      'p1',
      3,
      2,
    ]);
    expect(network.getHistory('kv', 'a').map((h) => utf8(h.value))).toEqual(['1']);
    // the restored versions are the ones later reads validate against
    expect((await network.submit('kv', ['inc', 'a'])).validationCode).toBe('VALID');
    expect(read('a')).toBe('2');
    // a snapshot can be restored again, and into another network
    const other = await DevNetwork.start({ orgs: ['Org1MSP', 'Org2MSP'] });
    try {
      await other.restore(snap);
      expect(utf8(other.getState('kv', 'a') ?? new Uint8Array())).toBe('1');
    } finally {
      await other.stop();
    }
    await expect(network.restore({ heights: new Map() })).rejects.toMatchObject({ code: 'CC_DEVPEER_INVALID_SEED' });
  });

  it('seeds state and collections from JSON in one block, as valid committed data', async () => {
    await network.seed({
      kv: {
        state: { asset1: { ID: 'asset1', Color: 'blue' }, plain: 'text', count: 5 },
        collections: { secrets: { asset1: { appraisedValue: 300 } } },
      },
    });
    // (the default CouchDB state database hands JSON objects back re-encoded: keys sorted)
    expect([read('asset1'), read('plain'), read('count'), read('asset1', 'secrets')]).toEqual([
      '{"Color":"blue","ID":"asset1"}',
      'text',
      '5',
      '{"appraisedValue":300}',
    ]);
    expect(network.blocks()).toHaveLength(1);
    expect(network.getHistory('kv', 'plain')).toHaveLength(1);
    // seeded keys carry versions: a read-modify-write of them validates
    expect((await network.submit('kv', ['inc', 'count'])).validationCode).toBe('VALID');
    expect(read('count')).toBe('6');
  });

  it('seeds from a file, and refuses bad seed data without writing any of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dev-peer-seed-'));
    try {
      const file = join(dir, 'seed.json');
      writeFileSync(file, JSON.stringify({ kv: { state: { fromFile: 'yes' } } }));
      await network.seedFile(file);
      expect(read('fromFile')).toBe('yes');
      writeFileSync(file, '{ nope');
      await expect(network.seedFile(file)).rejects.toMatchObject({ code: 'CC_DEVPEER_INVALID_SEED' });
      await expect(network.seedFile(join(dir, 'missing.json'))).rejects.toMatchObject({
        code: 'CC_DEVPEER_INVALID_SEED',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const height = network.height();
    for (const bad of [
      [],
      { kv: 'x' },
      { kv: { state: { '': 'v' } } },
      { kv: { state: { ok: 'v', k: '' } } },
      { kv: { state: { k: 1n } } },
      { kv: { collections: { undefinedCollection: { k: 'v' } } } },
      { kv: { extra: {} } },
    ]) {
      await expect(network.seed(bad as never)).rejects.toMatchObject({ code: 'CC_DEVPEER_INVALID_SEED' });
    }
    expect([network.height(), read('ok')]).toEqual([height, undefined]);
  });
});

describe('DevPeer keeps its single-org API on top of the network', () => {
  it('offers reset, snapshot and seed too', async () => {
    const peer = await DevPeer.start();
    try {
      await peer.deployChaincode('kv', kvChaincode);
      await peer.seed({ kv: { state: { k: 'v' } } });
      const snap = await peer.snapshot();
      await peer.reset();
      expect(peer.getState('kv', 'k')).toBeUndefined();
      await peer.restore(snap);
      expect(utf8(peer.getState('kv', 'k') ?? new Uint8Array())).toBe('v');
    } finally {
      await peer.stop();
    }
  });
});
