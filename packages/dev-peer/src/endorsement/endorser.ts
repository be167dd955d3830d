import { MessageType } from '@chaincode/shim/internal';
import type { ChannelConfig } from '../channel/channel-config';
import { collectionGuard, peerEligibility } from '../collections/collection-access';
import type { ChaincodeResponse } from '../commit/ordered-transaction';
import type { PeerNode } from '../peer/peer-node';
import { TxSimulation, type SimulationResults } from '../simulation/tx-simulation';
import type { Ledger } from '../state/ledger';
import { toChaincodeResponse } from './chaincode-response';
import { disseminationFailure } from './dissemination';
import type { Proposal } from './proposal';

/** One peer's endorsement of a proposal: the chaincode's response and the simulation's results. */
export interface Endorsement {
  readonly peer: PeerNode;
  readonly response: ChaincodeResponse;
  readonly results: SimulationResults;
}

const EMPTY = new Uint8Array(0);

/**
 * Simulate a proposal on one peer (core/endorser ProcessProposal): a fresh simulation of the
 * channel's committed state that sees the private data this peer holds, the creator's collection
 * permissions, the chaincode's execution, then the dissemination of private writes.
 */
export async function endorseOn(
  peer: PeerNode,
  proposal: Proposal,
  ledger: Ledger,
  config: ChannelConfig,
  allPeers: readonly PeerNode[],
): Promise<Endorsement> {
  const simulation = new TxSimulation(ledger.channel(proposal.channelId), proposal.txId, proposal.timestamp, {
    eligible: peerEligibility(config, peer.signer),
    stateDatabase: peer.stateDatabase,
  });
  const outcome = await peer.execute(proposal.chaincodeName, {
    type: proposal.init ? MessageType.INIT : MessageType.TRANSACTION,
    input: proposal.input,
    txId: proposal.txId,
    channelId: proposal.channelId,
    signedProposal: proposal.signedProposal,
    namespace: proposal.chaincodeName,
    simulation,
    creator: proposal.creator,
    collections: collectionGuard(config, proposal.creator),
  });
  let response = toChaincodeResponse(proposal.txId, outcome);
  const results = simulation.results();
  if (response.status < 400) {
    const failure = disseminationFailure(results, peer, allPeers, config);
    if (failure !== undefined) response = { status: 500, message: failure, payload: EMPTY };
  }
  return { peer, response, results };
}
