'use strict';

const { DevNetwork, TransactionFailedError, contractClient } = require('@chaincode/dev-peer');
const { configureLogging, createContractChaincode } = require('@chaincode/shim');
const { AssetContract } = require('../lib/asset-contract');
// the transactions' parameter names, types and kinds, as the runtime reads them on a peer
const metadataFile = require('../contract-metadata/metadata.json');

// The contract runs exactly as on a Fabric peer: the shim registers it with the embedded dev
// network over gRPC, and every call is a real transaction (endorsed, ordered, validated, committed).
// The client calls the transactions as functions. Named 'AssetContract', it reads the deployed
// chaincode's metadata (contract-metadata/metadata.json) on its first call: numbers are sent as
// numbers, results come back decoded, and a read-only transaction cannot be submitted.
const CHAINCODE = 'asset-transfer';
let network;
let assets;

// the shim's INFO lines ("registered with the peer") stay out of the test output
configureLogging({ shimLevel: 'warning' });

beforeAll(async () => {
  network = await DevNetwork.start();
  await network.deployChaincode(CHAINCODE, createContractChaincode([AssetContract], { metadataFile }));
  assets = contractClient(network, 'AssetContract', { chaincode: CHAINCODE });
});

// every test starts from an empty ledger: no test depends on another one or on their order
beforeEach(() => network.reset());

afterAll(() => network && network.stop());

const asset1 = { id: 'asset1', color: 'blue', size: 5, owner: 'Tomoko', appraisedValue: 300 };

describe('AssetContract', () => {
  it('creates an asset, commits it and emits AssetCreated', async () => {
    const r = await assets.detailed.submit.CreateAsset('asset1', 'blue', 5, 'Tomoko', 300);
    expect(r.committed).toBe(true);
    expect(r.value).toEqual(asset1);
    expect(r.event && r.event.name).toBe('AssetCreated');
  });

  it('reads an asset with an evaluate, which never commits', async () => {
    await assets.submit.CreateAsset('asset1', 'blue', 5, 'Tomoko', 300);
    const r = await assets.detailed.evaluate.ReadAsset('asset1');
    expect(r.committed).toBe(false);
    expect(r.value).toEqual(asset1);
  });

  it('refuses to create the same asset twice', async () => {
    await assets.submit.CreateAsset('asset1', 'blue', 5, 'Tomoko', 300);
    await expect(assets.submit.CreateAsset('asset1', 'red', 1, 'Max', 10)).rejects.toThrow(
      'asset asset1 already exists',
    );
  });

  it('updates an asset', async () => {
    await assets.submit.CreateAsset('asset1', 'blue', 5, 'Tomoko', 300);
    await assets.submit.UpdateAsset('asset1', 'green', 6, 'Tomoko', 350);
    expect(await assets.evaluate.ReadAsset('asset1')).toEqual({
      ...asset1,
      color: 'green',
      size: 6,
      appraisedValue: 350,
    });
  });

  it('transfers an asset and answers the previous owner', async () => {
    await assets.submit.CreateAsset('asset1', 'blue', 5, 'Tomoko', 300);
    expect(await assets.submit.TransferAsset('asset1', 'Max')).toBe('Tomoko');
    expect(await assets.evaluate.ReadAsset('asset1')).toMatchObject({ owner: 'Max' });
  });

  it('lists every asset in key order', async () => {
    await assets.submit.CreateAsset('asset2', 'red', 3, 'Ana', 100);
    await assets.submit.CreateAsset('asset1', 'blue', 5, 'Tomoko', 300);
    const all = await assets.evaluate.GetAllAssets();
    expect(all.map((a) => [a.id, a.owner])).toEqual([
      ['asset1', 'Tomoko'],
      ['asset2', 'Ana'],
    ]);
  });

  it('deletes an asset, after which it no longer exists', async () => {
    await assets.submit.CreateAsset('asset1', 'blue', 5, 'Tomoko', 300);
    await assets.submit.DeleteAsset('asset1');
    expect(await assets.evaluate.AssetExists('asset1')).toBe(false);
    const read = assets.evaluate.ReadAsset('asset1');
    await expect(read).rejects.toBeInstanceOf(TransactionFailedError);
    await expect(read).rejects.toThrow('asset asset1 does not exist');
  });

  it('refuses to submit a read-only transaction, before anything reaches the peer', async () => {
    await expect(assets.submit.GetAllAssets()).rejects.toMatchObject({ code: 'CC_DEVPEER_CLIENT_NOT_SUBMITTABLE' });
  });

  it('refuses a size that is not a number before the contract runs', async () => {
    // the client refuses 'big' for a number, so the raw API sends what a careless client would
    const r = await network.submit(CHAINCODE, ['CreateAsset', 'asset9', 'red', 'big', 'Max', '10']);
    expect(r.status).toBe(500);
    expect(r.message).toContain("parameter 'size'");
    expect(r.message).toContain('"big" is not a number');
    expect(network.state(CHAINCODE)).toEqual([]);
  });
});

describe('the metadata file', () => {
  it('names the parameters and marks the read-only transactions as evaluate', () => {
    const txs = metadataFile.contracts.AssetContract.transactions;
    const create = txs.find((t) => t.name === 'CreateAsset');
    expect(create.parameters.map((p) => p.name)).toEqual(['id', 'color', 'size', 'owner', 'appraisedValue']);
    const evaluated = txs.filter((t) => t.tag.includes('EVALUATE')).map((t) => t.name);
    expect(evaluated).toEqual(['ReadAsset', 'AssetExists', 'GetAllAssets']);
  });

  it('lists every transaction the contract has', () => {
    const declared = metadataFile.contracts.AssetContract.transactions.map((t) => t.name).sort();
    const methods = Object.getOwnPropertyNames(AssetContract.prototype).filter((n) => n !== 'constructor');
    expect(declared).toEqual(methods.sort());
  });
});
