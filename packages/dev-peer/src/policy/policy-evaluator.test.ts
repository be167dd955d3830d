import { parseSignaturePolicy } from './policy-parser';
import { evaluateSignaturePolicy, type SignerIdentity } from './policy-evaluator';

const signer = (id: string, mspId: string, role: string, valid = true): SignerIdentity => ({
  id,
  mspId,
  roles: new Set([role]),
  valid,
});
const aPeer = signer('a-peer', 'A', 'peer');
const aAdmin = signer('a-admin', 'A', 'admin');
const aClient = signer('a-client', 'A', 'client');
const bPeer = signer('b-peer', 'B', 'peer');
const aBroken = signer('a-broken', 'A', 'peer', false);

// Source: hyperledger/fabric common/cauthdsl/cauthdsl.go (compile: a gate tries its rules in order on
// a copy of the used signatures, a principal takes the first unused signer satisfying it),
// common/cauthdsl/policy.go (identities are de-duplicated before evaluation),
// msp/mspimplvalidate.go satisfiesPrincipalInternalV142 (member = any valid identity of the MSP;
// client/peer/admin/orderer = that node OU), and the "signatures are consumed in the order in which
// they appear" caveat of docs/source/policies/policies.md.
describe('evaluateSignaturePolicy (Fabric cauthdsl)', () => {
  it.each([
    ["AND('A.peer', 'B.peer')", [aPeer, bPeer], true],
    ["AND('A.peer', 'B.peer')", [bPeer, aPeer], true],
    ["AND('A.peer', 'B.peer')", [aPeer], false],
    ["OR('A.peer', 'B.peer')", [bPeer], true],
    ["OR('A.peer')", [aClient], false],
    ["OR('A.client')", [aClient], true],
    ["OR('A.admin')", [aAdmin], true],
    ["OR('A.member')", [aAdmin], true],
    ["OR('A.member')", [bPeer], false],
    ["OR('A.member')", [aBroken], false], // an identity the MSP refuses satisfies nothing
    ["AND('A.member', 'A.member')", [aPeer, aPeer], false], // the same identity counts once
    ["AND('A.member', 'A.member')", [aPeer, aAdmin], true],
    ["OutOf(2, 'A.member', 'A.admin')", [aAdmin, aPeer], false], // member consumed the admin first
    ["OutOf(2, 'A.member', 'A.admin')", [aPeer, aAdmin], true],
    ["OutOf(0, 'A.member', 'B.member')", [], true],
    ["OutOf(3, 'A.member', 'B.member')", [aPeer, bPeer], false],
    ["OR('A.peer', AND('B.peer', 'A.admin'))", [bPeer, aAdmin], true],
  ] as const)('%s with %#', (policy, signers, expected) => {
    expect(evaluateSignaturePolicy(parseSignaturePolicy(policy), signers)).toBe(expected);
  });
});
