import type { MspIdentity } from '../msp/msp-directory';
import type { SimulationResults } from '../simulation/tx-simulation';
import type { TxTimestamp } from '../state/ledger-types';

/** The chaincode's answer as the endorser passes it on (status, message, payload, event). */
export interface ChaincodeResponse {
  readonly status: number;
  readonly message: string;
  readonly payload: Uint8Array;
  readonly event?: { readonly name: string; readonly payload: Uint8Array };
}

/** An endorsed transaction as the ordering service receives it. */
export interface OrderedTransaction {
  readonly txId: string;
  readonly channelId: string;
  /** The chaincode the client invoked (others may be written through chaincode-to-chaincode calls). */
  readonly chaincodeName: string;
  readonly timestamp: TxTimestamp;
  readonly creatorMspId: string;
  /** The endorsing peers' identities (the endorsement signatures' signers). */
  readonly endorsers: readonly MspIdentity[];
  readonly results: SimulationResults;
  readonly response: ChaincodeResponse;
}
