import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevNetwork, readCollectionsConfig, type CollectionConfig } from '@chaincode/dev-peer';
import { kvChaincode, utf8 } from './support/kv-chaincode';
import { quietLogs } from './support/quiet-logs';

quietLogs();

const collections: CollectionConfig[] = [
  {
    name: 'shared',
    policy: "OR('Org1MSP.member', 'Org2MSP.member')",
    requiredPeerCount: 0,
    maxPeerCount: 1,
    memberOnlyRead: true,
    memberOnlyWrite: true,
  },
  { name: 'org1open', policy: "OR('Org1MSP.member')", memberOnlyRead: false, memberOnlyWrite: false },
  {
    name: 'endorsed',
    policy: "OR('Org1MSP.member', 'Org2MSP.member')",
    endorsementPolicy: { signaturePolicy: "OR('Org2MSP.peer')" },
  },
  { name: 'needsTwo', policy: "OR('Org1MSP.member', 'Org2MSP.member')", requiredPeerCount: 2, maxPeerCount: 2 },
  { name: 'shortLived', policy: "OR('Org1MSP.member', 'Org2MSP.member')", blockToLive: 2 },
];

const value = (v: string): Record<string, Uint8Array> => ({ value: Buffer.from(v) });

describe('dev network: private data collections (collections_config.json)', () => {
  let network: DevNetwork;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dev-peer-pdc-'));
    const file = join(dir, 'collections_config.json');
    writeFileSync(file, JSON.stringify(collections));
    network = await DevNetwork.start({ orgs: ['Org1MSP', 'Org2MSP', 'Org3MSP'] });
    // One endorsing org is enough: collection rules, not the chaincode policy, are under test.
    await network.deployChaincode('pdc', kvChaincode, {
      endorsementPolicy: "OR('Org1MSP.peer', 'Org2MSP.peer', 'Org3MSP.peer')",
      collections: readCollectionsConfig(file),
    });
  });

  afterAll(async () => {
    await network.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const org = (mspId: string): { identity: ReturnType<DevNetwork['org']>['user'] } => ({
    identity: network.org(mspId).user,
  });

  it('keeps private values off the public state and off the block, with their hash on both sides', async () => {
    const r = await network.submit('pdc', ['putPrivate', 'shared', 'p1'], { transient: value('secret') });
    expect(r.validationCode).toBe('VALID');
    expect(utf8(network.getState('pdc', 'p1', { collection: 'shared' }) ?? new Uint8Array())).toBe('secret');
    expect(network.getState('pdc', 'p1')).toBeUndefined();
    const [write] = network.transaction(r.txId)?.rwset.privateWrites ?? [];
    expect(write).toMatchObject({ collection: 'shared', key: 'p1' });
    expect(write?.value).toBeUndefined();
    expect(Buffer.from(write?.valueHash ?? []).toString('hex')).toBe(
      utf8((await network.evaluate('pdc', ['hashPrivate', 'shared', 'p1'], org('Org3MSP'))).payload),
    );
  });

  // Source: core/chaincode/handler.go errorIfCreatorHasNoReadPermission / WritePermission and
  // core/common/privdata/store.go RetrieveReadWritePermission (members read and write; others
  // unless memberOnlyRead / memberOnlyWrite).
  it("refuses reads and writes of non-members of a member-only collection with the peer's text", async () => {
    const write = await network.submit('pdc', ['putPrivate', 'shared', 'p2'], {
      ...org('Org3MSP'),
      transient: value('x'),
    });
    expect(write).toMatchObject({ status: 500, committed: false });
    expect(write.message).toContain(
      `failed: transaction ID: ${write.txId}: tx creator does not have write access permission on privatedata in chaincodeName:pdc collectionName: shared`,
    );
    const read = await network.evaluate('pdc', ['getPrivate', 'shared', 'p1'], org('Org3MSP'));
    expect(read.message).toBe(
      `GET_STATE failed: transaction ID: ${read.txId}: tx creator does not have read access permission on privatedata in chaincodeName:pdc collectionName: shared`,
    );
    const member = await network.evaluate('pdc', ['getPrivate', 'shared', 'p1'], org('Org2MSP'));
    expect(utf8(member.payload)).toBe('secret');
  });

  // Source: privdata store.go NoSuchCollectionError, and the ledger's InvalidCollNameError for the
  // private data hash (which has no permission check).
  it("refuses an undefined collection with the peer's texts", async () => {
    const read = await network.evaluate('pdc', ['getPrivate', 'nope', 'k']);
    expect(read.message).toBe(
      `GET_STATE failed: transaction ID: ${read.txId}: collection mychannel/pdc/nope could not be found`,
    );
    const hash = await network.evaluate('pdc', ['hashPrivate', 'nope', 'k']);
    expect(hash.message).toBe(
      `GET_PRIVATE_DATA_HASH failed: transaction ID: ${hash.txId}: collection [nope] not defined in the collection config for chaincode [pdc]`,
    );
  });

  // Source: core/ledger/kvledger/txmgmt/txmgr query_helper getPrivateData: a peer that does not
  // hold the collection has the public hash version but no private version.
  it('fails a private read endorsed by a peer outside the collection, while its hash is readable', async () => {
    expect(
      (await network.submit('pdc', ['putPrivate', 'org1open', 'o1'], { transient: value('mine') })).validationCode,
    ).toBe('VALID');
    const read = await network.evaluate('pdc', ['getPrivate', 'org1open', 'o1'], org('Org3MSP'));
    expect(read.message).toMatch(
      /private data matching public hash version is not available\. Public hash version = \{BlockNum: \d+, TxNum: 0\}, Private data version = <nil>$/,
    );
    const absent = await network.evaluate('pdc', ['getPrivate', 'org1open', 'never'], org('Org3MSP'));
    expect(absent).toMatchObject({ status: 200, payload: Buffer.alloc(0) });
    expect((await network.evaluate('pdc', ['hashPrivate', 'org1open', 'o1'], org('Org3MSP'))).status).toBe(200);
  });

  // Source: core/common/validation/statebased/v20.go (a collection's endorsement policy replaces
  // the chaincode's for its writes).
  it("validates writes to a collection against the collection's endorsement policy", async () => {
    const denied = await network.submit('pdc', ['putPrivate', 'endorsed', 'e1'], {
      transient: value('x'),
      endorsingOrgs: ['Org1MSP'],
    });
    expect(denied).toMatchObject({
      validationCode: 'ENDORSEMENT_POLICY_FAILURE',
      validationMessage: expect.stringContaining(
        'validation of endorsement policy for collection endorsed chaincode pdc',
      ) as string,
    });
    const planned = await network.submit('pdc', ['putPrivate', 'endorsed', 'e1'], { transient: value('x') });
    expect(planned).toMatchObject({ validationCode: 'VALID', endorsingOrgs: ['Org2MSP'] });
  });

  // Source: gossip/privdata distributor (requiredPeerCount other member peers must acknowledge)
  // and the endorser's "failed to distribute private collection".
  it('fails the endorsement when requiredPeerCount member peers are not there to receive the data', async () => {
    const r = await network.submit('pdc', ['putPrivate', 'needsTwo', 'n1'], { transient: value('x') });
    expect(r).toMatchObject({
      status: 500,
      committed: false,
      message: 'failed to distribute private collection: Failed disseminating 1 out of 1 private dissemination plans',
    });
  });

  // Source: core/ledger/pvtdatapolicy/btlpolicy.go ComputeExpiringBlock.
  it('purges private data blockToLive blocks after the block that wrote it', async () => {
    const written = await network.submit('pdc', ['putPrivate', 'shortLived', 's1'], { transient: value('brief') });
    const block = written.blockNumber ?? 0;
    await network.submit('pdc', ['put', 'tick', '1']);
    await network.submit('pdc', ['put', 'tick', '2']);
    expect(network.height()).toBe(block + 3);
    expect(network.getState('pdc', 's1', { collection: 'shortLived' })).toBeDefined();
    await network.submit('pdc', ['put', 'tick', '3']); // block + 3 = block + blockToLive + 1
    expect(network.getState('pdc', 's1', { collection: 'shortLived' })).toBeUndefined();
    expect((await network.evaluate('pdc', ['hashPrivate', 'shortLived', 's1'])).payload).toEqual(Buffer.alloc(0));
  });

  // Source: core/chaincode/lifecycle deployedcc_infoprovider.go (GenerateImplicitCollectionForOrg:
  // members OR('<MSPID>.member'), no member-only flags; writes endorsed by the org's Endorsement
  // policy).
  it('defines the implicit collection of every org', async () => {
    const own = await network.submit('pdc', ['putPrivate', '_implicit_org_Org1MSP', 'i1'], { transient: value('one') });
    expect(own).toMatchObject({ validationCode: 'VALID', endorsingOrgs: ['Org1MSP'] });
    const other = await network.submit('pdc', ['putPrivate', '_implicit_org_Org2MSP', 'i2'], {
      transient: value('two'),
    });
    expect(other).toMatchObject({ validationCode: 'VALID', endorsingOrgs: ['Org2MSP'] });
    const forced = await network.submit('pdc', ['putPrivate', '_implicit_org_Org2MSP', 'i3'], {
      transient: value('three'),
      endorsingOrgs: ['Org1MSP'],
    });
    expect(forced.validationCode).toBe('ENDORSEMENT_POLICY_FAILURE');
    expect(
      utf8((await network.evaluate('pdc', ['getPrivate', '_implicit_org_Org2MSP', 'i2'], org('Org2MSP'))).payload),
    ).toBe('two');
    expect((await network.evaluate('pdc', ['getPrivate', '_implicit_org_Org2MSP', 'i2'])).message).toContain(
      'private data matching public hash version is not available',
    );
  });

  // fabric PR #3445: with transient data, the Gateway only picks orgs that are members of the
  // collections written; the private data tutorial deploys with an OR policy for this reason.
  it('keeps transient data to member orgs when planning endorsers', async () => {
    await network.deployChaincode('pdc2', kvChaincode, {
      endorsementPolicy: "AND('Org1MSP.peer', 'Org2MSP.peer')",
      collections: [{ name: 'org1only', policy: "OR('Org1MSP.member')" }],
    });
    const planned = await network.submit('pdc2', ['putPrivate', 'org1only', 'k'], { transient: value('x') });
    expect(planned).toMatchObject({
      status: 500,
      message: 'no combination of peers can be derived which satisfy the endorsement policy',
    });
    const pinned = await network.submit('pdc2', ['putPrivate', 'org1only', 'k'], {
      transient: value('x'),
      endorsingOrgs: ['Org1MSP', 'Org2MSP'],
    });
    expect(pinned.validationCode).toBe('VALID');
  });

  it('refuses a collections_config.json Fabric would refuse, and a file that is not JSON', () => {
    expect(() => {
      network.defineChaincode('pdc2', { collections: [{ name: 'c', policy: "OR('Org7MSP.member')" }] });
    }).toThrow(expect.objectContaining({ code: 'CC_DEVPEER_INVALID_DEFINITION' }));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    expect(() => readCollectionsConfig(bad)).toThrow(
      expect.objectContaining({ code: 'CC_DEVPEER_INVALID_DEFINITION' }),
    );
    expect(() => readCollectionsConfig(join(dir, 'missing.json'))).toThrow(
      expect.objectContaining({ code: 'CC_DEVPEER_INVALID_DEFINITION' }),
    );
  });
});
