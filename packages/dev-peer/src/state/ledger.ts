import type { EntryChange, HistoryAppend } from './block-changes';
import { ChannelLedger, type StoredValue } from './channel-ledger';

/** A copy of every channel's committed state (entries are immutable and shared, not copied). */
export interface LedgerSnapshot {
  readonly channels: ReadonlyMap<
    string,
    { readonly height: number; readonly entries: readonly EntryChange[]; readonly history: readonly HistoryAppend[] }
  >;
}

/** Every channel's ledger, created on first use (the dev peer has joined every channel). */
export class Ledger {
  private readonly channels = new Map<string, ChannelLedger>();

  /** `storedValue`: the state database's form of written values (default: as written). */
  constructor(private readonly storedValue?: StoredValue) {}

  channel(channelId: string): ChannelLedger {
    let ledger = this.channels.get(channelId);
    if (ledger === undefined) {
      ledger = new ChannelLedger(channelId, this.storedValue);
      this.channels.set(channelId, ledger);
    }
    return ledger;
  }

  channelIds(): string[] {
    return [...this.channels.keys()];
  }

  snapshot(): LedgerSnapshot {
    const channels = new Map<string, { height: number; entries: EntryChange[]; history: HistoryAppend[] }>();
    for (const [id, ledger] of this.channels) {
      channels.set(id, {
        height: ledger.height,
        entries: [...ledger.entries()],
        history: [...ledger.historyRecords()],
      });
    }
    return { channels };
  }

  /** Replace every channel's state with the snapshot's (channel objects are kept, emptied). */
  restore(snapshot: LedgerSnapshot): void {
    for (const ledger of this.channels.values()) ledger.clear();
    for (const [id, saved] of snapshot.channels) {
      const ledger = this.channel(id);
      for (const change of saved.entries) ledger.setEntry(change);
      for (const h of saved.history) ledger.namespace(h.namespace).appendHistory(h.key, h.record);
      ledger.setHeight(saved.height);
    }
  }

  /** Empty every channel (height 1). */
  clear(): void {
    for (const ledger of this.channels.values()) ledger.clear();
  }
}
