'use strict';

const { DevPeer } = require('@chaincode/dev-peer');
const { createContractChaincode, startChaincode } = require('@chaincode/shim');
const { AssetContract } = require('../lib/asset-contract');
// the transactions' parameter names, types and kinds, as the runtime reads them on a peer
const metadataFile = require('../contract-metadata/metadata.json');

// The contract runs exactly as on a Fabric peer: the shim registers it with the embedded dev peer
// over gRPC, and every submit/evaluate is a real transaction.
const CHAINCODE = 'asset-transfer';
let peer;
let session;

const text = (bytes) => Buffer.from(bytes).toString('utf8');
const json = (bytes) => JSON.parse(text(bytes));

beforeAll(async () => {
  peer = await DevPeer.start();
  session = await startChaincode(createContractChaincode([AssetContract], { metadataFile }), {
    peerAddress: peer.address,
    chaincodeIdName: CHAINCODE,
  });
  await peer.waitForChaincode(CHAINCODE);
});

afterAll(async () => {
  await session?.close();
  await peer?.stop();
});

describe('AssetContract on the dev peer', () => {
  it('creates an asset and reads it back', async () => {
    const created = await peer.submit(CHAINCODE, ['CreateAsset', 'asset1', 'blue', '5', 'Tomoko', '300']);
    expect(created.status).toBe(200);
    expect(created.committed).toBe(true);
    expect(created.event && created.event.name).toBe('AssetCreated');
    const read = await peer.evaluate(CHAINCODE, ['ReadAsset', 'asset1']);
    expect(json(read.payload)).toEqual({ id: 'asset1', color: 'blue', size: 5, owner: 'Tomoko', appraisedValue: 300 });
  });

  it('refuses duplicates, and arguments its metadata says are numbers when they are not', async () => {
    const dup = await peer.submit(CHAINCODE, ['CreateAsset', 'asset1', 'red', '1', 'Max', '10']);
    expect(dup.status).toBe(500);
    expect(dup.message).toContain('already exists');
    const bad = await peer.submit(CHAINCODE, ['CreateAsset', 'asset9', 'red', 'big', 'Max', '10']);
    expect(bad.status).toBe(500);
    expect(bad.message).toContain("parameter 'size'");
    expect(bad.message).toContain('"big" is not a number');
  });

  it('transfers, lists and deletes', async () => {
    expect(text((await peer.submit(CHAINCODE, ['TransferAsset', 'asset1', 'Max'])).payload)).toBe('Tomoko');
    await peer.submit(CHAINCODE, ['CreateAsset', 'asset2', 'red', '3', 'Ana', '100']);
    const all = await peer.evaluate(CHAINCODE, ['GetAllAssets']);
    expect(json(all.payload).map((a) => [a.id, a.owner])).toEqual([
      ['asset1', 'Max'],
      ['asset2', 'Ana'],
    ]);
    expect((await peer.submit(CHAINCODE, ['DeleteAsset', 'asset2'])).status).toBe(200);
    expect(text((await peer.evaluate(CHAINCODE, ['AssetExists', 'asset2'])).payload)).toBe('false');
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
