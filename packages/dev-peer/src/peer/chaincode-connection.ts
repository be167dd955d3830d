import type { ChaincodeMessage, ChaincodeMessageInit } from '@chaincode/shim/internal';

/** A test's handle on one chaincode stream. */
export interface ChaincodeConnection {
  /** Send a raw message to the chaincode. */
  send(message: ChaincodeMessageInit): void;
  /** Observe every message the chaincode sends; returns the unsubscribe function. */
  onMessage(listener: (message: ChaincodeMessage) => void): () => void;
  /** End the stream (the chaincode sees it end). */
  close(): void;
}
