import type { ChaincodeMessageInit } from '@chaincode/shim/internal';
import type { FaultRule, FaultRuleHandle } from './fault-rule';

/** The raw side of one chaincode stream, for faults no well-formed message can express. */
export interface FaultStream {
  /** The name the chaincode registered with. */
  readonly chaincode: string;
  /** Send a message as the peer would (rules do not apply to it). */
  send(message: ChaincodeMessageInit): void;
  /** Send any bytes as one gRPC message: not a protobuf ChaincodeMessage, or with the compressed flag set. */
  sendFrame(bytes: Uint8Array, options?: { readonly compressed?: boolean }): void;
  /** End the call with a gRPC status (default 0, OK) and message, as a peer's stream handler does. */
  end(status?: number, message?: string): void;
  /** Reset the HTTP/2 stream (RST_STREAM), as a proxy that gives up on it does. */
  reset(): void;
  /** Drop the connection that carries the stream without a word. */
  disconnect(): void;
  /** Resolves with the reason once the stream is gone. */
  readonly closed: Promise<string>;
}

/**
 * Fault injection on the chaincode streams of a network started with `faults: true`: rules that
 * drop, delay, duplicate or rewrite messages either way, raw frames and stream ends, and a restart
 * of a peer's chaincode server on the same port. Applies to chaincodes that dial the peer (client
 * mode, `deployChaincode`, `cc-start`).
 */
export interface ChaincodeFaults {
  /** Apply `rule` from now on. The first rule (in the order added) that matches a message applies to it. */
  add(rule: FaultRule): FaultRuleHandle;
  /** Remove every rule. */
  clear(): void;
  /** The current stream of the chaincode registered as `name` on a peer (default: the first org's). */
  stream(name: string, options?: { readonly mspId?: string }): FaultStream;
  /**
   * Restart a peer's chaincode server (default: every peer's): every chaincode stream is dropped
   * (transactions in flight fail as with a real restart), and the server listens again on the same
   * port after `downMs` (default 0). Ledger and definitions are kept; chaincodes register again by
   * themselves.
   */
  restart(options?: { readonly downMs?: number; readonly mspId?: string }): Promise<void>;
}
