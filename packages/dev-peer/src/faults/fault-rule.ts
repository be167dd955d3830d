import type { ChaincodeMessage, ChaincodeMessageInit, MessageType } from '@chaincode/shim/internal';

/** Which way a message travels on a chaincode stream. */
export type FaultDirection = 'toChaincode' | 'fromChaincode';

/** A ChaincodeMessage type by name ('TRANSACTION', 'GET_STATE', 'RESPONSE', ...). */
export type MessageTypeName = keyof typeof MessageType;

/** What happens to a message a rule matches. */
export type FaultAction =
  /** It is never delivered. */
  | { readonly kind: 'drop' }
  /** It is delivered `ms` later (later messages are not held back: they may overtake it). */
  | { readonly kind: 'delay'; readonly ms: number }
  /** It is delivered, then `copies` more times (default 1). */
  | { readonly kind: 'duplicate'; readonly copies?: number }
  /** These messages are delivered instead (none: dropped; several: injected around it). */
  | {
      readonly kind: 'rewrite';
      readonly rewrite: (message: ChaincodeMessage) => ChaincodeMessageInit | readonly ChaincodeMessageInit[];
    }
  /** To the chaincode only: these bytes are sent as one gRPC message instead (not protobuf, or flagged compressed). */
  | { readonly kind: 'frame'; readonly bytes: Uint8Array; readonly compressed?: boolean }
  /**
   * The stream ends instead of delivering it: 'end' (gRPC status OK from the peer), 'reset'
   * (RST_STREAM) or 'disconnect' (the connection dropped without a word).
   */
  | { readonly kind: 'close'; readonly how: 'end' | 'reset' | 'disconnect' };

/** A fault on the chaincode streams of a peer started with `faults: true`. */
export interface FaultRule {
  /** 'toChaincode': what the peer sends; 'fromChaincode': what the chaincode sends. */
  readonly direction: FaultDirection;
  /** Only streams of the chaincode registered under this name (default: every stream). */
  readonly chaincode?: string;
  /** Only messages of these types (default: every type). */
  readonly types?: readonly MessageTypeName[];
  /** Only messages this returns true for. */
  readonly match?: (message: ChaincodeMessage) => boolean;
  /** Apply to this many messages, then stop matching (default: no limit). */
  readonly times?: number;
  /** What happens to each message the rule matches. */
  readonly action: FaultAction;
}

/** The handle `faults.add(rule)` returns. */
export interface FaultRuleHandle {
  /** How many messages the rule was applied to so far. */
  readonly hits: number;
  /** Resolves with the first message the rule applies to. */
  readonly applied: Promise<ChaincodeMessage>;
  /** Stop applying the rule (messages it delayed are still delivered). */
  remove(): void;
}
