import type { protos } from '@chaincode/shim/internal';
import type { MspIdentity } from '../msp/msp-directory';
import type { TxTimestamp } from '../state/ledger-types';

/** A signed proposal on its way to the endorsing peers. */
export interface Proposal {
  readonly txId: string;
  readonly channelId: string;
  readonly chaincodeName: string;
  readonly timestamp: TxTimestamp;
  readonly input: protos.IChaincodeInput;
  readonly signedProposal: protos.ISignedProposal;
  /** Send INIT instead of TRANSACTION. */
  readonly init: boolean;
  readonly creator: MspIdentity;
}
