import type { HistoryRecord, StateEntry } from './ledger-types';
import { SortedKeyMap } from './sorted-key-map';

/** The committed state of one chaincode namespace on one channel. */
export class NamespaceState {
  readonly publicState = new SortedKeyMap<StateEntry>();
  private readonly collections = new Map<string, SortedKeyMap<StateEntry>>();
  private readonly history = new Map<string, HistoryRecord[]>();

  /** The store of `collection` ('' = public state). */
  store(collection: string): SortedKeyMap<StateEntry> {
    if (collection === '') return this.publicState;
    let store = this.collections.get(collection);
    if (store === undefined) {
      store = new SortedKeyMap<StateEntry>();
      this.collections.set(collection, store);
    }
    return store;
  }

  /** Existing store of `collection` without creating one. */
  peekStore(collection: string): SortedKeyMap<StateEntry> | undefined {
    return collection === '' ? this.publicState : this.collections.get(collection);
  }

  /** Names of the private collections holding (or having held) data. */
  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  appendHistory(key: string, record: HistoryRecord): void {
    let list = this.history.get(key);
    if (list === undefined) {
      list = [];
      this.history.set(key, list);
    }
    list.push(record);
  }

  /** The history of a key, oldest first (the live array: callers must not modify it). */
  historyOf(key: string): readonly HistoryRecord[] {
    return this.history.get(key) ?? [];
  }

  /** Every key with history, and its records (oldest first). */
  histories(): IterableIterator<[string, readonly HistoryRecord[]]> {
    return this.history.entries();
  }
}
