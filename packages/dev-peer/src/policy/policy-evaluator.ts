import type { Principal, PolicyRule, SignaturePolicy } from './signature-policy';

/** An identity that signed (an endorser, or a proposal's creator), as the MSP sees it. */
export interface SignerIdentity {
  /** Distinct per identity (the certificate): the same identity signing twice counts once. */
  readonly id: string;
  readonly mspId: string;
  /** Node OU roles of the certificate (client, peer, admin, orderer). */
  readonly roles: ReadonlySet<string>;
  /** False when the identity fails MSP validation (no node OU, several, foreign CA...). */
  readonly valid: boolean;
}

/**
 * Fabric's SatisfiesPrincipal for MSPRole principals with NodeOUs on (msp/mspimplvalidate.go):
 * the MSP must match and the identity be valid; `member` needs nothing more, the other roles need
 * the identity's node OU.
 */
export function satisfiesPrincipal(identity: SignerIdentity, principal: Principal): boolean {
  if (principal.kind !== 'role') return false;
  if (identity.mspId !== principal.mspId || !identity.valid) return false;
  return principal.role === 'member' || identity.roles.has(principal.role);
}

/**
 * Evaluate a signature policy as `common/cauthdsl` does: signers are de-duplicated first; each
 * `signedBy` consumes the first unused signer satisfying its principal; an `n out of` gate tries its
 * rules in order, each on a copy of the used set, keeping the consumption of rules that succeed
 * (a greedy evaluation: the order of rules and signers matters, as in Fabric).
 */
export function evaluateSignaturePolicy(policy: SignaturePolicy, signers: readonly SignerIdentity[]): boolean {
  const seen = new Set<string>();
  const unique = signers.filter((s) => {
    if (seen.has(s.id)) return false;
    seen.add(s.id);
    return true;
  });
  return evaluateRule(policy.rule, policy, unique, new Array<boolean>(unique.length).fill(false));
}

function evaluateRule(
  rule: PolicyRule,
  policy: SignaturePolicy,
  signers: readonly SignerIdentity[],
  used: boolean[],
): boolean {
  if ('signedBy' in rule) {
    const principal = policy.identities[rule.signedBy];
    if (principal === undefined) return false;
    for (let i = 0; i < signers.length; i++) {
      if (used[i] === true) continue;
      if (satisfiesPrincipal(signers[i] as SignerIdentity, principal)) {
        used[i] = true;
        return true;
      }
    }
    return false;
  }
  let verified = 0;
  for (const sub of rule.nOutOf.rules) {
    const attempt = used.slice();
    if (evaluateRule(sub, policy, signers, attempt)) {
      verified++;
      for (let i = 0; i < used.length; i++) used[i] = attempt[i] as boolean;
    }
  }
  return verified >= rule.nOutOf.n;
}
