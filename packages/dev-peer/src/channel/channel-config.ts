import type { CollectionDefinition } from '../collections/collection-definition';
import { IMPLICIT_COLLECTION_PREFIX } from '../collections/collection-definition';
import { parseCollectionsConfig } from '../collections/parse-collections';
import { ChannelPolicies } from '../policy/channel-policies';
import { parseEndorsementPolicy } from '../policy/endorsement-policy';
import { signedByAnyMember } from '../policy/signature-policy';
import type { ChaincodeDefinition, ChaincodeDefinitionOptions } from './chaincode-definition';

/**
 * One channel's configuration as the dev network keeps it: its application organizations (every
 * org of the network), their policies, and the chaincode definitions committed on it.
 */
export class ChannelConfig {
  readonly policies: ChannelPolicies;
  private readonly definitions = new Map<string, ChaincodeDefinition>();

  constructor(
    readonly channelId: string,
    readonly orgs: readonly string[],
    /** DevPeer's leniency: a definition without collections accepts any collection name. */
    readonly lenient: boolean,
  ) {
    this.policies = new ChannelPolicies(orgs);
  }

  /** Validate and commit a definition (replacing an earlier one, as a new sequence would). */
  define(name: string, options: ChaincodeDefinitionOptions): ChaincodeDefinition {
    const definition: ChaincodeDefinition = {
      name,
      endorsementPolicy: parseEndorsementPolicy(options.endorsementPolicy, this.policies),
      collections: options.collections === undefined ? undefined : parseCollectionsConfig(options.collections, this),
    };
    this.definitions.set(name, definition);
    return definition;
  }

  /** The chaincode's definition; one with the defaults for a chaincode nobody defined. */
  definition(name: string): ChaincodeDefinition {
    let definition = this.definitions.get(name);
    if (definition === undefined) {
      definition = {
        name,
        endorsementPolicy: parseEndorsementPolicy(undefined, this.policies),
        collections: undefined,
      };
      this.definitions.set(name, definition);
    }
    return definition;
  }

  /** True when the chaincode's collections are unchecked (DevPeer, no collections configured). */
  openCollections(chaincode: string): boolean {
    return this.lenient && this.definition(chaincode).collections === undefined;
  }

  /**
   * A collection of the chaincode: an explicit one, or the implicit collection of an org
   * (`_implicit_org_<MSPID>`, defined for any MSP ID as lifecycle's CollectionInfo does).
   */
  collection(chaincode: string, name: string): CollectionDefinition | undefined {
    if (name.startsWith(IMPLICIT_COLLECTION_PREFIX))
      return implicitCollection(name.slice(IMPLICIT_COLLECTION_PREFIX.length));
    return this.definition(chaincode).collections?.find((c) => c.name === name);
  }
}

/**
 * lifecycle's GenerateImplicitCollectionForOrg: members `OR('<MSPID>.member')`, no member-only
 * flags, no peer counts, never purged; writes are endorsed by the org's Endorsement policy.
 */
function implicitCollection(mspId: string): CollectionDefinition {
  return {
    name: IMPLICIT_COLLECTION_PREFIX + mspId,
    memberPolicy: signedByAnyMember([mspId]),
    requiredPeerCount: 0,
    maxPeerCount: 0,
    blockToLive: 0,
    memberOnlyRead: false,
    memberOnlyWrite: false,
    endorsementPolicy: { kind: 'channelConfig', reference: `/Channel/Application/${mspId}/Endorsement` },
    implicit: true,
  };
}
