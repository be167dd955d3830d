/**
 * One entry of `collections_config.json`, the file Fabric's lifecycle takes
 * (`peer lifecycle chaincode approveformyorg --collections-config`), with the peer CLI's field names.
 */
export interface CollectionConfig {
  readonly name: string;
  /** Member organizations, an OR of `MSP.member` principals: `OR('Org1MSP.member','Org2MSP.member')`. */
  readonly policy: string;
  /** Peers the endorsing peer must disseminate the private data to. Default 0 (peer CLI). */
  readonly requiredPeerCount?: number;
  /** Most peers it disseminates to. Default 1 (peer CLI). */
  readonly maxPeerCount?: number;
  /** Blocks the private data lives before it is purged; 0 (default) keeps it forever. */
  readonly blockToLive?: number;
  /** Only clients of member organizations may read. Default false. */
  readonly memberOnlyRead?: boolean;
  /** Only clients of member organizations may write. Default false. */
  readonly memberOnlyWrite?: boolean;
  /** The collection's own endorsement policy, instead of the chaincode's, for its writes. */
  readonly endorsementPolicy?: {
    readonly signaturePolicy?: string;
    readonly channelConfigPolicy?: string;
  };
}
