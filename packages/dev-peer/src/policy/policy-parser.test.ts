import { parseSignaturePolicy } from './policy-parser';
import { decodeSignaturePolicy, encodeSignaturePolicy, type SignaturePolicy } from './signature-policy';

// Source: hyperledger/fabric common/policydsl/policyparser.go (FromString) and its tests
// common/policydsl/policyparser_test.go: the envelope each policy string becomes (rule, and the
// identities in the order FromString numbers them) and the error texts.
const m = (mspId: string, role = 'member'): unknown => ({ kind: 'role', mspId, role });
const by = (i: number): unknown => ({ signedBy: i });
const outOf = (n: number, ...rules: unknown[]): unknown => ({ nOutOf: { n, rules } });

describe('parseSignaturePolicy (Fabric policydsl)', () => {
  it.each([
    ["OutOf(1, 'A.member', 'B.member')", outOf(1, by(0), by(1)), [m('A'), m('B')]],
    ["OutOf(2, 'A.member', 'B.member')", outOf(2, by(0), by(1)), [m('A'), m('B')]],
    ["AND('A.member', 'B.member')", outOf(2, by(0), by(1)), [m('A'), m('B')]],
    ["AND('A.client', 'B.peer')", outOf(2, by(0), by(1)), [m('A', 'client'), m('B', 'peer')]],
    ["OR('A.member', 'B.member')", outOf(1, by(0), by(1)), [m('A'), m('B')]],
    // TestComplex1: nested principals are numbered before the gate's own
    ["OR('A.member', AND('B.member', 'C.member'))", outOf(1, by(2), outOf(2, by(0), by(1))), [m('B'), m('C'), m('A')]],
    [
      "OR(AND('A.member', 'B.member'), OR('C.admin', 'D.member'))",
      outOf(1, outOf(2, by(0), by(1)), outOf(1, by(2), by(3))),
      [m('A'), m('B'), m('C', 'admin'), m('D')],
    ],
    [
      "OR('MSP.member', 'MSP.WITH.DOTS.member', 'MSP-WITH-DASHES.member')",
      outOf(1, by(0), by(1), by(2)),
      [m('MSP'), m('MSP.WITH.DOTS'), m('MSP-WITH-DASHES')],
    ],
    [
      "OR('A.peer', 'B.admin', 'C.orderer', 'D.client')",
      outOf(1, by(0), by(1), by(2), by(3)),
      [m('A', 'peer'), m('B', 'admin'), m('C', 'orderer'), m('D', 'client')],
    ],
    ["OutOf('1', 'A.member', 'B.member')", outOf(1, by(0), by(1)), [m('A'), m('B')]],
    ["OutOf(0, 'A.member', 'B.member')", outOf(0, by(0), by(1)), [m('A'), m('B')]], // always satisfied
    ["OutOf(3, 'A.member', 'B.member')", outOf(3, by(0), by(1)), [m('A'), m('B')]], // never satisfied
    ["and('A.member','B.member')", outOf(2, by(0), by(1)), [m('A'), m('B')]],
    ['OUTOF(1, "A.member")', outOf(1, by(0)), [m('A')]],
    ["AND('Org1MSP.peer','Org2MSP.peer')", outOf(2, by(0), by(1)), [m('Org1MSP', 'peer'), m('Org2MSP', 'peer')]],
  ])('%s', (text, rule, identities) => {
    expect(parseSignaturePolicy(text)).toEqual({ version: 0, rule, identities });
  });

  it.each([
    ['', 'Unexpected end of expression'],
    ["''", 'Unexpected end of expression'],
    ['OutOf(1)', 'expected at least two arguments to NOutOf. Given 1'],
    ['AND()', 'expected at least two arguments to NOutOf. Given 1'],
    ["OutOf(true, 'A.member')", 'unexpected type bool'],
    ['OutOf(1, 2)', 'unexpected type float64'],
    ["OutOf(1, 'true')", 'unexpected type bool'],
    ["OutOf(1, '\\'1\\'')", 'unrecognized type, expected a principal or a policy, got float64'],
    ["OR('A.member', Bmember)", "unrecognized token 'Bmember' in policy string"],
    ["OR('A.member', 'Bmember')", "unrecognized token 'Bmember' in policy string"],
    ["OR('A.member', '\\'Bmember\\'')", "unrecognized token 'Bmember' in policy string"],
    ["OR('A.user')", "unrecognized token 'A.user' in policy string"],
    ["ANY('A.member')", "unrecognized token 'ANY' in policy string"],
    ['1', "invalid policy string '1'"],
    ["'1'", "invalid policy string ''1''"],
    ["OutOf(-1, 'A.member', 'B.member')", 'invalid t-out-of-n predicate, t -1, n 2'],
    ["OutOf(4, 'A.member', 'B.member')", 'invalid t-out-of-n predicate, t 4, n 2'],
  ])('refuses %p: %s', (text, message) => {
    expect(() => parseSignaturePolicy(text)).toThrow(
      expect.objectContaining({ code: 'CC_DEVPEER_INVALID_POLICY', message }),
    );
  });

  it('refuses input that is no expression at all, deep nesting and unclosed strings with a coded error', () => {
    for (const text of [
      "OR('A.member'",
      "OR('A.member')) x",
      'OR(;)',
      "'A.member",
      'AND('.repeat(200) + "'A.member'",
    ]) {
      expect(() => parseSignaturePolicy(text)).toThrow(expect.objectContaining({ code: 'CC_DEVPEER_INVALID_POLICY' }));
    }
  });

  it('round-trips through SignaturePolicyEnvelope bytes', () => {
    const policy: SignaturePolicy = parseSignaturePolicy("OR('A.member', AND('B.peer', 'C.admin'))");
    expect(decodeSignaturePolicy(encodeSignaturePolicy(policy))).toEqual(policy);
  });
});
