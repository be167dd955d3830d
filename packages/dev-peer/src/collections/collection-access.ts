import type { ChannelConfig } from '../channel/channel-config';
import { RequestRefusedError } from '../errors/request-refused-error';
import type { MspIdentity } from '../msp/msp-directory';
import type { CollectionGuard } from '../peer/collection-guard';
import { evaluateSignaturePolicy, type SignerIdentity } from '../policy/policy-evaluator';
import type { PeerEligibility } from '../simulation/tx-simulation';
import type { CollectionDefinition } from './collection-definition';

/** True when the identity satisfies the collection's member orgs policy. */
export function isCollectionMember(collection: CollectionDefinition, identity: SignerIdentity): boolean {
  return evaluateSignaturePolicy(collection.memberPolicy, [identity]);
}

/**
 * The creator's access to private data, as core/common/privdata's RetrieveReadWritePermission
 * decides it: an undefined collection is refused ("could not be found"); members read and write;
 * others read unless memberOnlyRead and write unless memberOnlyWrite.
 */
export function collectionGuard(config: ChannelConfig, creator: MspIdentity): CollectionGuard {
  const find = (namespace: string, collection: string): CollectionDefinition | undefined => {
    const found = config.collection(namespace, collection);
    if (found === undefined && !config.openCollections(namespace)) {
      throw new RequestRefusedError(`collection ${config.channelId}/${namespace}/${collection} could not be found`);
    }
    return found;
  };
  const allowed = (c: CollectionDefinition, memberOnly: boolean): boolean =>
    !memberOnly || isCollectionMember(c, creator);
  return {
    checkRead(namespace, collection) {
      const c = find(namespace, collection);
      if (c !== undefined && !allowed(c, c.memberOnlyRead)) {
        throw new RequestRefusedError(
          `tx creator does not have read access permission on privatedata in chaincodeName:${namespace} collectionName: ${collection}`,
        );
      }
    },
    checkWrite(namespace, collection) {
      const c = find(namespace, collection);
      if (c !== undefined && !allowed(c, c.memberOnlyWrite)) {
        throw new RequestRefusedError(
          `tx creator does not have write access permission on privatedata in chaincodeName:${namespace} collectionName: ${collection}`,
        );
      }
    },
    // The ledger's own check (txmgr validateCollName), met by GET_PRIVATE_DATA_HASH.
    checkDefined(namespace, collection) {
      if (config.collection(namespace, collection) === undefined && !config.openCollections(namespace)) {
        throw new RequestRefusedError(
          `collection [${collection}] not defined in the collection config for chaincode [${namespace}]`,
        );
      }
    },
  };
}

/** Which collections a peer holds: those whose member policy its identity satisfies. */
export function peerEligibility(config: ChannelConfig, peer: SignerIdentity): PeerEligibility {
  return (namespace, collection) => {
    if (config.openCollections(namespace)) return true;
    const c = config.collection(namespace, collection);
    return c !== undefined && isCollectionMember(c, peer);
  };
}
