import { createHash } from 'node:crypto';
import type { MetadataWriteRecord, StateEntry, TxTimestamp, Version, WriteRecord } from './ledger-types';
import { NamespaceState } from './namespace-state';

/** What a committed transaction writes. */
export interface CommitRequest {
  readonly txId: string;
  readonly timestamp: TxTimestamp;
  readonly writes: readonly WriteRecord[];
  readonly metadataWrites: readonly MetadataWriteRecord[];
}

const SEP = '\u0000';

/**
 * The committed world state of one channel: namespaces (one per chaincode), private collections,
 * key metadata and history. Every committed transaction is its own block: the versions it writes
 * are {blockNum: height, txNum: 0}.
 */
export class ChannelLedger {
  private readonly namespaces = new Map<string, NamespaceState>();
  private blockHeight = 1;

  constructor(readonly channelId: string) {}

  /** Number of blocks (block 0 would be the genesis block). */
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

  get(namespace: string, collection: string, key: string): StateEntry | undefined {
    return this.namespaces.get(namespace)?.peekStore(collection)?.get(key);
  }

  /**
   * Apply a transaction's writes atomically, with Fabric's rules (validation's tx-ops preparation):
   * a delete removes value and metadata; a value write keeps the committed metadata unless the same
   * transaction also wrote metadata; a metadata-only write applies to an existing key only.
   */
  commit(request: CommitRequest): Version {
    const version: Version = { blockNum: this.blockHeight++, txNum: 0 };
    const metadataByKey = new Map<string, MetadataWriteRecord>();
    for (const m of request.metadataWrites) metadataByKey.set(compositeKey(m), m);
    const updates = new Map<string, { ns: NamespaceState; collection: string; entries: [string, StateEntry][] }>();
    const deletes: { ns: NamespaceState; collection: string; key: string }[] = [];
    const batch = (namespace: string, collection: string): [string, StateEntry][] => {
      const id = namespace + SEP + collection;
      let group = updates.get(id);
      if (group === undefined) {
        group = { ns: this.namespace(namespace), collection, entries: [] };
        updates.set(id, group);
      }
      return group.entries;
    };

    for (const w of request.writes) {
      const ns = this.namespace(w.namespace);
      const id = compositeKey(w);
      const metadataWrite = metadataByKey.get(id);
      metadataByKey.delete(id);
      if (w.isDelete || w.value === undefined) {
        deletes.push({ ns, collection: w.collection, key: w.key });
      } else {
        const committed = ns.peekStore(w.collection)?.get(w.key);
        const metadata = metadataWrite !== undefined ? metadataWrite.metadata : committed?.metadata;
        batch(w.namespace, w.collection).push([w.key, makeEntry(w.collection, w.value, version, metadata)]);
      }
      if (w.collection === '') {
        ns.appendHistory(w.key, {
          txId: request.txId,
          timestamp: request.timestamp,
          isDelete: w.isDelete,
          value: w.isDelete ? Buffer.alloc(0) : (w.value ?? Buffer.alloc(0)),
        });
      }
    }
    for (const m of metadataByKey.values()) {
      const committed = this.get(m.namespace, m.collection, m.key);
      if (committed === undefined) continue; // metadata of a key that does not exist is ignored
      batch(m.namespace, m.collection).push([m.key, makeEntry(m.collection, committed.value, version, m.metadata)]);
    }
    for (const d of deletes) d.ns.store(d.collection).delete(d.key);
    for (const group of updates.values()) group.ns.store(group.collection).setMany(group.entries);
    return version;
  }
}

function compositeKey(r: { namespace: string; collection: string; key: string }): string {
  return r.namespace + SEP + r.collection + SEP + r.key;
}

function makeEntry(
  collection: string,
  value: Buffer,
  version: Version,
  metadata: ReadonlyMap<string, Buffer> | undefined,
): StateEntry {
  const md = metadata !== undefined && metadata.size > 0 ? metadata : undefined;
  const hash = collection === '' ? undefined : createHash('sha256').update(value).digest();
  return { value, version, ...(md !== undefined ? { metadata: md } : {}), ...(hash !== undefined ? { hash } : {}) };
}
