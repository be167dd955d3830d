import { DevPeer } from '@chaincode/dev-peer';
import { createContractChaincode, startChaincode, type ChaincodeSession } from '@chaincode/shim';
import { AssetContract } from '../src/asset-contract';

// The contract runs exactly as on a Fabric peer: the shim registers it with the embedded dev peer
// over gRPC, and every submit/evaluate is a real transaction (read/write sets, events, commits).
const CHAINCODE = 'asset-transfer';
let peer: DevPeer;
let session: ChaincodeSession;

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
const json = (bytes: Uint8Array): unknown => JSON.parse(text(bytes));

beforeAll(async () => {
  peer = await DevPeer.start();
  session = await startChaincode(createContractChaincode([AssetContract]), {
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
  it('creates an asset, commits it and emits AssetCreated', async () => {
    const r = await peer.submit(CHAINCODE, ['CreateAsset', 'asset1', 'blue', '5', 'Tomoko', '300']);
    expect(r.status).toBe(200);
    expect(r.committed).toBe(true);
    expect(json(r.payload)).toEqual({ id: 'asset1', color: 'blue', size: 5, owner: 'Tomoko', appraisedValue: 300 });
    expect(r.event?.name).toBe('AssetCreated');
    expect(json(peer.getState(CHAINCODE, 'asset1') ?? new Uint8Array())).toMatchObject({ owner: 'Tomoko' });
  });

  it('reads it back with an evaluate, which never commits', async () => {
    const r = await peer.evaluate(CHAINCODE, ['ReadAsset', 'asset1']);
    expect(r.status).toBe(200);
    expect(r.committed).toBe(false);
    expect(json(r.payload)).toMatchObject({ id: 'asset1', size: 5 });
  });

  it('refuses to create the same asset twice', async () => {
    const r = await peer.submit(CHAINCODE, ['CreateAsset', 'asset1', 'red', '1', 'Max', '10']);
    expect(r.status).toBe(500);
    expect(r.message).toContain('asset asset1 already exists');
  });

  it('updates and transfers an asset', async () => {
    const updated = await peer.submit(CHAINCODE, ['UpdateAsset', 'asset1', 'green', '6', 'Tomoko', '350']);
    expect(updated.status).toBe(200);
    const transfer = await peer.submit(CHAINCODE, ['TransferAsset', 'asset1', 'Max']);
    expect(text(transfer.payload)).toBe('Tomoko');
    const read = await peer.evaluate(CHAINCODE, ['ReadAsset', 'asset1']);
    expect(json(read.payload)).toEqual({ id: 'asset1', color: 'green', size: 6, owner: 'Max', appraisedValue: 350 });
  });

  it('lists every asset', async () => {
    await peer.submit(CHAINCODE, ['CreateAsset', 'asset2', 'red', '3', 'Ana', '100']);
    const r = await peer.evaluate(CHAINCODE, ['GetAllAssets']);
    const ids = (json(r.payload) as { id: string }[]).map((a) => a.id);
    expect(ids).toEqual(['asset1', 'asset2']);
  });

  it('deletes an asset, after which it no longer exists', async () => {
    expect((await peer.submit(CHAINCODE, ['DeleteAsset', 'asset2'])).status).toBe(200);
    const exists = await peer.evaluate(CHAINCODE, ['AssetExists', 'asset2']);
    expect(text(exists.payload)).toBe('false');
    const read = await peer.evaluate(CHAINCODE, ['ReadAsset', 'asset2']);
    expect(read.status).toBe(500);
    expect(read.message).toContain('does not exist');
  });

  it('rejects a size that is not a number before the contract runs', async () => {
    const r = await peer.submit(CHAINCODE, ['CreateAsset', 'asset3', 'red', 'big', 'Ana', '100']);
    expect(r.status).not.toBe(200);
  });
});
