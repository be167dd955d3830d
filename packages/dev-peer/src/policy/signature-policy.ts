import { common } from '@chaincode/shim/internal';
import { errorMessage } from '@chaincode/contract-api/internal';
import { DevPeerError } from '../errors/dev-peer-error';

/** MSPRole.MSPRoleType, by the names Fabric's policy syntax uses. */
export type MspRole = 'member' | 'admin' | 'client' | 'peer' | 'orderer';

/** `MSP.role`: any identity of that MSP having that role. */
export interface RolePrincipal {
  readonly kind: 'role';
  readonly mspId: string;
  readonly role: MspRole;
}

/** A principal the dev peer does not evaluate (organization unit, identity, anonymity, combined). */
export interface UnsupportedPrincipal {
  readonly kind: 'unsupported';
  readonly classification: number;
}

export type Principal = RolePrincipal | UnsupportedPrincipal;

/** SignaturePolicy: `signedBy` an identity of the envelope, or `n` out of sub-rules. */
export type PolicyRule =
  { readonly signedBy: number } | { readonly nOutOf: { readonly n: number; readonly rules: readonly PolicyRule[] } };

/** common.SignaturePolicyEnvelope, decoded. */
export interface SignaturePolicy {
  readonly version: number;
  readonly rule: PolicyRule;
  readonly identities: readonly Principal[];
}

const ROLE_BY_NUMBER: Readonly<Record<number, MspRole>> = {
  [common.MSPRole.MSPRoleType.MEMBER]: 'member',
  [common.MSPRole.MSPRoleType.ADMIN]: 'admin',
  [common.MSPRole.MSPRoleType.CLIENT]: 'client',
  [common.MSPRole.MSPRoleType.PEER]: 'peer',
  [common.MSPRole.MSPRoleType.ORDERER]: 'orderer',
};

const NUMBER_BY_ROLE: Readonly<Record<MspRole, common.MSPRole.MSPRoleType>> = {
  member: common.MSPRole.MSPRoleType.MEMBER,
  admin: common.MSPRole.MSPRoleType.ADMIN,
  client: common.MSPRole.MSPRoleType.CLIENT,
  peer: common.MSPRole.MSPRoleType.PEER,
  orderer: common.MSPRole.MSPRoleType.ORDERER,
};

function ruleToProto(rule: PolicyRule): common.SignaturePolicy.$Properties {
  if ('signedBy' in rule) return { signedBy: rule.signedBy };
  return { nOutOf: { n: rule.nOutOf.n, rules: rule.nOutOf.rules.map(ruleToProto) } };
}

function ruleFromProto(rule: common.SignaturePolicy.$Properties | null | undefined, depth: number): PolicyRule {
  if (depth > 64) throw new TypeError('signature policy nested too deeply');
  if (rule?.nOutOf !== undefined && rule.nOutOf !== null) {
    return {
      nOutOf: { n: rule.nOutOf.n ?? 0, rules: (rule.nOutOf.rules ?? []).map((r) => ruleFromProto(r, depth + 1)) },
    };
  }
  return { signedBy: rule?.signedBy ?? 0 };
}

function principalFromProto(principal: common.MSPPrincipal.$Properties): Principal {
  const classification = principal.principalClassification ?? common.MSPPrincipal.Classification.ROLE;
  if (classification !== common.MSPPrincipal.Classification.ROLE) return { kind: 'unsupported', classification };
  const role = common.MSPRole.decode(principal.principal ?? new Uint8Array(0));
  const name = ROLE_BY_NUMBER[role.role];
  if (name === undefined) return { kind: 'unsupported', classification };
  return { kind: 'role', mspId: role.mspIdentifier, role: name };
}

/** The SignaturePolicyEnvelope bytes of a policy (what a key's VALIDATION_PARAMETER holds). */
export function encodeSignaturePolicy(policy: SignaturePolicy): Uint8Array {
  return common.SignaturePolicyEnvelope.encode({
    version: policy.version,
    rule: ruleToProto(policy.rule),
    identities: policy.identities.map((p) =>
      p.kind === 'role'
        ? {
            principalClassification: common.MSPPrincipal.Classification.ROLE,
            principal: common.MSPRole.encode({ mspIdentifier: p.mspId, role: NUMBER_BY_ROLE[p.role] }).finish(),
          }
        : { principalClassification: p.classification },
    ),
  }).finish();
}

/** Decode SignaturePolicyEnvelope bytes; throws CC_DEVPEER_INVALID_POLICY when they are not one. */
export function decodeSignaturePolicy(bytes: Uint8Array): SignaturePolicy {
  try {
    const envelope = common.SignaturePolicyEnvelope.decode(bytes);
    return {
      version: envelope.version,
      rule: ruleFromProto(envelope.rule, 0),
      identities: envelope.identities.map(principalFromProto),
    };
  } catch (error) {
    throw new DevPeerError(
      'CC_DEVPEER_INVALID_POLICY',
      `could not unmarshal the signature policy envelope: ${errorMessage(error)}`,
      { cause: error },
    );
  }
}

/** `OR('A.member', 'B.member', ...)`: any member of any of these MSPs (cauthdsl's SignedByAnyMember). */
export function signedByAnyMember(mspIds: readonly string[]): SignaturePolicy {
  return nOutOfRole(1, 'member', mspIds);
}

/** `n` of the given MSPs, each with `role`. */
export function nOutOfRole(n: number, role: MspRole, mspIds: readonly string[]): SignaturePolicy {
  return {
    version: 0,
    rule: { nOutOf: { n, rules: mspIds.map((_, i) => ({ signedBy: i })) } },
    identities: mspIds.map((mspId) => ({ kind: 'role', mspId, role })),
  };
}
