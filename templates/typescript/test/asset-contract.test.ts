import { DevNetwork, TransactionFailedError } from '@chaincode/dev-peer';
import { configureLogging, createContractChaincode } from '@chaincode/shim';
import { AssetContract } from '../src/asset-contract';

// The contract runs exactly as on a Fabric peer: the shim registers it with the embedded dev
// network over gRPC, and every call is a real transaction (endorsed, ordered, validated, committed).
// `network.contract(AssetContract)` calls the transactions as typed functions; which of them submit
// and which only evaluate comes from test/contract-transactions.d.ts, which `npm test` regenerates
// (`chaincode types`), so `assets.submit.ReadAsset(...)` does not compile.
let network: DevNetwork;

// the shim's INFO lines ("registered with the peer") stay out of the test output
configureLogging({ shimLevel: 'warning' });

beforeAll(async () => {
  network = await DevNetwork.start();
  await network.deployChaincode('asset-transfer', createContractChaincode([AssetContract]));
});

// every test starts from an empty ledger: no test depends on another one or on their order
beforeEach(() => network.reset());

afterAll(() => network?.stop());

const assets = () => network.contract(AssetContract);

describe('AssetContract', () => {
  it('creates an asset, commits it and emits AssetCreated', async () => {
    const r = await assets().detailed.submit.CreateAsset('asset1', 'blue', 5, 'Tomoko', 300);
    expect(r.committed).toBe(true);
    expect(r.value).toEqual({ id: 'asset1', color: 'blue', size: 5, owner: 'Tomoko', appraisedValue: 300 });
    expect(r.event?.name).toBe('AssetCreated');
  });

  it('reads an asset with an evaluate, which never commits', async () => {
    await assets().submit.CreateAsset('asset1', 'blue', 5, 'Tomoko', 300);
    const r = await assets().detailed.evaluate.ReadAsset('asset1');
    expect(r.committed).toBe(false);
    expect(r.value).toMatchObject({ id: 'asset1', size: 5 });
  });

  it('refuses to create the same asset twice', async () => {
    await assets().submit.CreateAsset('asset1', 'blue', 5, 'Tomoko', 300);
    await expect(assets().submit.CreateAsset('asset1', 'red', 1, 'Max', 10)).rejects.toThrow(
      'asset asset1 already exists',
    );
  });

  it('updates an asset', async () => {
    await assets().submit.CreateAsset('asset1', 'blue', 5, 'Tomoko', 300);
    await assets().submit.UpdateAsset('asset1', 'green', 6, 'Tomoko', 350);
    expect(await assets().evaluate.ReadAsset('asset1')).toEqual({
      id: 'asset1',
      color: 'green',
      size: 6,
      owner: 'Tomoko',
      appraisedValue: 350,
    });
  });

  it('transfers an asset and answers the previous owner', async () => {
    await assets().submit.CreateAsset('asset1', 'blue', 5, 'Tomoko', 300);
    expect(await assets().submit.TransferAsset('asset1', 'Max')).toBe('Tomoko');
    expect(await assets().evaluate.ReadAsset('asset1')).toMatchObject({ owner: 'Max' });
  });

  it('lists every asset in key order', async () => {
    await assets().submit.CreateAsset('asset2', 'red', 3, 'Ana', 100);
    await assets().submit.CreateAsset('asset1', 'blue', 5, 'Tomoko', 300);
    const all = await assets().evaluate.GetAllAssets();
    expect(all.map((a) => a.id)).toEqual(['asset1', 'asset2']);
  });

  it('deletes an asset, after which it no longer exists', async () => {
    await assets().submit.CreateAsset('asset1', 'blue', 5, 'Tomoko', 300);
    await assets().submit.DeleteAsset('asset1');
    expect(await assets().evaluate.AssetExists('asset1')).toBe(false);
    const read = assets().evaluate.ReadAsset('asset1');
    await expect(read).rejects.toBeInstanceOf(TransactionFailedError);
    await expect(read).rejects.toThrow('asset asset1 does not exist');
  });

  it('fails a transaction on an asset that does not exist, committing nothing', async () => {
    await expect(assets().submit.TransferAsset('nope', 'Max')).rejects.toMatchObject({
      status: 500,
      message: 'asset nope does not exist',
    });
    expect(network.state('asset-transfer')).toEqual([]);
  });

  it('refuses a size that is not a number before the contract runs', async () => {
    // the typed client refuses 'big' for a number, so the raw API sends what a careless client would
    const r = await network.submit('asset-transfer', ['CreateAsset', 'asset3', 'red', 'big', 'Ana', '100']);
    expect(r.status).toBe(500);
    expect(r.message).toContain("parameter 'size'");
    expect(r.committed).toBe(false);
  });
});
