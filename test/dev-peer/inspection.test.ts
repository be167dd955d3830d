import { DevNetwork } from '@chaincode/dev-peer';
import { kvChaincode, utf8 } from './support/kv-chaincode';
import { quietLogs } from './support/quiet-logs';

quietLogs();

describe('dev network: inspection', () => {
  let network: DevNetwork;

  beforeAll(async () => {
    network = await DevNetwork.start({ orgs: ['Org1MSP', 'Org2MSP'] });
    await network.deployChaincode('kv', kvChaincode, {
      collections: [{ name: 'secrets', policy: "OR('Org1MSP.member')" }],
    });
    await network.seed({
      kv: { state: { asset1: 'a', asset2: 'b', other: 'c' }, collections: { secrets: { s1: 'x' } } },
    });
    for (const [color, id] of [
      ['blue', 'a1'],
      ['blue', 'a2'],
      ['red', 'a3'],
    ]) {
      await network.submit('kv', ['putComposite', 'color~name', `${color}:${id}`, color as string, id as string]);
    }
  });

  afterAll(async () => {
    await network.stop();
  });

  const keys = (options: Parameters<DevNetwork['state']>[1]): string[] =>
    network.state('kv', options).map((e) => e.displayKey);

  it('lists state in key order: all, by prefix, by range, by partial composite key, and a collection', () => {
    expect(keys({})).toEqual([
      'color~name~blue~a1',
      'color~name~blue~a2',
      'color~name~red~a3',
      'asset1',
      'asset2',
      'other',
    ]);
    expect(keys({ prefix: 'asset' })).toEqual(['asset1', 'asset2']);
    expect(keys({ startKey: 'asset2', endKey: 'other' })).toEqual(['asset2']);
    expect(keys({ composite: { objectType: 'color~name', attributes: ['blue'] } })).toEqual([
      'color~name~blue~a1',
      'color~name~blue~a2',
    ]);
    expect(keys({ collection: 'secrets' })).toEqual(['s1']);
    const [first] = network.state('kv', { composite: { objectType: 'color~name' } });
    expect(first).toMatchObject({
      key: '\u0000color~name\u0000blue\u0000a1\u0000',
      composite: { objectType: 'color~name', attributes: ['blue', 'a1'] },
      version: { blockNum: 2, txNum: 0 },
    });
    expect(utf8(first?.value ?? new Uint8Array())).toBe('blue:a1');
    expect(() => network.state('kv', { prefix: 'a', startKey: 'b' })).toThrow(
      expect.objectContaining({ code: 'CC_DEVPEER_INVALID_OPTIONS' }),
    );
    expect(network.state('nobody')).toEqual([]);
  });

  it("shows each block's transactions with their read/write sets and validation codes", async () => {
    const bad = await network.submit('kv', ['inc', 'asset1'], { endorsingOrgs: ['Org1MSP'] });
    const good = await network.submit('kv', ['inc', 'asset2']);
    const blocks = network.blocks({ startBlock: bad.blockNumber });
    expect(blocks.map((b) => b.transactions.map((t) => [t.txId, t.validationCode, t.endorsers]))).toEqual([
      [[bad.txId, 'ENDORSEMENT_POLICY_FAILURE', ['Org1MSP']]],
      [[good.txId, 'VALID', ['Org1MSP', 'Org2MSP']]],
    ]);
    expect(network.transaction(good.txId)).toMatchObject({
      blockNumber: good.blockNumber,
      chaincodeName: 'kv',
      creatorMspId: 'Org1MSP',
      rwset: {
        reads: [{ namespace: 'kv', key: 'asset2', version: { blockNum: 1, txNum: 0 } }],
        writes: [{ namespace: 'kv', key: 'asset2', isDelete: false, value: Buffer.from('NaN') }],
      },
      event: { name: 'incremented' },
    });
    expect(network.transaction('nope')).toBeUndefined();
    expect(network.getHistory('kv', 'asset2').map((h) => [h.txId === good.txId, utf8(h.value)])).toEqual([
      [true, 'NaN'],
      [false, 'b'],
    ]);
  });
});
