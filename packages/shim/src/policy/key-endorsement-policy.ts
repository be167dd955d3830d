import { InvalidArgumentError } from '../errors/shim-error';
import { common } from '../wire/protos';
import type { EndorserRole } from './endorser-roles';
import { plainBytes } from '../wire/bytes';

const MSPRoleType = common.MSPRole.MSPRoleType;
const ROLE_BY_NAME: Readonly<Record<EndorserRole, common.MSPRole.MSPRoleType>> = {
  MEMBER: MSPRoleType.MEMBER,
  PEER: MSPRoleType.PEER,
};

/**
 * A key-level (state-based) endorsement policy: every listed org must endorse, each with the role
 * it was added with. `getPolicy()` gives the bytes for `setStateValidationParameter`, identical to
 * fabric-shim 2.5.8's for the same calls: a `SignaturePolicyEnvelope` (version 0) whose rule is
 * "N out of N" with one `signed_by` per identity, and identities `MSPPrincipal{ROLE, MSPRole}` in
 * the official's order: MSP ids that are array indices ("0", "7", "42") first in numeric order,
 * then the others in the order they were first added (a JavaScript object's key order, which the
 * official relies on).
 *
 * Reading existing bytes: like fabric-shim (and Go's statebased package), only the identities are
 * kept, so the rule is rewritten as "all of these orgs"; a 1-of-2 policy comes back as 2-of-2 (a
 * tightening, never a weakening). Unlike fabric-shim, identities that are not MSP roles (OU,
 * identity, combined principals) are refused with an error instead of being silently dropped, as
 * dropping them would weaken the policy.
 * @example
 * const policy = new KeyEndorsementPolicy();
 * policy.addOrgs('PEER', 'Org1MSP', 'Org2MSP');
 * await stub.setStateValidationParameter(key, policy.getPolicy());
 */
export class KeyEndorsementPolicy {
  readonly #roles = new Map<string, common.MSPRole.MSPRoleType>();

  /**
   * @param policy existing policy bytes (from `getStateValidationParameter`); empty means none.
   * @throws InvalidArgumentError when the bytes are not a SignaturePolicyEnvelope of MSP roles.
   */
  constructor(policy?: Uint8Array | null) {
    if (policy === undefined || policy === null) return;
    if (!(policy instanceof Uint8Array)) {
      throw new InvalidArgumentError(
        'the endorsement policy must be a Uint8Array (the bytes of a SignaturePolicyEnvelope)',
      );
    }
    if (policy.length > 0) this.#readPolicy(policy);
  }

  /**
   * Require an endorsement from each of these orgs, by members or by peers. Adding an org again
   * changes its role and keeps its place.
   * @throws InvalidArgumentError for a role other than 'MEMBER' or 'PEER' (nothing is added).
   */
  addOrgs(role: EndorserRole, ...mspIds: string[]): void {
    const roleType = typeof role === 'string' && Object.hasOwn(ROLE_BY_NAME, role) ? ROLE_BY_NAME[role] : undefined;
    // fabric-shim's text; the roles are MEMBER and PEER (ENDORSER_ROLES).
    if (roleType === undefined) throw new InvalidArgumentError(`role type ${orgKey(role)} does not exist`);
    // As in fabric-shim, whose orgs are the keys of an object, an id is used as a string.
    for (const mspId of mspIds) this.#roles.set(orgKey(mspId), roleType);
  }

  /** Stop requiring these orgs; unknown ids are ignored. */
  delOrgs(...mspIds: string[]): void {
    for (const mspId of mspIds) this.#roles.delete(orgKey(mspId));
  }

  /** The orgs whose endorsement is required, in policy order. */
  listOrgs(): string[] {
    return orderLikeObjectKeys([...this.#roles.keys()]);
  }

  /** The encoded `SignaturePolicyEnvelope`, a plain Uint8Array as fabric-shim gives it. */
  getPolicy(): Uint8Array {
    const mspIds = this.listOrgs();
    const identities = mspIds.map((mspIdentifier) => ({
      principalClassification: common.MSPPrincipal.Classification.ROLE,
      principal: common.MSPRole.encode({ mspIdentifier, role: this.#roles.get(mspIdentifier) }).finish(),
    }));
    const bytes = common.SignaturePolicyEnvelope.encode({
      version: 0,
      rule: { nOutOf: { n: mspIds.length, rules: mspIds.map((_id, signedBy) => ({ signedBy })) } },
      identities,
    }).finish();
    return plainBytes(bytes);
  }

  #readPolicy(bytes: Uint8Array): void {
    let envelope: common.SignaturePolicyEnvelope;
    try {
      envelope = common.SignaturePolicyEnvelope.decode(bytes);
    } catch (err) {
      throw new InvalidArgumentError('the endorsement policy bytes are not a SignaturePolicyEnvelope', { cause: err });
    }
    envelope.identities.forEach((identity, index) => {
      const classification: number = identity.principalClassification ?? common.MSPPrincipal.Classification.ROLE;
      if (classification !== (common.MSPPrincipal.Classification.ROLE as number)) {
        const names = common.MSPPrincipal.Classification as unknown as Record<number, string | undefined>;
        const kind = names[classification] ?? `unknown (${classification})`;
        throw new InvalidArgumentError(
          `endorsement policy identity ${index} is a ${kind} principal; only MSP roles can be kept by KeyEndorsementPolicy`,
        );
      }
      let role: common.MSPRole;
      try {
        role = common.MSPRole.decode(identity.principal ?? new Uint8Array(0));
      } catch (err) {
        throw new InvalidArgumentError(`endorsement policy identity ${index} is not a valid MSPRole`, { cause: err });
      }
      this.#roles.set(role.mspIdentifier, role.role);
    });
  }
}

/** A value as a string, as JavaScript writes it into an object key or a template (a number 5 is "5"). */
function orgKey(mspId: unknown): string {
  return String(mspId);
}

const MAX_ARRAY_INDEX = 2 ** 32 - 2;

/** True for the keys a JavaScript object lists first, in numeric order: canonical integers 0..2^32-2. */
function isArrayIndex(key: string): boolean {
  const value = Number(key);
  return Number.isInteger(value) && value >= 0 && value <= MAX_ARRAY_INDEX && String(value) === key;
}

function orderLikeObjectKeys(keys: string[]): string[] {
  const indices = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return indices.length === 0 ? keys : [...indices, ...keys.filter((key) => !isArrayIndex(key))];
}
