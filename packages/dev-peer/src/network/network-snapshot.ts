import type { BlockRecord } from '../commit/block-record';
import type { LedgerSnapshot } from '../state/ledger';

/** The committed state of a network at one moment: world state, private data, history, blocks. */
export interface NetworkSnapshot {
  /** Block height per channel when the snapshot was taken. */
  readonly heights: ReadonlyMap<string, number>;
}

/** What a snapshot holds (immutable entries are shared with the ledger, not copied). */
export interface SnapshotContent {
  readonly ledger: LedgerSnapshot;
  readonly blocks: ReadonlyMap<string, readonly BlockRecord[]>;
}

const contents = new WeakMap<NetworkSnapshot, SnapshotContent>();

export function makeSnapshot(content: SnapshotContent): NetworkSnapshot {
  const snapshot: NetworkSnapshot = {
    heights: new Map([...content.ledger.channels].map(([id, c]) => [id, c.height])),
  };
  Object.freeze(snapshot);
  contents.set(snapshot, content);
  return snapshot;
}

/** The content of a snapshot this process made; undefined for anything else. */
export function snapshotContent(value: unknown): SnapshotContent | undefined {
  return typeof value === 'object' && value !== null ? contents.get(value as NetworkSnapshot) : undefined;
}
