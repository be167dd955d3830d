import { ChannelPolicies } from './channel-policies';
import type { SignerIdentity } from './policy-evaluator';

const peer = (mspId: string): SignerIdentity => ({ id: mspId, mspId, roles: new Set(['peer']), valid: true });
const client = (mspId: string): SignerIdentity => ({
  id: `${mspId}-c`,
  mspId,
  roles: new Set(['client']),
  valid: true,
});

// Source: fabric-samples test-network configtx.yaml (Application policies: Readers/Writers ANY,
// Admins MAJORITY, Endorsement and LifecycleEndorsement MAJORITY Endorsement; per org
// Endorsement OR('OrgMSP.peer'), Writers OR(admin, client)), and common/policies/implicitmeta.go
// (MAJORITY = n/2 + 1 sub-policies; the failure text from implicitmeta_test.go).
describe('ChannelPolicies (test-network channel configuration)', () => {
  it.each([
    [['Org1MSP'], ['Org1MSP'], undefined],
    [['Org1MSP', 'Org2MSP'], ['Org1MSP'], 2],
    [['Org1MSP', 'Org2MSP'], ['Org1MSP', 'Org2MSP'], undefined],
    [['Org1MSP', 'Org2MSP', 'Org3MSP'], ['Org3MSP', 'Org1MSP'], undefined],
    [['Org1MSP', 'Org2MSP', 'Org3MSP'], ['Org2MSP'], 2],
  ])('/Channel/Application/Endorsement of %p signed by peers of %p', (orgs, signers, required) => {
    const result = new ChannelPolicies(orgs).evaluate('/Channel/Application/Endorsement', signers.map(peer));
    expect(result).toBe(
      required === undefined
        ? undefined
        : `implicit policy evaluation failed - ${String(signers.length)} sub-policies were satisfied, but this policy requires ${String(required)} of the 'Endorsement' sub-policies to be satisfied`,
    );
  });

  it('evaluates org policies: peers endorse, clients write', () => {
    const policies = new ChannelPolicies(['Org1MSP', 'Org2MSP']);
    expect(policies.evaluate('/Channel/Application/Org2MSP/Endorsement', [peer('Org2MSP')])).toBeUndefined();
    expect(policies.evaluate('/Channel/Application/Org2MSP/Endorsement', [client('Org2MSP')])).toBe(
      'signature set did not satisfy policy',
    );
    expect(policies.evaluate('/Channel/Application/Writers', [client('Org1MSP')])).toBeUndefined();
    expect(policies.evaluate('/Channel/Application/Writers', [peer('Org1MSP')])).toMatch(
      /0 sub-policies were satisfied/,
    );
  });

  it('refuses unknown references with a coded error', () => {
    const policies = new ChannelPolicies(['Org1MSP']);
    for (const ref of [
      '/Channel/Application/Nope',
      '/Channel/Orderer/Writers',
      '/Channel/Application/Org9MSP/Endorsement',
    ]) {
      expect(() => {
        policies.check(ref);
      }).toThrow(expect.objectContaining({ code: 'CC_DEVPEER_INVALID_POLICY' }));
    }
  });
});
