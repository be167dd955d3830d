import { createHash } from 'node:crypto';
import type { BlockChanges, EntryChange, HistoryAppend, TxWrites } from './block-changes';
import type { MetadataWriteRecord, StateEntry, TxTimestamp, Version, WriteRecord } from './ledger-types';
import { NamespaceState } from './namespace-state';

/** What a committed transaction writes (a block of its own). */
export interface CommitRequest {
  readonly txId: string;
  readonly timestamp: TxTimestamp;
  readonly writes: readonly WriteRecord[];
  readonly metadataWrites: readonly MetadataWriteRecord[];
}

/** A collection's blockToLive (0: never purged). */
export type BlockToLive = (namespace: string, collection: string) => number;

/** The bytes the state database keeps (and reads give back) for a written value. */
export type StoredValue = (value: Buffer) => Buffer;

const AS_WRITTEN: StoredValue = (value) => value;

const SEP = '\u0000';
const NEVER: BlockToLive = () => 0;

/**
 * The committed world state of one channel: namespaces (one per chaincode), private collections,
 * key metadata and history, and the block height. Versions are Fabric's heights
 * {blockNum, txNum}. Private data with a blockToLive is purged when block
 * `committingBlock + blockToLive + 1` commits (pvtstatepurgemgmt's ComputeExpiringBlock).
 */
export class ChannelLedger {
  private readonly namespaces = new Map<string, NamespaceState>();
  /** Block number → composite keys of private entries that expire when it commits. */
  private readonly expiries = new Map<number, Set<string>>();
  private blockHeight = 1;

  constructor(
    readonly channelId: string,
    /** The state database's form of a value (CouchDB re-encodes JSON objects). */
    readonly storedValue: StoredValue = AS_WRITTEN,
  ) {}

  /** Number of blocks (block 0 is the genesis block). */
  get height(): number {
    return this.blockHeight;
  }

  namespace(name: string): NamespaceState {
    let ns = this.namespaces.get(name);
    if (ns === undefined) {
      ns = new NamespaceState();
      this.namespaces.set(name, ns);
    }
    return ns;
  }

  /** Names of the namespaces holding state. */
  namespaceNames(): string[] {
    return [...this.namespaces.keys()];
  }

  get(namespace: string, collection: string, key: string): StateEntry | undefined {
    return this.namespaces.get(namespace)?.peekStore(collection)?.get(key);
  }

  /**
   * The changes committing the valid transactions `txs` as block `blockNum` makes, with Fabric's
   * rules (validation's tx-ops preparation): a delete removes value and metadata; a value write
   * keeps the committed metadata unless the same transaction also wrote metadata; a metadata-only
   * write applies to an existing key only; a later transaction of the block sees the earlier ones'
   * writes; public writes append history; expired private data is purged.
   */
  prepareBlock(blockNum: number, txs: readonly TxWrites[], blockToLive: BlockToLive = NEVER): BlockChanges {
    const overlay = new BlockOverlay(this);
    for (const tx of txs) overlay.applyTx(tx, { blockNum, txNum: tx.txNum }, blockToLive);
    for (const id of this.expiries.get(blockNum) ?? []) {
      const [namespace = '', collection = '', key = ''] = id.split(SEP);
      if (overlay.current(namespace, collection, key)?.expiresAt === blockNum)
        overlay.set(namespace, collection, key, undefined);
    }
    return { blockNum, entries: overlay.changes(), history: overlay.history };
  }

  /** Apply prepared changes; the block height becomes `changes.blockNum + 1`. */
  applyBlock(changes: BlockChanges): void {
    for (const change of changes.entries) this.setEntry(change);
    for (const h of changes.history) this.namespace(h.namespace).appendHistory(h.key, h.record);
    this.expiries.delete(changes.blockNum);
    this.blockHeight = Math.max(this.blockHeight, changes.blockNum + 1);
  }

  /** Commit one transaction as a block of its own; returns the version it wrote. */
  commit(request: CommitRequest): Version {
    const blockNum = this.blockHeight;
    this.applyBlock(this.prepareBlock(blockNum, [{ ...request, txNum: 0 }]));
    return { blockNum, txNum: 0 };
  }

  /** Set one committed entry as is (loading a data directory, restoring a snapshot). */
  setEntry(change: EntryChange): void {
    const ns = this.namespace(change.namespace);
    const id = compositeKey(change);
    const previous = ns.peekStore(change.collection)?.get(change.key);
    if (previous?.expiresAt !== undefined) this.expiries.get(previous.expiresAt)?.delete(id);
    if (change.entry === undefined) {
      ns.peekStore(change.collection)?.delete(change.key);
      return;
    }
    ns.store(change.collection).set(change.key, change.entry);
    if (change.entry.expiresAt !== undefined) {
      let set = this.expiries.get(change.entry.expiresAt);
      if (set === undefined) {
        set = new Set();
        this.expiries.set(change.entry.expiresAt, set);
      }
      set.add(id);
    }
  }

  /** Set the height (loading a data directory, restoring a snapshot). */
  setHeight(height: number): void {
    this.blockHeight = height;
  }

  /** Forget everything: an empty ledger at height 1 (only the genesis block). */
  clear(): void {
    this.namespaces.clear();
    this.expiries.clear();
    this.blockHeight = 1;
  }

  /** Every committed entry (public and private), namespace by namespace. */
  *entries(): Generator<EntryChange> {
    for (const [namespace, ns] of this.namespaces) {
      for (const collection of ['', ...ns.collectionNames()]) {
        const store = ns.peekStore(collection);
        if (store === undefined) continue;
        for (const key of store.sortedKeys()) {
          const entry = store.get(key);
          if (entry !== undefined) yield { namespace, collection, key, entry };
        }
      }
    }
  }

  /** Every history record, key by key, oldest first. */
  *historyRecords(): Generator<HistoryAppend> {
    for (const [namespace, ns] of this.namespaces) {
      for (const [key, records] of ns.histories()) {
        for (const record of records) yield { namespace, key, record };
      }
    }
  }
}

/** The block's changes so far, over the committed state: what a later transaction of the block sees. */
class BlockOverlay {
  private readonly entries = new Map<string, EntryChange>();
  readonly history: HistoryAppend[] = [];

  constructor(private readonly ledger: ChannelLedger) {}

  current(namespace: string, collection: string, key: string): StateEntry | undefined {
    const change = this.entries.get(namespace + SEP + collection + SEP + key);
    return change !== undefined ? change.entry : this.ledger.get(namespace, collection, key);
  }

  set(namespace: string, collection: string, key: string, entry: StateEntry | undefined): void {
    const id = namespace + SEP + collection + SEP + key;
    this.entries.delete(id); // keep the order of last change
    this.entries.set(id, { namespace, collection, key, entry });
  }

  changes(): EntryChange[] {
    return [...this.entries.values()];
  }

  applyTx(tx: TxWrites, version: Version, blockToLive: BlockToLive): void {
    const metadataByKey = new Map<string, MetadataWriteRecord>();
    for (const m of tx.metadataWrites) metadataByKey.set(compositeKey(m), m);
    for (const w of tx.writes) {
      const id = compositeKey(w);
      const metadataWrite = metadataByKey.get(id);
      metadataByKey.delete(id);
      this.applyWrite(w, version, metadataWrite?.metadata, blockToLive);
      if (w.collection === '') {
        this.history.push({
          namespace: w.namespace,
          key: w.key,
          record: {
            txId: tx.txId,
            timestamp: tx.timestamp,
            isDelete: w.isDelete,
            value: w.isDelete ? Buffer.alloc(0) : (w.value ?? Buffer.alloc(0)),
          },
        });
      }
    }
    for (const m of metadataByKey.values()) {
      const committed = this.current(m.namespace, m.collection, m.key);
      if (committed === undefined) continue; // metadata of a key that does not exist is ignored
      const btl = m.collection === '' ? 0 : blockToLive(m.namespace, m.collection);
      this.set(m.namespace, m.collection, m.key, makeEntry(committed.value, committed.hash, version, m.metadata, btl));
    }
  }

  private applyWrite(
    w: WriteRecord,
    version: Version,
    metadataWritten: ReadonlyMap<string, Buffer> | undefined,
    blockToLive: BlockToLive,
  ): void {
    if (w.isDelete || w.value === undefined) {
      this.set(w.namespace, w.collection, w.key, undefined);
      return;
    }
    const metadata = metadataWritten ?? this.current(w.namespace, w.collection, w.key)?.metadata;
    const btl = w.collection === '' ? 0 : blockToLive(w.namespace, w.collection);
    const hash = w.collection === '' ? undefined : createHash('sha256').update(w.value).digest();
    const stored = this.ledger.storedValue(w.value);
    this.set(w.namespace, w.collection, w.key, makeEntry(stored, hash, version, metadata, btl));
  }
}

function compositeKey(r: { namespace: string; collection: string; key: string }): string {
  return r.namespace + SEP + r.collection + SEP + r.key;
}

/** A committed entry; `hash` (private data only) is of the value as written. */
function makeEntry(
  value: Buffer,
  hash: Buffer | undefined,
  version: Version,
  metadata: ReadonlyMap<string, Buffer> | undefined,
  blockToLive: number,
): StateEntry {
  const md = metadata !== undefined && metadata.size > 0 ? metadata : undefined;
  return {
    value,
    version,
    ...(md !== undefined ? { metadata: md } : {}),
    ...(hash !== undefined ? { hash } : {}),
    ...(blockToLive > 0 ? { expiresAt: version.blockNum + blockToLive + 1 } : {}),
  };
}
