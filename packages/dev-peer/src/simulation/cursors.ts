import type { HistoryRecord, StateEntry, Version } from '../state/ledger-types';
import type { SortedKeyMap } from '../state/sorted-key-map';

/** One range result. */
export interface RangeResult {
  readonly key: string;
  readonly value: Buffer;
}

/** Mutable record of a range query, filled as its cursor advances. */
export interface RangeQueryRecord {
  readonly namespace: string;
  readonly startKey: string;
  readonly endKey: string;
  itrExhausted: boolean;
  readonly reads: { key: string; version: Version }[];
}

/**
 * Walks a key range [start, end) of committed state. Each step is a binary search from the last
 * key returned, so state committed meanwhile never breaks the walk (Fabric holds commits back for
 * the whole simulation; the dev peer resumes after the last key instead).
 */
export class RangeCursor {
  private lastKey: string | undefined;
  private done = false;

  constructor(
    private readonly store: SortedKeyMap<StateEntry> | undefined,
    private readonly startKey: string,
    private readonly endKey: string,
    private readonly record: RangeQueryRecord | undefined,
  ) {}

  next(): RangeResult | undefined {
    if (this.done || this.store === undefined) {
      this.finish();
      return undefined;
    }
    for (;;) {
      const key =
        this.lastKey === undefined
          ? this.store.firstKeyFrom(this.startKey, this.endKey, false)
          : this.store.firstKeyFrom(this.lastKey, this.endKey, true);
      if (key === undefined) {
        this.finish();
        return undefined;
      }
      this.lastKey = key;
      const entry = this.store.get(key);
      if (entry === undefined) continue;
      this.record?.reads.push({ key, version: entry.version });
      return { key, value: entry.value };
    }
  }

  /** The key the next call would return (Fabric's bookmark after a page), or '' at the end. */
  peekKey(): string {
    if (this.done || this.store === undefined) return '';
    const key =
      this.lastKey === undefined
        ? this.store.firstKeyFrom(this.startKey, this.endKey, false)
        : this.store.firstKeyFrom(this.lastKey, this.endKey, true);
    return key ?? '';
  }

  private finish(): void {
    this.done = true;
    if (this.record !== undefined) this.record.itrExhausted = true;
  }
}

/** Walks a key's history newest first, over the records that existed when the query started. */
export class HistoryCursor {
  private index: number;

  constructor(private readonly records: readonly HistoryRecord[]) {
    this.index = records.length - 1;
  }

  next(): HistoryRecord | undefined {
    if (this.index < 0) return undefined;
    return this.records[this.index--];
  }
}
