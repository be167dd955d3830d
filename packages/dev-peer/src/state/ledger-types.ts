/** A committed key's version: the block and transaction that last wrote it (Fabric's Height). */
export interface Version {
  readonly blockNum: number;
  readonly txNum: number;
}

/** A committed key. */
export interface StateEntry {
  readonly value: Buffer;
  readonly version: Version;
  /** Key metadata (e.g. VALIDATION_PARAMETER); absent when the key has none. */
  readonly metadata?: ReadonlyMap<string, Buffer>;
  /** sha256(value), kept for private data only. */
  readonly hash?: Buffer;
  /** Private data only: the block whose commit purges it (blockToLive), absent when it never expires. */
  readonly expiresAt?: number;
}

/** A transaction timestamp as google.protobuf.Timestamp carries it. */
export interface TxTimestamp {
  readonly seconds: number;
  readonly nanos: number;
}

/** One entry of a key's history (newest first when queried, as Fabric 2.x returns it). */
export interface HistoryRecord {
  readonly txId: string;
  readonly timestamp: TxTimestamp;
  readonly isDelete: boolean;
  readonly value: Buffer;
}

/** A write to the world state recorded by a simulation. `collection` is '' for public state. */
export interface WriteRecord {
  readonly namespace: string;
  readonly collection: string;
  readonly key: string;
  readonly value: Buffer | undefined;
  readonly isDelete: boolean;
  readonly isPurge: boolean;
}

/** A key metadata write: the complete new metadata of the key (empty = remove it). */
export interface MetadataWriteRecord {
  readonly namespace: string;
  readonly collection: string;
  readonly key: string;
  readonly metadata: ReadonlyMap<string, Buffer>;
}
