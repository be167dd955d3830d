import { DevNetwork } from '@chaincode/dev-peer';
import { kvChaincode, utf8 } from './support/kv-chaincode';
import { quietLogs } from './support/quiet-logs';

quietLogs();

const ORGS = ['Org1MSP', 'Org2MSP', 'Org3MSP'];

describe('dev network: orgs, identities, endorsement policies at commit', () => {
  let network: DevNetwork;

  beforeAll(async () => {
    network = await DevNetwork.start({ orgs: ORGS });
    await network.deployChaincode('kv', kvChaincode); // the channel's default policy
    await network.deployChaincode('and12', kvChaincode, { endorsementPolicy: "AND('Org1MSP.peer','Org2MSP.peer')" });
    await network.deployChaincode('org2only', kvChaincode, { endorsementPolicy: "OR('Org2MSP.peer')" });
    await network.deployChaincode('clients', kvChaincode, { endorsementPolicy: "OR('Org1MSP.client')" });
  });

  afterAll(async () => {
    await network.stop();
  });

  it('runs the chaincode on every org peer, each with its own CORE_PEER_LOCALMSPID', async () => {
    for (const mspId of ORGS) {
      const r = await network.evaluate('kv', ['mspid'], { endorsingOrgs: [mspId] });
      expect([utf8(r.payload), r.endorsingOrgs]).toEqual([mspId, [mspId]]);
      expect(network.org(mspId).peer.chaincodes()).toEqual(['kv', 'and12', 'org2only', 'clients']);
    }
  });

  // The default chaincode policy is /Channel/Application/Endorsement: MAJORITY of the orgs'
  // Endorsement policies (fabric-samples configtx.yaml), so 2 of 3 orgs' peers.
  it('endorses on the client org first, then on as many orgs as the policy needs (the Gateway plan)', async () => {
    const r = await network.submit('kv', ['put', 'k1', 'v1'], { identity: network.org('Org2MSP').user });
    expect(r).toMatchObject({
      status: 200,
      committed: true,
      validationCode: 'VALID',
      endorsingOrgs: ['Org2MSP', 'Org1MSP'],
    });
    expect(utf8(network.getState('kv', 'k1') ?? new Uint8Array())).toBe('v1');
    const and = await network.submit('and12', ['put', 'k', 'v'], { identity: network.org('Org3MSP').user });
    expect(and).toMatchObject({ validationCode: 'VALID', endorsingOrgs: ['Org1MSP', 'Org2MSP'] });
    const org2 = await network.submit('org2only', ['put', 'k', 'v']);
    expect(org2).toMatchObject({ validationCode: 'VALID', endorsingOrgs: ['Org2MSP'] });
  });

  // Source: core/common/validation/statebased (chaincode policy checked at commit) and the
  // implicit meta failure text; the transaction is in the block, marked ENDORSEMENT_POLICY_FAILURE,
  // and its writes are not applied.
  it('fails at commit with ENDORSEMENT_POLICY_FAILURE when the named endorsing orgs do not satisfy the policy', async () => {
    const height = network.height();
    const r = await network.submit('kv', ['put', 'k2', 'v2'], { endorsingOrgs: ['Org1MSP'] });
    expect(r).toMatchObject({
      status: 200,
      committed: false,
      validationCode: 'ENDORSEMENT_POLICY_FAILURE',
      blockNumber: height,
      validationMessage: expect.stringContaining(
        "implicit policy evaluation failed - 1 sub-policies were satisfied, but this policy requires 2 of the 'Endorsement' sub-policies to be satisfied",
      ) as string,
    });
    expect(network.getState('kv', 'k2')).toBeUndefined();
    expect(network.transaction(r.txId)).toMatchObject({
      validationCode: 'ENDORSEMENT_POLICY_FAILURE',
      endorsers: ['Org1MSP'],
    });
    const and = await network.submit('and12', ['put', 'k', 'x'], { endorsingOrgs: ['Org1MSP', 'Org3MSP'] });
    expect(and.validationCode).toBe('ENDORSEMENT_POLICY_FAILURE');
  });

  it('refuses a policy no peer can satisfy before ordering, as discovery finds no layout', async () => {
    const r = await network.submit('clients', ['put', 'k', 'v']);
    expect(r).toMatchObject({
      status: 500,
      committed: false,
      message: 'no combination of peers can be derived which satisfy the endorsement policy',
    });
    expect(r.validationCode).toBeUndefined();
  });

  // Source: core/common/validation/statebased/validator_keylevel.go; the shim's KeyEndorsementPolicy
  // writes "every listed org's peer" into VALIDATION_PARAMETER.
  it('validates a key with a key-level policy against it instead of the chaincode policy', async () => {
    expect((await network.submit('kv', ['put', 'sbe', 'v0'])).validationCode).toBe('VALID');
    expect((await network.submit('kv', ['sbe', 'sbe', 'Org3MSP'])).validationCode).toBe('VALID');
    // The chaincode policy (2 of 3) is met, the key's (Org3's peer) is not.
    const denied = await network.submit('kv', ['put', 'sbe', 'v1'], { endorsingOrgs: ['Org1MSP', 'Org2MSP'] });
    expect(denied).toMatchObject({
      validationCode: 'ENDORSEMENT_POLICY_FAILURE',
      validationMessage: expect.stringMatching(
        /^validation of key sbe \(coll'':ns'kv'\) in tx \d+:0 failed: signature set did not satisfy policy$/,
      ) as string,
    });
    // Org3's peer alone satisfies the key's policy, though not the chaincode's.
    expect((await network.submit('kv', ['put', 'sbe', 'v2'], { endorsingOrgs: ['Org3MSP'] })).validationCode).toBe(
      'VALID',
    );
    // Left to the Gateway, the plan is the key's policy: Org3's peer.
    const planned = await network.submit('kv', ['put', 'sbe', 'v3']);
    expect(planned).toMatchObject({ validationCode: 'VALID', endorsingOrgs: ['Org3MSP'] });
    expect(utf8(network.getState('kv', 'sbe') ?? new Uint8Array())).toBe('v3');
  });

  it("answers a creator the channel does not know with the peer's access denied, and never throws", async () => {
    const stranger = network.ca.createIdentity({ mspId: 'Org9MSP', commonName: 'mallory' });
    const r = await network.submit('kv', ['put', 'k', 'v'], { identity: stranger });
    expect(r).toMatchObject({
      status: 500,
      committed: false,
      message: 'error validating proposal: access denied: channel [mychannel] creator org [Org9MSP]',
    });
    const noRole = network.createIdentity({ mspId: 'Org1MSP', commonName: 'nobody', ous: ['department1'] });
    expect((await network.evaluate('kv', ['get', 'k'], { identity: noRole })).message).toBe(
      'error validating proposal: access denied: channel [mychannel] creator org [Org1MSP]',
    );
  });

  it('refuses endorsements that differ between peers (a non-deterministic chaincode)', async () => {
    const r = await network.submit('and12', ['random']);
    expect(r).toMatchObject({ status: 500, committed: false, message: 'ProposalResponsePayloads do not match' });
    expect(r.endorsingOrgs).toEqual(['Org1MSP', 'Org2MSP']);
  });

  it('passes a chaincode error through without ordering it', async () => {
    const height = network.height();
    const r = await network.submit('kv', ['fail', 'no way']);
    expect(r).toMatchObject({ status: 500, message: 'no way', committed: false, endorsingOrgs: ['Org1MSP'] });
    expect(network.height()).toBe(height);
  });

  it('refuses bad definitions and unknown orgs with coded errors', async () => {
    await expect(
      network.deployChaincode('bad', kvChaincode, { endorsementPolicy: "AND('Org1MSP.peer'" }),
    ).rejects.toMatchObject({
      code: 'CC_DEVPEER_INVALID_POLICY',
    });
    expect(network.org('Org1MSP').peer.chaincodes()).not.toContain('bad');
    expect(() => network.org('Org9MSP')).toThrow(expect.objectContaining({ code: 'CC_DEVPEER_UNKNOWN_ORG' }));
    await expect(network.submit('kv', ['get', 'k'], { endorsingOrgs: ['Org9MSP'] })).rejects.toMatchObject({
      code: 'CC_DEVPEER_UNKNOWN_ORG',
    });
    await expect(network.submit('nope', ['get', 'k'])).rejects.toMatchObject({ code: 'CC_DEVPEER_NOT_REGISTERED' });
  });

  it('issues org identities with roles and Fabric CA attributes', () => {
    const org = network.org('Org2MSP');
    expect(org.admin.mspId).toBe('Org2MSP');
    const auditor = org.identity('auditor1', { attributes: { role: 'auditor' }, role: 'client' });
    expect(auditor.certificate).toContain('BEGIN CERTIFICATE');
    expect(org.peer.identity.mspId).toBe('Org2MSP');
  });
});
