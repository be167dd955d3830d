import { DevPeerError } from '../errors/dev-peer-error';
import { evaluateSignaturePolicy, type SignerIdentity } from './policy-evaluator';
import type { MspRole, SignaturePolicy } from './signature-policy';

/** The channel's default chaincode endorsement policy (what lifecycle uses when none is given). */
export const DEFAULT_ENDORSEMENT_POLICY_REF = '/Channel/Application/Endorsement';

type OrgPolicyName = 'Readers' | 'Writers' | 'Admins' | 'Endorsement';
type ImplicitRule = 'ANY' | 'ALL' | 'MAJORITY';

/**
 * The organization policies of fabric-samples' test network (configtx.yaml), per org:
 * Readers OR(admin, peer, client), Writers OR(admin, client), Admins OR(admin), Endorsement OR(peer).
 */
const ORG_POLICY_ROLES: Readonly<Record<OrgPolicyName, readonly MspRole[]>> = {
  Readers: ['admin', 'peer', 'client'],
  Writers: ['admin', 'client'],
  Admins: ['admin'],
  Endorsement: ['peer'],
};

/**
 * Application-level implicit meta policies of the test network's configtx.yaml:
 * Readers/Writers ANY, Admins MAJORITY, Endorsement and LifecycleEndorsement MAJORITY Endorsement.
 */
const APPLICATION_POLICIES: Readonly<Record<string, { rule: ImplicitRule; sub: OrgPolicyName }>> = {
  Readers: { rule: 'ANY', sub: 'Readers' },
  Writers: { rule: 'ANY', sub: 'Writers' },
  Admins: { rule: 'MAJORITY', sub: 'Admins' },
  Endorsement: { rule: 'MAJORITY', sub: 'Endorsement' },
  LifecycleEndorsement: { rule: 'MAJORITY', sub: 'Endorsement' },
};

/** The policies of one channel's configuration, for the channel's application organizations. */
export class ChannelPolicies {
  constructor(private readonly orgs: readonly string[]) {}

  /** Throws CC_DEVPEER_INVALID_POLICY unless `reference` names a policy of this channel. */
  check(reference: string): void {
    if (this.resolve(reference) === undefined) {
      throw new DevPeerError(
        'CC_DEVPEER_INVALID_POLICY',
        `unknown channel config policy '${reference}' (known: /Channel/Application/{Readers,Writers,Admins,Endorsement,LifecycleEndorsement} and /Channel/Application/<MSPID>/{Readers,Writers,Admins,Endorsement})`,
      );
    }
  }

  /** The org-level signature policy `/Channel/Application/<mspId>/<name>`. */
  orgPolicy(mspId: string, name: OrgPolicyName): SignaturePolicy {
    const roles = ORG_POLICY_ROLES[name];
    return {
      version: 0,
      rule: { nOutOf: { n: 1, rules: roles.map((_, i) => ({ signedBy: i })) } },
      identities: roles.map((role) => ({ kind: 'role', mspId, role })),
    };
  }

  /**
   * Evaluate a policy reference: undefined when satisfied, else the reason as Fabric words it
   * (`implicit policy evaluation failed - ...` for implicit meta policies, `signature set did not
   * satisfy policy` for signature policies).
   */
  evaluate(reference: string, signers: readonly SignerIdentity[]): string | undefined {
    const resolved = this.resolve(reference);
    if (resolved === undefined) return `could not find policy '${reference}'`;
    if (resolved.kind === 'org') {
      return evaluateSignaturePolicy(resolved.policy, signers) ? undefined : 'signature set did not satisfy policy';
    }
    const { rule, sub } = resolved;
    const satisfied = this.orgs.filter((mspId) => evaluateSignaturePolicy(this.orgPolicy(mspId, sub), signers)).length;
    const required = rule === 'ANY' ? 1 : rule === 'ALL' ? this.orgs.length : Math.floor(this.orgs.length / 2) + 1;
    if (satisfied >= required) return undefined;
    return (
      `implicit policy evaluation failed - ${String(satisfied)} sub-policies were satisfied, ` +
      `but this policy requires ${String(required)} of the '${sub}' sub-policies to be satisfied`
    );
  }

  private resolve(
    reference: string,
  ):
    | { kind: 'implicit'; rule: ImplicitRule; sub: OrgPolicyName }
    | { kind: 'org'; policy: SignaturePolicy }
    | undefined {
    const parts = reference.split('/');
    if (parts[0] !== '' || parts[1] !== 'Channel' || parts[2] !== 'Application') return undefined;
    if (parts.length === 4) {
      const implicit = APPLICATION_POLICIES[parts[3] as string];
      return implicit === undefined ? undefined : { kind: 'implicit', ...implicit };
    }
    if (parts.length === 5) {
      const [mspId, name] = [parts[3] as string, parts[4] as string];
      if (!this.orgs.includes(mspId) || !(name in ORG_POLICY_ROLES)) return undefined;
      return { kind: 'org', policy: this.orgPolicy(mspId, name as OrgPolicyName) };
    }
    return undefined;
  }
}
