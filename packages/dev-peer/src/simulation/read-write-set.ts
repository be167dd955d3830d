import type { Version } from '../state/ledger-types';

/** A read of a committed key; `version` is null when the key did not exist. */
export interface KeyRead {
  readonly namespace: string;
  readonly key: string;
  readonly version: Version | null;
}

export interface PrivateKeyRead extends KeyRead {
  readonly collection: string;
}

export interface KeyWrite {
  readonly namespace: string;
  readonly key: string;
  readonly isDelete: boolean;
  /** Absent for a delete. */
  readonly value?: Uint8Array;
}

export interface PrivateKeyWrite extends KeyWrite {
  readonly collection: string;
  /** True when the key is purged (PURGE_PRIVATE_DATA): value, hash and history go. */
  readonly isPurge: boolean;
  /** sha256 of the value: what a block holds for a private write (the value stays off the block). */
  readonly valueHash?: Uint8Array;
}

export interface KeyMetadataWrite {
  readonly namespace: string;
  /** '' for public state. */
  readonly collection: string;
  readonly key: string;
  readonly metadata: Readonly<Record<string, Uint8Array>>;
}

/** A range query as Fabric records it for phantom-read validation. */
export interface RangeQueryRead {
  readonly namespace: string;
  readonly startKey: string;
  readonly endKey: string;
  /** True when the iterator reached the end of the range (not stopped early). */
  readonly itrExhausted: boolean;
  readonly reads: readonly { key: string; version: Version }[];
}

/** What a transaction's simulation read and wrote (Fabric's TxReadWriteSet, flattened). */
export interface ReadWriteSet {
  readonly reads: readonly KeyRead[];
  readonly rangeQueries: readonly RangeQueryRead[];
  /** Last write per key, in order of each key's first write. */
  readonly writes: readonly KeyWrite[];
  readonly metadataWrites: readonly KeyMetadataWrite[];
  readonly privateReads: readonly PrivateKeyRead[];
  readonly privateWrites: readonly PrivateKeyWrite[];
}
