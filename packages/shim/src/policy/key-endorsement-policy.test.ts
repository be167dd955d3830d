import { InvalidArgumentError } from '../errors/shim-error';
import { common } from '../wire/protos';
import { ENDORSER_ROLES } from './endorser-roles';
import { KeyEndorsementPolicy } from './key-endorsement-policy';

function decode(bytes: Uint8Array): { n: number; signedBy: number[]; orgs: [string, number][] } {
  const envelope = common.SignaturePolicyEnvelope.decode(bytes);
  return {
    n: envelope.rule?.nOutOf?.n ?? 0,
    signedBy: (envelope.rule?.nOutOf?.rules ?? []).map((rule) => rule.signedBy ?? -1),
    orgs: envelope.identities.map((identity) => {
      const role = common.MSPRole.decode(identity.principal ?? new Uint8Array(0));
      return [role.mspIdentifier, role.role];
    }),
  };
}

describe('KeyEndorsementPolicy', () => {
  it('builds an all-of policy over MSP roles, in insertion order', () => {
    const policy = new KeyEndorsementPolicy();
    policy.addOrgs(ENDORSER_ROLES.PEER, 'Org2MSP', 'Org1MSP');
    policy.addOrgs(ENDORSER_ROLES.MEMBER, 'Org3MSP');
    expect(decode(policy.getPolicy())).toEqual({
      n: 3,
      signedBy: [0, 1, 2],
      orgs: [
        ['Org2MSP', common.MSPRole.MSPRoleType.PEER],
        ['Org1MSP', common.MSPRole.MSPRoleType.PEER],
        ['Org3MSP', common.MSPRole.MSPRoleType.MEMBER],
      ],
    });
  });

  it('changes a role in place, deletes, and re-adds at the end', () => {
    const policy = new KeyEndorsementPolicy();
    policy.addOrgs('MEMBER', 'A', 'B', 'C');
    policy.addOrgs('PEER', 'A');
    policy.delOrgs('B', 'unknown');
    policy.addOrgs('MEMBER', 'B');
    expect(policy.listOrgs()).toEqual(['A', 'C', 'B']);
    expect(decode(policy.getPolicy()).orgs[0]).toEqual(['A', common.MSPRole.MSPRoleType.PEER]);
  });

  it('lists array-index ids first in numeric order, as fabric-shim (a JavaScript object) does', () => {
    const policy = new KeyEndorsementPolicy();
    policy.addOrgs('MEMBER', 'b', '10', 'a', '9', '01', '4294967295', '4294967294');
    expect(policy.listOrgs()).toEqual(['9', '10', '4294967294', 'b', 'a', '01', '4294967295']);
  });

  it('round-trips its own bytes', () => {
    const policy = new KeyEndorsementPolicy();
    policy.addOrgs('PEER', 'Org1MSP', 'Org2MSP');
    const again = new KeyEndorsementPolicy(policy.getPolicy());
    expect(again.listOrgs()).toEqual(['Org1MSP', 'Org2MSP']);
    expect(Buffer.from(again.getPolicy())).toEqual(Buffer.from(policy.getPolicy()));
  });

  it('reads no bytes, or empty bytes, as no orgs', () => {
    expect(new KeyEndorsementPolicy().listOrgs()).toEqual([]);
    expect(new KeyEndorsementPolicy(new Uint8Array(0)).listOrgs()).toEqual([]);
    expect(decode(new KeyEndorsementPolicy().getPolicy())).toEqual({ n: 0, signedBy: [], orgs: [] });
  });

  it('refuses an unknown role with a typed error and adds nothing', () => {
    const policy = new KeyEndorsementPolicy();
    expect(() => {
      policy.addOrgs('ADMIN' as 'MEMBER', 'Org1MSP');
    }).toThrow(InvalidArgumentError);
    expect(policy.listOrgs()).toEqual([]);
  });

  it('refuses bytes that are not a policy, and principals that are not MSP roles', () => {
    expect(() => new KeyEndorsementPolicy(Buffer.from([0xff, 0xff, 0xff]))).toThrow(/not a SignaturePolicyEnvelope/);
    const withOu = common.SignaturePolicyEnvelope.encode({
      identities: [
        { principalClassification: common.MSPPrincipal.Classification.ORGANIZATION_UNIT, principal: Buffer.from('x') },
      ],
    }).finish();
    expect(() => new KeyEndorsementPolicy(withOu)).toThrow(/ORGANIZATION_UNIT principal/);
    const badRole = common.SignaturePolicyEnvelope.encode({
      identities: [{ principal: Buffer.from([0x0a, 0x05, 0x41]) }],
    }).finish();
    expect(() => new KeyEndorsementPolicy(badRole)).toThrow(/not a valid MSPRole/);
  });
});
