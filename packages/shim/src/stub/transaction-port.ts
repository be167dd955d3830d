import type { MessageType, protos } from '../wire/protos';
import type { WriteBatch } from './write-batch';

/** What the peer advertised in READY (ChaincodeAdditionalParams); sizes already raised to Fabric's floor. */
export interface PeerCapabilities {
  readonly useWriteBatch: boolean;
  readonly maxSizeWriteBatch: number;
  readonly useGetMultipleKeys: boolean;
  readonly maxSizeGetMultipleKeys: number;
}

/** A peer that advertised nothing (READY with an empty payload, as Fabric 2.x peers send). */
export const NO_CAPABILITIES: PeerCapabilities = Object.freeze({
  useWriteBatch: false,
  maxSizeWriteBatch: 0,
  useGetMultipleKeys: false,
  maxSizeGetMultipleKeys: 0,
});

/**
 * The stub's view of its transaction on the stream: one request at a time goes to the peer for
 * this (channel, txid), the rest wait in order. Implemented by the peer handler.
 */
export interface TransactionPort {
  readonly channelId: string;
  readonly txId: string;
  readonly capabilities: PeerCapabilities;
  /** The peer's MSP id (CORE_PEER_LOCALMSPID), when configured. */
  readonly localMspId: string | undefined;
  /**
   * Send one request message of this transaction. Resolves with the RESPONSE payload; rejects with
   * `PeerRequestError` (the peer answered ERROR) or `StreamClosedError`.
   */
  request(type: MessageType, payload: Uint8Array): Promise<Buffer>;
  /** The event to send with COMPLETED (the last setEvent wins). */
  event: protos.ChaincodeEvent.$Properties | undefined;
  /** Buffered writes, present when the peer advertised WRITE_BATCH_STATE. */
  readonly batch: WriteBatch | undefined;
}
