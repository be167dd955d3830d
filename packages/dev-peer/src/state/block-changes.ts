import type { HistoryRecord, MetadataWriteRecord, StateEntry, TxTimestamp, WriteRecord } from './ledger-types';

/** The writes of one valid transaction, in the order it has in its block. */
export interface TxWrites {
  readonly txId: string;
  readonly timestamp: TxTimestamp;
  /** Position in the block (Fabric's txNum: invalid transactions keep their position). */
  readonly txNum: number;
  readonly writes: readonly WriteRecord[];
  readonly metadataWrites: readonly MetadataWriteRecord[];
}

/** One key's new committed state (`entry` undefined: deleted or purged). */
export interface EntryChange {
  readonly namespace: string;
  readonly collection: string;
  readonly key: string;
  readonly entry: StateEntry | undefined;
}

export interface HistoryAppend {
  readonly namespace: string;
  readonly key: string;
  readonly record: HistoryRecord;
}

/**
 * Everything committing one block changes in the world state: computed first, written to the
 * data directory when there is one, then applied in memory, so a failed write loses nothing.
 */
export interface BlockChanges {
  readonly blockNum: number;
  /** Last change per key, in order. */
  readonly entries: readonly EntryChange[];
  readonly history: readonly HistoryAppend[];
}
