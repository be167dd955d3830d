import type { ChannelConfig } from '../channel/channel-config';
import { isCollectionMember } from '../collections/collection-access';
import type { PeerNode } from '../peer/peer-node';
import type { SimulationResults } from '../simulation/tx-simulation';

/**
 * The endorsing peer distributes the private data it simulated before it answers (gossip's
 * privdata distributor): each written collection needs `requiredPeerCount` other peers of its
 * member orgs. With one peer per org, the other member orgs' peers are all there are. Returns the
 * endorser's failure text, or undefined.
 */
export function disseminationFailure(
  results: SimulationResults,
  endorser: PeerNode,
  peers: readonly PeerNode[],
  config: ChannelConfig,
): string | undefined {
  const written = new Map<string, { namespace: string; collection: string }>();
  for (const w of [...results.writes, ...results.metadataWrites]) {
    if (w.collection !== '') written.set(w.namespace + '\u0000' + w.collection, w);
  }
  let failures = 0;
  for (const { namespace, collection } of written.values()) {
    const definition = config.collection(namespace, collection);
    if (definition === undefined || definition.requiredPeerCount === 0) continue;
    const others = peers.filter((p) => p !== endorser && isCollectionMember(definition, p.signer)).length;
    if (others < definition.requiredPeerCount) failures++;
  }
  if (failures === 0) return undefined;
  return `failed to distribute private collection: Failed disseminating ${String(failures)} out of ${String(written.size)} private dissemination plans`;
}
