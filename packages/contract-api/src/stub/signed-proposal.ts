import type { SerializedIdentity } from './serialized-identity';
import type { Timestamp } from './timestamp';

/**
 * fabric-shim-api's `ChaincodeProposal` names: the transaction's signed proposal as
 * `stub.getSignedProposal()` gives it, decoded into plain objects of this shape.
 */

/** common.HeaderType (3 is ENDORSER_TRANSACTION). */
export type HeaderType = number;

export interface ChannelHeader {
  type: HeaderType;
  version: number;
  timestamp: Timestamp;
  channelId: string;
  txId: string;
  epoch: number;
  extension: Uint8Array;
  tlsCertHash: Uint8Array;
}

export interface SignatureHeader {
  creator: SerializedIdentity;
  nonce: Uint8Array;
}

export interface Header {
  channelHeader: ChannelHeader;
  signatureHeader: SignatureHeader;
}

export interface ChaincodeProposalPayload {
  input: Uint8Array;
  transientMap: Map<string, Uint8Array>;
}

export interface Proposal {
  header: Header;
  payload: ChaincodeProposalPayload;
}

export interface SignedProposal {
  proposal: Proposal;
  signature: Uint8Array;
}
