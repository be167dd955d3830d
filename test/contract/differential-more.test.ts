/**
 * More differential cases (see differential.test.ts): a fabric-samples style contract with state,
 * contracts sharing a decorated parent, a supplied metadata file, and creation errors.
 */
import { DevPeer } from '@chaincode/dev-peer';
import * as ours from '@chaincode/contract-api';
import { createContractChaincode } from '@chaincode/shim';
import type * as Api from '@chaincode/contract-api';
import type { ContractMetadataJson } from '@chaincode/contract-api/internal';
import { defineAssetTransfer } from './fixtures/asset-transfer';
import { official, runOfficial, runOurs, type Running } from './harness';

function defineFamily(api: typeof Api) {
  const Context = api.Context;
  type Context = Api.Context;
  class Parent extends api.Contract {
    @api.Transaction(false)
    async shared(_ctx: Context): Promise<string> {
      return 'shared';
    }
  }
  class ChildA extends Parent {
    constructor() {
      super('childA');
    }
    @api.Transaction(false)
    async onlyA(_ctx: Context): Promise<string> {
      return 'A';
    }
  }
  class ChildB extends Parent {
    constructor() {
      super('childB');
    }
    kept = 'instance field';
    @api.Transaction(false)
    async onlyB(_ctx: Context): Promise<string> {
      return 'B';
    }
  }
  return { ChildA, ChildB, Context };
}

const oursAssets = defineAssetTransfer(ours);
const officialAssets = defineAssetTransfer(official);
const oursFamily = defineFamily(ours);
const officialFamily = defineFamily(official);

describe('differential: asset-transfer-basic with state', () => {
  let peer: DevPeer;
  let mine: Running;
  let theirs: Running;

  beforeAll(async () => {
    peer = await DevPeer.start();
    mine = await runOurs(peer, [oursAssets.AssetTransferContract]);
    theirs = await runOfficial(peer, [officialAssets.AssetTransferContract]);
  });

  afterAll(async () => {
    await mine.stop();
    await theirs.stop();
    await peer.stop();
  });

  const submit = async (r: Running, args: string[]) => {
    const res = await peer.submit(r.name, args);
    return { status: res.status, message: res.message, payload: Buffer.from(res.payload).toString() };
  };

  it.each([
    [['InitLedger']],
    [['CreateAsset', 'asset9', 'green', '7', 'Max', '1200']],
    [['CreateAsset', 'asset9', 'green', '7', 'Max', '1200']],
    [['CreateAsset', 'asset10', 'green', 'seven', 'Max', '1200']],
    [['TransferAsset', 'asset1', 'Carol']],
    [['TransferAsset', 'nope', 'Carol']],
    [['ReadAsset', 'asset1']],
    [['UpdateAsset', 'asset2', 'purple']],
    [['DeleteAsset', 'asset9']],
    [['DeleteAsset', 'asset9']],
    [['AssetExists', 'asset2']],
    [['AssetExists', 'nope']],
    [['ReadTyped', 'asset9']],
    [['GetAllAssets']],
    [['AssetTransferContract:GetAllAssets']],
  ])('submits %j with the same answer and the same committed state', async (args) => {
    const [a, b] = [await submit(mine, args), await submit(theirs, args)];
    if (args[3] === 'seven') {
      // conversion errors name the parameter on ours (intentional)
      expect([a.status, b.status]).toEqual([500, 500]);
      return;
    }
    expect(a).toEqual(b);
    for (const key of ['asset1', 'asset2', 'asset9']) {
      expect(Buffer.from(peer.getState(mine.name, key) ?? []).toString()).toBe(
        Buffer.from(peer.getState(theirs.name, key) ?? []).toString(),
      );
    }
  });

  it('answers GetMetadata identically', async () => {
    const args = ['org.hyperledger.fabric:GetMetadata'];
    const [a, b] = [await mine.call(args), await theirs.call(args)];
    expect(a.payload).toBe(b.payload);
  });
});

describe('differential: contracts sharing a decorated parent', () => {
  let peer: DevPeer;
  let mine: Running;
  let theirs: Running;

  beforeAll(async () => {
    peer = await DevPeer.start();
    mine = await runOurs(peer, [oursFamily.ChildA, oursFamily.ChildB]);
    theirs = await runOfficial(peer, [officialFamily.ChildA, officialFamily.ChildB]);
  });

  afterAll(async () => {
    await mine.stop();
    await theirs.stop();
    await peer.stop();
  });

  it.each([[['childA:shared']], [['childA:onlyA']], [['childB:shared']], [['childB:onlyB']], [['onlyA']]])(
    'answers %j identically',
    async (args) => {
      expect(await mine.call(args)).toEqual(await theirs.call(args));
    },
  );

  it('does not leak a sibling transaction into a contract (fix: the official mutates the shared parent metadata)', async () => {
    const [a, b] = [await mine.call(['childA:onlyB']), await theirs.call(['childA:onlyB'])];
    expect(b).toEqual({ status: 500, message: 'this[fn] is not a function', payload: '' });
    expect(a).toEqual({
      status: 500,
      message: "You've asked to invoke a function that does not exist: childA:onlyB",
      payload: '',
    });
  });

  it('lists only own and inherited transactions in GetMetadata (the same fix)', async () => {
    const args = ['org.hyperledger.fabric:GetMetadata'];
    const a = JSON.parse((await mine.call(args)).payload) as ContractMetadataJson;
    const b = JSON.parse((await theirs.call(args)).payload) as ContractMetadataJson;
    const names = (m: ContractMetadataJson, c: string) => m.contracts[c]?.transactions.map((t) => t.name);
    expect(names(b, 'childA')).toEqual(['shared', 'onlyA', 'onlyB']);
    expect(names(a, 'childA')).toEqual(['shared', 'onlyA']);
    expect(names(b, 'childB')).toEqual(['shared', 'onlyA', 'onlyB']);
    expect(names(a, 'childB')).toEqual(['shared', 'onlyB']);
    expect(a.contracts.childB?.contractInstance).toEqual(b.contracts.childB?.contractInstance);
    expect(a.contracts.childB?.contractInstance).toEqual({ name: 'childB', kept: 'instance field' });
  });
});

describe('differential: a supplied metadata file', () => {
  const file = {
    info: { title: 'from file', version: '7.0.0' },
    contracts: {
      AssetTransferContract: {
        name: 'AssetTransferContract',
        transactions: [
          { name: 'AssetExists', tag: ['EVALUATE'], parameters: [{ name: 'id', schema: { type: 'string' } }] },
        ],
      },
      'org.hyperledger.fabric': { name: 'org.hyperledger.fabric', transactions: [{ name: 'GetMetadata' }] },
    },
  };
  let peer: DevPeer;
  let mine: Running;
  let theirs: Running;

  beforeAll(async () => {
    peer = await DevPeer.start();
    mine = await runOurs(peer, [oursAssets.AssetTransferContract], { metadataFile: file });
    theirs = await runOfficial(peer, [officialAssets.AssetTransferContract], file);
  });

  afterAll(async () => {
    await mine.stop();
    await theirs.stop();
    await peer.stop();
  });

  it.each([[['AssetExists', 'x']], [['AssetExists']], [['ReadAsset', 'x']], [['org.hyperledger.fabric:GetMetadata']]])(
    'answers %j identically',
    async (args) => {
      expect(await mine.call(args)).toEqual(await theirs.call(args));
    },
  );

  it('refuses, as the official does, a file that misses a contract of the code', () => {
    const partial = { info: file.info, contracts: { AssetTransferContract: file.contracts.AssetTransferContract } };
    const expected = '["Missing contract org.hyperledger.fabric in metadata"]';

    const Official = require('fabric-shim/lib/contract-spi/chaincodefromcontract') as new (
      ...args: unknown[]
    ) => unknown;
    expect(
      () =>
        new Official(
          [officialAssets.AssetTransferContract],
          { transaction: 'j', serializers: { j: (official as unknown as { JSONSerializer: unknown }).JSONSerializer } },
          structuredClone(partial),
          't',
          'v',
        ),
    ).toThrow(expected);
    expect(() => createContractChaincode([oursAssets.AssetTransferContract], { metadataFile: partial })).toThrow(
      expected,
    );
  });
});
