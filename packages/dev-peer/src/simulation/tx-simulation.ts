import type { ChannelLedger } from '../state/channel-ledger';
import { couchDbWriteRefusal } from '../query/couchdb-key-value';
import type { MetadataWriteRecord, StateEntry, TxTimestamp, Version, WriteRecord } from '../state/ledger-types';
import type { SortedKeyMap } from '../state/sorted-key-map';
import { RangeCursor, type RangeQueryRecord } from './cursors';
import type { KeyRead, PrivateKeyRead, ReadWriteSet } from './read-write-set';

const SEP = '\u0000';

/** A request the ledger refuses, with Fabric's reason; becomes an ERROR reply. */
export class SimulationError extends Error {
  override readonly name = 'SimulationError';
}

/**
 * One transaction's simulation on one channel (Fabric's TxSimulator). Reads return committed state
 * only (a transaction never sees its own writes) and are recorded with their versions; writes are
 * kept apart, last write per key, until `commit`.
 */
export class TxSimulation {
  private readonly reads = new Map<string, KeyRead>();
  private readonly privateReads = new Map<string, PrivateKeyRead>();
  private readonly writes = new Map<string, WriteRecord>();
  private readonly metadataWrites = new Map<string, MetadataWriteRecord>();
  private readonly rangeQueries: RangeQueryRecord[] = [];
  private writePerformed = false;
  private paginatedQueryPerformed = false;
  private privateQueryPerformed = false;

  constructor(
    readonly ledger: ChannelLedger,
    readonly txId: string,
    readonly timestamp: TxTimestamp,
  ) {}

  get channelId(): string {
    return this.ledger.channelId;
  }

  getState(namespace: string, key: string): Buffer | undefined {
    const entry = this.ledger.get(namespace, '', key);
    this.reads.set(namespace + SEP + key, { namespace, key, version: entry?.version ?? null });
    return entry?.value;
  }

  getPrivateData(namespace: string, collection: string, key: string): Buffer | undefined {
    const entry = this.ledger.get(namespace, collection, key);
    this.recordPrivateRead(namespace, collection, key, entry?.version ?? null);
    return entry?.value;
  }

  getPrivateDataHash(namespace: string, collection: string, key: string): Buffer | undefined {
    const entry = this.ledger.get(namespace, collection, key);
    this.recordPrivateRead(namespace, collection, key, entry?.version ?? null);
    return entry?.hash;
  }

  /** Committed metadata of a key; reading it records a read of the key (Fabric does the same). */
  getMetadata(namespace: string, collection: string, key: string): ReadonlyMap<string, Buffer> | undefined {
    const entry = this.ledger.get(namespace, collection, key);
    if (collection === '') this.reads.set(namespace + SEP + key, { namespace, key, version: entry?.version ?? null });
    else this.recordPrivateRead(namespace, collection, key, entry?.version ?? null);
    return entry?.metadata;
  }

  put(namespace: string, collection: string, key: string, value: Buffer): void {
    this.checkWrite(key, value);
    this.setWrite({ namespace, collection, key, value, isDelete: false, isPurge: false });
  }

  delete(namespace: string, collection: string, key: string): void {
    this.checkWrite(key);
    this.setWrite({ namespace, collection, key, value: undefined, isDelete: true, isPurge: false });
  }

  purge(namespace: string, collection: string, key: string): void {
    this.checkWrite(key);
    this.setWrite({ namespace, collection, key, value: undefined, isDelete: true, isPurge: true });
  }

  /** Replace the key's metadata with `metadata` (Fabric's SetStateMetadata). */
  putMetadata(namespace: string, collection: string, key: string, metadata: ReadonlyMap<string, Buffer>): void {
    this.checkWrite(key);
    this.metadataWrites.set(namespace + SEP + collection + SEP + key, { namespace, collection, key, metadata });
  }

  /** A range of public state, recorded for phantom-read validation. */
  rangeScan(namespace: string, startKey: string, endKey: string, paginated: boolean): RangeCursor {
    if (paginated) this.beforePaginatedQuery();
    const record: RangeQueryRecord = { namespace, startKey, endKey, itrExhausted: false, reads: [] };
    this.rangeQueries.push(record);
    return new RangeCursor(this.ledger.namespace(namespace).peekStore(''), startKey, endKey, record);
  }

  /** A range of a private collection (Fabric allows it only in a read-only transaction). */
  privateRangeScan(namespace: string, collection: string, startKey: string, endKey: string): RangeCursor {
    this.beforePrivateQuery();
    return new RangeCursor(this.ledger.namespace(namespace).peekStore(collection), startKey, endKey, undefined);
  }

  /**
   * The committed store a rich query (GET_QUERY_RESULT) reads, after Fabric's preconditions: a
   * query of private data or a paginated query makes the transaction read-only.
   */
  richQueryStore(namespace: string, collection: string, paginated: boolean): SortedKeyMap<StateEntry> | undefined {
    if (collection !== '') this.beforePrivateQuery();
    else if (paginated) this.beforePaginatedQuery();
    return this.ledger.namespace(namespace).peekStore(collection);
  }

  /** A public rich-query result joins the read set (Fabric's queryResultsItr); no range is recorded. */
  recordQueryRead(namespace: string, key: string, version: Version): void {
    this.reads.set(namespace + SEP + key, { namespace, key, version });
  }

  /** Writes and metadata writes, for the ledger. */
  commitRequest(): { writes: WriteRecord[]; metadataWrites: MetadataWriteRecord[] } {
    return { writes: [...this.writes.values()], metadataWrites: [...this.metadataWrites.values()] };
  }

  readWriteSet(): ReadWriteSet {
    const writes = [...this.writes.values()];
    return {
      reads: [...this.reads.values()],
      rangeQueries: this.rangeQueries.map((r) => ({ ...r, reads: r.reads.slice() })),
      writes: writes
        .filter((w) => w.collection === '')
        .map((w) => ({
          namespace: w.namespace,
          key: w.key,
          isDelete: w.isDelete,
          ...(w.value !== undefined ? { value: w.value } : {}),
        })),
      metadataWrites: [...this.metadataWrites.values()].map((m) => ({
        namespace: m.namespace,
        collection: m.collection,
        key: m.key,
        metadata: Object.fromEntries(m.metadata),
      })),
      privateReads: [...this.privateReads.values()],
      privateWrites: writes
        .filter((w) => w.collection !== '')
        .map((w) => ({
          namespace: w.namespace,
          collection: w.collection,
          key: w.key,
          isDelete: w.isDelete,
          isPurge: w.isPurge,
          ...(w.value !== undefined ? { value: w.value } : {}),
        })),
    };
  }

  private recordPrivateRead(namespace: string, collection: string, key: string, version: Version | null): void {
    this.privateReads.set(namespace + SEP + collection + SEP + key, { namespace, collection, key, version });
  }

  private setWrite(write: WriteRecord): void {
    this.writes.set(write.namespace + SEP + write.collection + SEP + write.key, write);
  }

  private beforePaginatedQuery(): void {
    if (this.writePerformed) {
      throw new SimulationError(
        `txid [${this.txId}]: unsuppored transaction. Paginated queries are supported only in a read-only transaction`,
      );
    }
    this.paginatedQueryPerformed = true;
  }

  private beforePrivateQuery(): void {
    if (this.writePerformed) {
      throw new SimulationError(
        `txid [${this.txId}]: unsuppored transaction. Queries on pvt data is supported only in a read-only transaction`,
      );
    }
    this.privateQueryPerformed = true;
  }

  // Fabric's txSimulator write preconditions (texts as Fabric 2.x writes them, typo included).
  private checkWrite(key: string, value?: Buffer): void {
    if (this.privateQueryPerformed) {
      throw new SimulationError(
        `txid [${this.txId}]: unsuppored transaction. Transaction has already performed queries on pvt data. Writes are not allowed`,
      );
    }
    if (this.paginatedQueryPerformed) {
      throw new SimulationError(
        `txid [${this.txId}]: unsuppored transaction. Transaction has already performed a paginated query. Writes are not allowed`,
      );
    }
    this.writePerformed = true;
    // The state database is CouchDB's (rich queries need it): its key and value rules apply.
    const refusal = couchDbWriteRefusal(key, value);
    if (refusal !== undefined) throw new SimulationError(refusal);
  }
}
