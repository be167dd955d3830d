import { errorMessage } from '@chaincode/contract-api/internal';
import { DevPeerError } from '../errors/dev-peer-error';
import type { ChannelPolicies } from '../policy/channel-policies';
import type { EndorsementPolicy } from '../policy/endorsement-policy';
import { parseSignaturePolicy } from '../policy/policy-parser';
import type { PolicyRule, SignaturePolicy } from '../policy/signature-policy';
import type { CollectionDefinition } from './collection-definition';

/** The channel a definition is validated against. */
export interface DefinitionChannel {
  readonly orgs: readonly string[];
  readonly policies: ChannelPolicies;
}

// lifecycle's collectionNameRegExp: alphanumerics, '_' and '-', not starting with '_'.
const COLLECTION_NAME = /^[A-Za-z0-9-][A-Za-z0-9_-]*$/;
const INT32_MAX = 2 ** 31 - 1;

function definitionError(message: string, cause?: unknown): DevPeerError {
  return new DevPeerError('CC_DEVPEER_INVALID_DEFINITION', message, cause === undefined ? undefined : { cause });
}

/**
 * The collections of `collections_config.json` (its parsed array) as Fabric accepts them: first as
 * the peer CLI reads the file (internal/peer/lifecycle/chaincode: field types, `policy` in
 * signature policy syntax, requiredPeerCount 0 and maxPeerCount 1 when absent, an endorsement
 * policy naming exactly one of signaturePolicy / channelConfigPolicy), then as lifecycle validates
 * a definition (core/chaincode/lifecycle validateCollectionConfigs: name rule, no duplicates,
 * maxPeerCount ≥ requiredPeerCount ≥ 0, the member policy an OR of members of the channel).
 * Errors carry Fabric's texts under CC_DEVPEER_INVALID_DEFINITION.
 */
export function parseCollectionsConfig(input: unknown, channel: DefinitionChannel): CollectionDefinition[] {
  if (!Array.isArray(input)) {
    throw definitionError('could not parse the collection configuration: expected a JSON array of collections');
  }
  const definitions = input.map((item, index) => readEntry(item, index, channel));
  validateDefinitions(definitions, channel);
  return definitions;
}

function field<T>(
  item: Record<string, unknown>,
  name: string,
  check: (v: unknown) => v is T,
  expected: string,
): T | undefined {
  const value = item[name];
  if (value === undefined || value === null) return undefined;
  if (!check(value)) {
    throw definitionError(
      `could not parse the collection configuration: "${name}" must be ${expected}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isInt32 = (v: unknown): v is number => Number.isInteger(v) && Math.abs(v as number) <= INT32_MAX;
const isUint = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readEntry(item: unknown, index: number, channel: DefinitionChannel): CollectionDefinition {
  if (!isObject(item)) {
    throw definitionError(`could not parse the collection configuration: entry ${String(index)} is not an object`);
  }
  const name = field(item, 'name', isString, 'a string') ?? '';
  const policyText = field(item, 'policy', isString, 'a string') ?? '';
  let memberPolicy: SignaturePolicy;
  try {
    memberPolicy = parseSignaturePolicy(policyText);
  } catch (error) {
    throw definitionError(`invalid policy ${policyText}: ${errorMessage(error)}`, error);
  }
  return {
    name,
    memberPolicy,
    requiredPeerCount: field(item, 'requiredPeerCount', isInt32, 'an integer') ?? 0,
    maxPeerCount: field(item, 'maxPeerCount', isInt32, 'an integer') ?? 1,
    blockToLive: field(item, 'blockToLive', isUint, 'a non-negative integer') ?? 0,
    memberOnlyRead: field(item, 'memberOnlyRead', isBool, 'true or false') ?? false,
    memberOnlyWrite: field(item, 'memberOnlyWrite', isBool, 'true or false') ?? false,
    endorsementPolicy: readEndorsementPolicy(field(item, 'endorsementPolicy', isObject, 'an object'), channel),
    implicit: false,
  };
}

function readEndorsementPolicy(
  spec: Record<string, unknown> | undefined,
  channel: DefinitionChannel,
): EndorsementPolicy | undefined {
  if (spec === undefined) return undefined;
  const signature = field(spec, 'signaturePolicy', isString, 'a string') ?? '';
  const reference = field(spec, 'channelConfigPolicy', isString, 'a string') ?? '';
  const shown = JSON.stringify(spec);
  if (signature === '' && reference === '') return undefined;
  if (signature !== '' && reference !== '') {
    throw definitionError(
      `invalid endorsement policy [${shown}]: cannot specify both "--signature-policy" and "--channel-config-policy"`,
    );
  }
  try {
    return signature !== ''
      ? { kind: 'signature', policy: parseSignaturePolicy(signature), text: signature }
      : channelConfigPolicy(reference, channel);
  } catch (error) {
    const what = signature !== '' ? `invalid signature policy: ${signature}` : errorMessage(error);
    throw definitionError(`invalid endorsement policy [${shown}]: ${what}`, error);
  }
}

function channelConfigPolicy(reference: string, channel: DefinitionChannel): EndorsementPolicy {
  channel.policies.check(reference);
  return { kind: 'channelConfig', reference };
}

function validateDefinitions(definitions: readonly CollectionDefinition[], channel: DefinitionChannel): void {
  const names = new Set<string>();
  for (const c of definitions) {
    const prefix = `error validating chaincode definition: collection-name: ${c.name} --`;
    if (!COLLECTION_NAME.test(c.name)) {
      throw definitionError(
        `error validating chaincode definition: invalid collection name '${c.name}'. Names can only consist of alphanumerics, '_', and '-' and cannot begin with '_'`,
      );
    }
    if (names.has(c.name)) throw definitionError(`${prefix} found duplicate in collection configuration`);
    names.add(c.name);
    if (c.maxPeerCount < c.requiredPeerCount) {
      throw definitionError(
        `${prefix} maximum peer count (${String(c.maxPeerCount)}) cannot be less than the required peer count (${String(c.requiredPeerCount)})`,
      );
    }
    if (c.requiredPeerCount < 0) {
      throw definitionError(`${prefix} requiredPeerCount (${String(c.requiredPeerCount)}) cannot be less than zero`);
    }
    const notOr = orConcatenationProblem(c.memberPolicy.rule);
    if (notOr !== undefined) throw definitionError(`${prefix} error in member org policy: ${notOr}`);
    for (const principal of c.memberPolicy.identities) {
      if (principal.kind === 'role' && !channel.orgs.includes(principal.mspId)) {
        throw definitionError(`${prefix} collection member '${principal.mspId}' is not part of the channel`);
      }
    }
  }
}

// lifecycle's validateSpOrConcat: only OR gates.
function orConcatenationProblem(rule: PolicyRule): string | undefined {
  if ('signedBy' in rule) return undefined;
  if (rule.nOutOf.n !== 1) return `signature policy is not an OR concatenation, NOutOf ${String(rule.nOutOf.n)}`;
  for (const sub of rule.nOutOf.rules) {
    const problem = orConcatenationProblem(sub);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
