import { DevPeer } from '@chaincode/dev-peer';
import { createContractChaincode, startChaincode, type ChaincodeSession } from '@chaincode/shim';
import { COLLECTION, PrivateAssetContract } from '../src/private-asset-contract';

// The contract runs on the embedded dev peer over the real protocol; the asset travels in the
// transient map and lands in the private collection, never in the public world state.
const CHAINCODE = 'private-assets';
let peer: DevPeer;
let session: ChaincodeSession;

const transient = (value: unknown): Record<string, Uint8Array> => ({ asset: Buffer.from(JSON.stringify(value)) });
const json = (bytes: Uint8Array): unknown => JSON.parse(Buffer.from(bytes).toString('utf8'));

beforeAll(async () => {
  peer = await DevPeer.start();
  session = await startChaincode(createContractChaincode([PrivateAssetContract]), {
    peerAddress: peer.address,
    chaincodeIdName: CHAINCODE,
  });
  await peer.waitForChaincode(CHAINCODE);
});

afterAll(async () => {
  await session?.close();
  await peer?.stop();
});

describe('PrivateAssetContract on the dev peer', () => {
  const asset = { id: 'a1', color: 'blue', size: 5, appraisedValue: 300 };

  it('creates an asset from transient data, in the collection only', async () => {
    const r = await peer.submit(CHAINCODE, ['CreateAsset'], { transient: transient(asset) });
    expect(r.status).toBe(200);
    expect(peer.getState(CHAINCODE, 'a1')).toBeUndefined();
    const stored = peer.getState(CHAINCODE, 'a1', { collection: COLLECTION });
    expect(json(stored ?? new Uint8Array())).toEqual({ ...asset, owner: 'Org1MSP' });
  });

  it('reads it back', async () => {
    const r = await peer.evaluate(CHAINCODE, ['ReadAsset', 'a1']);
    expect(r.status).toBe(200);
    expect(json(r.payload)).toMatchObject({ id: 'a1', owner: 'Org1MSP' });
  });

  it('verifies a claimed value against the private data hash', async () => {
    const stored = Buffer.from(JSON.stringify({ ...asset, owner: 'Org1MSP' }));
    const good = await peer.evaluate(CHAINCODE, ['VerifyAsset', 'a1'], { transient: { asset: stored } });
    expect(Buffer.from(good.payload).toString()).toBe('true');
    const bad = await peer.evaluate(CHAINCODE, ['VerifyAsset', 'a1'], {
      transient: transient({ ...asset, appraisedValue: 1, owner: 'Org1MSP' }),
    });
    expect(Buffer.from(bad.payload).toString()).toBe('false');
  });

  it('rejects missing or invalid transient data with a clear message', async () => {
    const missing = await peer.submit(CHAINCODE, ['CreateAsset']);
    expect(missing.status).toBe(500);
    expect(missing.message).toContain('transient field "asset"');
    const invalid = await peer.submit(CHAINCODE, ['CreateAsset'], {
      transient: transient({ ...asset, id: 'a2', size: -1 }),
    });
    expect(invalid.message).toContain('size must be a positive number');
  });

  it('lets only the owning organisation delete', async () => {
    const other = peer.ca.createIdentity({ mspId: 'Org2MSP', commonName: 'bob' });
    const refused = await peer.submit(CHAINCODE, ['DeleteAsset', 'a1'], { identity: other });
    expect(refused.status).toBe(500);
    expect(refused.message).toContain('only Org1MSP may delete');
    expect((await peer.submit(CHAINCODE, ['DeleteAsset', 'a1'])).status).toBe(200);
    expect((await peer.evaluate(CHAINCODE, ['ReadAsset', 'a1'])).status).toBe(500);
  });
});
