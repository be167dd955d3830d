import type { ChannelPolicies } from './channel-policies';
import { DEFAULT_ENDORSEMENT_POLICY_REF } from './channel-policies';
import { parseSignaturePolicy } from './policy-parser';
import { evaluateSignaturePolicy, type SignerIdentity } from './policy-evaluator';
import type { SignaturePolicy } from './signature-policy';

/**
 * A chaincode's (or a collection's) endorsement policy, as Fabric's ApplicationPolicy holds it: a
 * signature policy, or a reference to a channel configuration policy.
 */
export type EndorsementPolicy =
  | { readonly kind: 'signature'; readonly policy: SignaturePolicy; readonly text: string }
  | { readonly kind: 'channelConfig'; readonly reference: string };

/**
 * `undefined` → the channel's `/Channel/Application/Endorsement` (lifecycle's default); a string
 * starting with `/` → that channel config policy; anything else → signature policy syntax.
 */
export function parseEndorsementPolicy(spec: string | undefined, channel: ChannelPolicies): EndorsementPolicy {
  if (spec === undefined) return { kind: 'channelConfig', reference: DEFAULT_ENDORSEMENT_POLICY_REF };
  if (spec.startsWith('/')) {
    channel.check(spec);
    return { kind: 'channelConfig', reference: spec };
  }
  return { kind: 'signature', policy: parseSignaturePolicy(spec), text: spec };
}

/** Undefined when `signers` satisfy the policy; otherwise Fabric's reason. */
export function evaluateEndorsementPolicy(
  policy: EndorsementPolicy,
  signers: readonly SignerIdentity[],
  channel: ChannelPolicies,
): string | undefined {
  if (policy.kind === 'channelConfig') return channel.evaluate(policy.reference, signers);
  return evaluateSignaturePolicy(policy.policy, signers) ? undefined : 'signature set did not satisfy policy';
}
