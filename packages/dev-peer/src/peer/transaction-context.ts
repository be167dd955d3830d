import type { ChaincodeMessage, protos } from '@chaincode/shim/internal';
import type { MspIdentity } from '../msp/msp-directory';
import type { TxSimulation } from '../simulation/tx-simulation';
import type { CollectionGuard } from './collection-guard';
import type { QueryContext } from './open-query';

/** What the peer knows about one transaction executing on one chaincode stream. */
export interface TransactionContext {
  readonly channelId: string;
  readonly txId: string;
  /** The chaincode's namespace (its name). */
  readonly namespace: string;
  readonly simulation: TxSimulation;
  readonly isInit: boolean;
  readonly signedProposal: protos.ISignedProposal;
  /** The proposal's creator, as the channel's MSPs see it. */
  readonly creator: MspIdentity;
  /** The creator's access to private data collections. */
  readonly collections: CollectionGuard;
  /** Open query iterators by id. */
  readonly queries: Map<string, QueryContext>;
  /** Settles the execution with the chaincode's COMPLETED/ERROR. */
  readonly notify: (message: ChaincodeMessage) => void;
  /** Settles the execution with the peer's own failure reason. */
  readonly abort: (reason: string) => void;
}

export function contextKey(channelId: string, txId: string): string {
  return channelId + '\u0000' + txId;
}
