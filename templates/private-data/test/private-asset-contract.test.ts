import { join } from 'node:path';
import { DevNetwork, readCollectionsConfig } from '@chaincode/dev-peer';
import { configureLogging, createContractChaincode } from '@chaincode/shim';
import { COLLECTION, PrivateAssetContract } from '../src/private-asset-contract';

// The contract runs on a two-organisation dev network over the real protocol, defined with the
// collections of collections_config.json as `peer lifecycle` would define it. The asset travels in
// the transient map and lands in the private collection of both orgs' peers, never in the public
// world state. `network.contract(PrivateAssetContract)` calls it as typed functions; which calls
// submit and which only evaluate comes from test/contract-transactions.d.ts (`chaincode types`).
const CHAINCODE = 'private-assets';
let network: DevNetwork;

// the shim's INFO lines ("registered with the peer") stay out of the test output
configureLogging({ shimLevel: 'warning' });

beforeAll(async () => {
  network = await DevNetwork.start({ orgs: ['Org1MSP', 'Org2MSP'] });
  await network.deployChaincode(CHAINCODE, createContractChaincode([PrivateAssetContract]), {
    collections: readCollectionsConfig(join(__dirname, '..', 'collections_config.json')),
  });
});

// every test starts from an empty ledger: no test depends on another one or on their order
beforeEach(() => network.reset());

afterAll(() => network?.stop());

const asset = { id: 'a1', color: 'blue', size: 5, appraisedValue: 300 };
/** The client of Org1's User1 (the default identity), with the asset as transient data. */
const assets = () => network.contract(PrivateAssetContract);
const org2 = () => assets().as(network.org('Org2MSP').user);
const create = (value: object = asset) =>
  assets()
    .with({ transient: { asset: value } })
    .submit.CreateAsset();

describe('PrivateAssetContract on two organisations', () => {
  it('creates an asset from transient data, in the collection of both orgs only', async () => {
    const r = await assets().with({ transient: { asset } }).detailed.submit.CreateAsset();
    expect(r.committed).toBe(true);
    expect(r.endorsingOrgs).toEqual(['Org1MSP', 'Org2MSP']);
    expect(network.getState(CHAINCODE, 'a1')).toBeUndefined();
    const stored = network.getState(CHAINCODE, 'a1', { collection: COLLECTION });
    expect(JSON.parse(Buffer.from(stored ?? []).toString())).toEqual({ ...asset, owner: 'Org1MSP' });
  });

  it("reads it back from either org's peer", async () => {
    await create();
    expect(await assets().evaluate.ReadAsset('a1')).toEqual({ ...asset, owner: 'Org1MSP' });
    expect(await org2().evaluate.ReadAsset('a1')).toMatchObject({ id: 'a1', owner: 'Org1MSP' });
  });

  it('verifies a claimed value against the private data hash', async () => {
    await create();
    const stored = Buffer.from(JSON.stringify({ ...asset, owner: 'Org1MSP' }));
    expect(
      await org2()
        .with({ transient: { asset: stored } })
        .evaluate.VerifyAsset('a1'),
    ).toBe(true);
    const claimed = { ...asset, appraisedValue: 1, owner: 'Org1MSP' };
    expect(
      await org2()
        .with({ transient: { asset: claimed } })
        .evaluate.VerifyAsset('a1'),
    ).toBe(false);
  });

  it('refuses missing transient data with a clear message', async () => {
    await expect(assets().submit.CreateAsset()).rejects.toThrow('the asset must be in the transient field "asset"');
  });

  it('refuses an invalid asset, committing nothing', async () => {
    await expect(create({ ...asset, size: -1 })).rejects.toThrow('size must be a positive number');
    expect(network.state(CHAINCODE, { collection: COLLECTION })).toEqual([]);
  });

  it('refuses to create the same asset twice', async () => {
    await create();
    await expect(create()).rejects.toThrow('asset a1 already exists');
  });

  it('lets only the owning organisation delete', async () => {
    await create();
    await expect(org2().submit.DeleteAsset('a1')).rejects.toThrow('only Org1MSP may delete asset a1');
    await assets().submit.DeleteAsset('a1');
    await expect(assets().evaluate.ReadAsset('a1')).rejects.toThrow('asset a1 does not exist');
  });
});
