import { MessageType, type ChaincodeMessage } from '@chaincode/shim/internal';
import type { ChannelConfig } from '../channel/channel-config';
import { collectionGuard, peerEligibility } from '../collections/collection-access';
import { RequestRefusedError } from '../errors/request-refused-error';
import type { NestedInvoker } from '../peer/peer-node';
import { TxSimulation } from '../simulation/tx-simulation';
import type { Ledger } from '../state/ledger';

/**
 * INVOKE_CHAINCODE (core/chaincode handler HandleInvokeChaincode): the callee runs on the calling
 * peer with the same txid and creator. On the same channel it shares the caller's simulation, so
 * its reads and writes join the transaction's read/write set in its own namespace; on another
 * channel it gets a fresh simulation of that channel whose writes are discarded (read-only).
 */
export function nestedInvoker(ledger: Ledger, channel: (channelId: string) => ChannelConfig): NestedInvoker {
  return async (peer, target, input, caller): Promise<ChaincodeMessage> => {
    const sameChannel = target.channelId === caller.channelId;
    const config = channel(target.channelId);
    const simulation = sameChannel
      ? caller.simulation
      : new TxSimulation(ledger.channel(target.channelId), caller.txId, caller.simulation.timestamp, {
          eligible: peerEligibility(config, peer.signer),
          stateDatabase: peer.stateDatabase,
        });
    const running = peer.executeIfRegistered(target.chaincodeName, {
      type: MessageType.TRANSACTION,
      input,
      txId: caller.txId,
      channelId: target.channelId,
      signedProposal: caller.signedProposal,
      namespace: target.chaincodeName,
      simulation,
      creator: caller.creator,
      collections: sameChannel ? caller.collections : collectionGuard(config, caller.creator),
    });
    if (running === undefined) {
      throw new RequestRefusedError(
        `make sure the chaincode ${target.chaincodeName} has been successfully defined on channel ` +
          `${target.channelId} and try again: chaincode ${target.chaincodeName} is not registered`,
      );
    }
    const outcome = await running;
    if ('error' in outcome) throw new RequestRefusedError(`error sending: ${outcome.error}`);
    return outcome.message;
  };
}
