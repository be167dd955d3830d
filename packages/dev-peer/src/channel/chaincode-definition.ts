import type { CollectionDefinition } from '../collections/collection-definition';
import type { EndorsementPolicy } from '../policy/endorsement-policy';

/** A chaincode as defined on a channel (lifecycle's committed definition, the parts that matter here). */
export interface ChaincodeDefinition {
  readonly name: string;
  readonly endorsementPolicy: EndorsementPolicy;
  /**
   * The explicit collections. Undefined: the definition carries no collections configuration (the
   * single-org DevPeer then accepts any collection name).
   */
  readonly collections: readonly CollectionDefinition[] | undefined;
}

/** What `defineChaincode` / `deployChaincode` take to define a chaincode. */
export interface ChaincodeDefinitionOptions {
  /**
   * Signature policy syntax (`AND('Org1MSP.peer','Org2MSP.peer')`, `OR(...)`, `OutOf(n, ...)`) or a
   * channel config policy reference (`/Channel/Application/Endorsement`, the default: a majority of
   * the channel's orgs' peers).
   */
  readonly endorsementPolicy?: string;
  /** The parsed `collections_config.json` array (see `readCollectionsConfig`). */
  readonly collections?: readonly unknown[];
  /** The channel to define it on. Default: the network's channel. */
  readonly channelId?: string;
}
