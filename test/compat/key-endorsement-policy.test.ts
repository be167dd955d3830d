/** KeyEndorsementPolicy against the official fabric-shim 2.5.8 one: same calls, same bytes. */
import { ENDORSER_ROLES, InvalidArgumentError, KeyEndorsementPolicy } from '@chaincode/shim';

interface PolicyLike {
  addOrgs(role: string, ...mspIds: string[]): void;
  delOrgs(...mspIds: string[]): void;
  listOrgs(): string[];
  getPolicy(): Uint8Array;
}
const { KeyEndorsementPolicy: OfficialPolicy } = require('fabric-shim') as {
  KeyEndorsementPolicy: new (bytes?: Uint8Array) => PolicyLike;
};
const { common: official } = require('@hyperledger/fabric-protos');

type Step = ['add', 'MEMBER' | 'PEER', ...string[]] | ['del', ...string[]];

const sequences: [string, Step[]][] = [
  ['no orgs', []],
  ['members, not sorted', [['add', 'MEMBER', 'Org2MSP', 'Org1MSP']]],
  ['peers', [['add', 'PEER', 'Org1MSP', 'Org2MSP', 'Org3MSP']]],
  [
    'a role change keeps the place; deleting an unknown org is a no-op',
    [
      ['add', 'MEMBER', 'Org2MSP', 'Org1MSP'],
      ['add', 'PEER', 'Org3MSP', 'Org1MSP'],
      ['del', 'Org2MSP', 'NotThereMSP'],
    ],
  ],
  ['duplicates in one call', [['add', 'MEMBER', 'A', 'A', 'B', 'A']]],
  [
    'deleted then re-added goes to the end',
    [
      ['add', 'PEER', 'A', 'B', 'C'],
      ['del', 'A'],
      ['add', 'MEMBER', 'A'],
    ],
  ],
  [
    'numeric-looking ids (JavaScript key order)',
    [['add', 'MEMBER', 'b', '10', 'B', '9', '01', '4294967295', '4294967294', '0', '-1', '1.5']],
  ],
  ['an empty id and unicode ids', [['add', 'PEER', '', 'Orgé', '組織MSP']]],
  ['no ids at all', [['add', 'MEMBER']]],
  [
    'everything deleted',
    [
      ['add', 'MEMBER', 'A', 'B'],
      ['del', 'B', 'A'],
    ],
  ],
  ['200 orgs (multi-byte lengths)', [['add', 'PEER', ...Array.from({ length: 200 }, (_, i) => `Org${i}MSP`)]]],
];

function apply(policy: PolicyLike, steps: Step[]): void {
  for (const step of steps) {
    if (step[0] === 'add') {
      const [, role, ...ids] = step;
      policy.addOrgs(role, ...ids);
    } else {
      const [, ...ids] = step;
      policy.delOrgs(...ids);
    }
  }
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('KeyEndorsementPolicy produces the bytes of fabric-shim 2.5.8', () => {
  it.each(sequences)('%s', (_name, steps) => {
    const theirs = new OfficialPolicy();
    const ours = new KeyEndorsementPolicy();
    apply(theirs, steps);
    apply(ours, steps);
    expect(ours.listOrgs()).toEqual(theirs.listOrgs());
    expect(hex(ours.getPolicy())).toBe(hex(theirs.getPolicy()));
    expect(ours.getPolicy()).toBeInstanceOf(Uint8Array);
  });

  it.each(sequences)('round trip through bytes: %s', (_name, steps) => {
    const source = new OfficialPolicy();
    apply(source, steps);
    const bytes = source.getPolicy();
    const ours = new KeyEndorsementPolicy(bytes);
    const theirs = new OfficialPolicy(bytes);
    expect(ours.listOrgs()).toEqual(theirs.listOrgs());
    expect(hex(ours.getPolicy())).toBe(hex(bytes));
    ours.addOrgs('MEMBER', 'Later');
    theirs.addOrgs('MEMBER', 'Later');
    expect(hex(ours.getPolicy())).toBe(hex(theirs.getPolicy()));
  });

  it('the bytes decode, with the official codec, to an all-of envelope of MSP roles', () => {
    const policy = new KeyEndorsementPolicy();
    policy.addOrgs('PEER', 'Org1MSP');
    policy.addOrgs('MEMBER', 'Org2MSP');
    const envelope = official.SignaturePolicyEnvelope.deserializeBinary(policy.getPolicy());
    expect(envelope.getVersion()).toBe(0);
    const rule = envelope.getRule().getNOutOf();
    expect(rule.getN()).toBe(2);
    expect(rule.getRulesList().map((r: { getSignedBy(): number }) => r.getSignedBy())).toEqual([0, 1]);
    const roles = envelope
      .getIdentitiesList()
      .map((identity: { getPrincipalClassification(): number; getPrincipal_asU8(): Uint8Array }) => {
        expect(identity.getPrincipalClassification()).toBe(official.MSPPrincipal.Classification.ROLE);
        const role = official.MSPRole.deserializeBinary(identity.getPrincipal_asU8());
        return [role.getMspIdentifier(), role.getRole()];
      });
    expect(roles).toEqual([
      ['Org1MSP', official.MSPRole.MSPRoleType.PEER],
      ['Org2MSP', official.MSPRole.MSPRoleType.MEMBER],
    ]);
  });

  it('exports ENDORSER_ROLES (the official typings declare it, its runtime lacks it)', () => {
    expect(ENDORSER_ROLES).toEqual({ MEMBER: 'MEMBER', PEER: 'PEER' });
    expect((require('fabric-shim') as Record<string, unknown>).ENDORSER_ROLES).toBeUndefined();
  });
});

describe('KeyEndorsementPolicy reading policies it did not write, compared with fabric-shim 2.5.8', () => {
  function principal(mspId: string, role: number, classification = 0): unknown {
    const mspRole = new official.MSPRole();
    mspRole.setMspIdentifier(mspId);
    mspRole.setRole(role);
    const result = new official.MSPPrincipal();
    result.setPrincipalClassification(classification);
    result.setPrincipal(mspRole.serializeBinary());
    return result;
  }
  function envelope(identities: unknown[], rule?: { n: number; signedBy: number[] }, version = 0): Uint8Array {
    const result = new official.SignaturePolicyEnvelope();
    result.setVersion(version);
    if (rule !== undefined) {
      const nOutOf = new official.SignaturePolicy.NOutOf();
      nOutOf.setN(rule.n);
      nOutOf.setRulesList(
        rule.signedBy.map((index) => {
          const signed = new official.SignaturePolicy();
          signed.setSignedBy(index);
          return signed;
        }),
      );
      const top = new official.SignaturePolicy();
      top.setNOutOf(nOutOf);
      result.setRule(top);
    }
    result.setIdentitiesList(identities);
    return result.serializeBinary();
  }
  const { MEMBER, ADMIN, CLIENT, PEER, ORDERER } = official.MSPRole.MSPRoleType;

  it.each([
    [
      '1 of 2 (rewritten as 2 of 2, like the official)',
      envelope([principal('A', MEMBER), principal('B', PEER)], { n: 1, signedBy: [0, 1] }),
    ],
    [
      'ADMIN, CLIENT and ORDERER roles (kept)',
      envelope([principal('A', ADMIN), principal('B', CLIENT), principal('C', ORDERER)], { n: 3, signedBy: [0, 1, 2] }),
    ],
    [
      'one org listed twice (last role wins, first place kept)',
      envelope([principal('A', MEMBER), principal('B', MEMBER), principal('A', PEER)], { n: 3, signedBy: [0, 1, 2] }),
    ],
    ['no rule at all', envelope([principal('B', MEMBER), principal('A', PEER)])],
    ['version 1', envelope([principal('A', MEMBER)], { n: 1, signedBy: [0] }, 1)],
    ['empty bytes', new Uint8Array(0)],
  ])('%s', (_name, bytes) => {
    const ours = new KeyEndorsementPolicy(bytes);
    const theirs = new OfficialPolicy(bytes);
    expect(ours.listOrgs()).toEqual(theirs.listOrgs());
    expect(hex(ours.getPolicy())).toBe(hex(theirs.getPolicy()));
  });

  it('DIFFERENCE: a principal that is not an MSP role is refused (the official drops it, weakening the policy)', () => {
    const bytes = envelope([principal('A', MEMBER), principal('OU', 0, 1)], { n: 2, signedBy: [0, 1] });
    expect(new OfficialPolicy(bytes).listOrgs()).toEqual(['A']);
    expect(() => new KeyEndorsementPolicy(bytes)).toThrow(InvalidArgumentError);
    expect(() => new KeyEndorsementPolicy(bytes)).toThrow(/identity 1 is a ORGANIZATION_UNIT principal/);
  });

  it('both refuse bytes that are not an envelope; ours with a typed error', () => {
    const bytes = Buffer.from([1, 2, 3]);
    expect(() => new OfficialPolicy(bytes)).toThrow();
    expect(() => new KeyEndorsementPolicy(bytes)).toThrow(
      expect.objectContaining({ code: 'CC_SHIM_INVALID_ARGUMENT' }),
    );
  });

  it('both refuse an unknown role and leave the policy unchanged; ours with a typed error', () => {
    const theirs = new OfficialPolicy();
    const ours = new KeyEndorsementPolicy();
    ours.addOrgs('PEER', 'Org1MSP');
    theirs.addOrgs('PEER', 'Org1MSP');
    for (const role of ['ADMIN', 'member', '', 'toString']) {
      expect(() => {
        theirs.addOrgs(role, 'Org2MSP');
      }).toThrow(`role type ${role} does not exist`);
      expect(() => {
        ours.addOrgs(role as 'MEMBER', 'Org2MSP');
      }).toThrow(InvalidArgumentError);
      expect(() => {
        ours.addOrgs(role as 'MEMBER', 'Org2MSP');
      }).toThrow(`role type ${role} does not exist`);
    }
    expect(ours.listOrgs()).toEqual(['Org1MSP']);
    expect(hex(ours.getPolicy())).toBe(hex(theirs.getPolicy()));
  });
});
