import type { EndorsementPolicy } from '../policy/endorsement-policy';
import type { SignaturePolicy } from '../policy/signature-policy';

/** A collection as the channel's chaincode definition holds it (StaticCollectionConfig). */
export interface CollectionDefinition {
  readonly name: string;
  /** The member orgs policy (an OR of principals). */
  readonly memberPolicy: SignaturePolicy;
  readonly requiredPeerCount: number;
  readonly maxPeerCount: number;
  /** 0: never purged. */
  readonly blockToLive: number;
  readonly memberOnlyRead: boolean;
  readonly memberOnlyWrite: boolean;
  /** Undefined: writes are validated against the chaincode's endorsement policy. */
  readonly endorsementPolicy: EndorsementPolicy | undefined;
  /** `_implicit_org_<MSPID>`: defined by Fabric for every org, never configured. */
  readonly implicit: boolean;
}

/** Prefix of Fabric's implicit per-org collections (lifecycle's ImplicitCollectionNameForOrg). */
export const IMPLICIT_COLLECTION_PREFIX = '_implicit_org_';
