import type { ReadWriteSet } from '../simulation/read-write-set';
import type { TxTimestamp } from '../state/ledger-types';
import type { ValidationCode } from './validation-code';

/** One transaction of a block, as the ledger keeps it (private values are hashes only). */
export interface TransactionRecord {
  readonly txId: string;
  /** Position in the block. */
  readonly txNum: number;
  readonly chaincodeName: string;
  readonly creatorMspId: string;
  /** MSP IDs of the endorsing peers. */
  readonly endorsers: readonly string[];
  readonly timestamp: TxTimestamp;
  readonly validationCode: ValidationCode;
  /** Why it is invalid (the validator's log line); absent when valid. */
  readonly validationMessage?: string;
  readonly status: number;
  readonly rwset: ReadWriteSet;
  /** The chaincode event (kept in the block whatever the validation code; delivered only when VALID). */
  readonly event?: { readonly name: string; readonly payload: Uint8Array };
}

/** A block of a channel. */
export interface BlockRecord {
  readonly channelId: string;
  readonly number: number;
  readonly transactions: readonly TransactionRecord[];
}
