import { RequestRefusedError } from '../errors/request-refused-error';
import type { ChannelLedger } from '../state/channel-ledger';
import type { MetadataWriteRecord, StateEntry, TxTimestamp, Version, WriteRecord } from '../state/ledger-types';
import type { SortedKeyMap } from '../state/sorted-key-map';
import { RangeCursor, type RangeQueryRecord } from './cursors';
import { validateKeyValue, type StateDatabase } from './state-database';
import type { KeyRead, PrivateKeyRead, ReadWriteSet } from './read-write-set';

const SEP = '\u0000';

/** Whether the simulating peer holds a collection's private data (its org is a member). */
export type PeerEligibility = (namespace: string, collection: string) => boolean;

/** Everything a simulation recorded, for validation and commit. */
export interface SimulationResults {
  readonly reads: readonly KeyRead[];
  readonly privateReads: readonly PrivateKeyRead[];
  readonly rangeQueries: readonly RangeQueryRecord[];
  readonly writes: readonly WriteRecord[];
  readonly metadataWrites: readonly MetadataWriteRecord[];
}

const EVERY_PEER: PeerEligibility = () => true;

export interface SimulationOptions {
  /** Which collections the simulating peer holds. Default: all. */
  readonly eligible?: PeerEligibility;
  /** Whose key and value rules writes follow. Default CouchDB. */
  readonly stateDatabase?: StateDatabase;
}

/**
 * One transaction's simulation on one channel (Fabric's TxSimulator). Reads return committed state
 * only (a transaction never sees its own writes) and are recorded with their versions; writes are
 * kept apart, last write per key, until commit.
 *
 * Seam for query engines (rich queries): `committedStore(namespace, collection)` is the committed
 * state in key order (undefined for a collection this peer does not hold); `recordRead` /
 * `recordPrivateRead` add what the engine returned to the read set; `startPaginatedQuery` /
 * `startPrivateQuery` apply Fabric's read-only rules before a paginated or private query runs.
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

  private readonly eligible: PeerEligibility;
  private readonly stateDatabase: StateDatabase;

  constructor(
    readonly ledger: ChannelLedger,
    readonly txId: string,
    readonly timestamp: TxTimestamp,
    options: SimulationOptions = {},
  ) {
    this.eligible = options.eligible ?? EVERY_PEER;
    this.stateDatabase = options.stateDatabase ?? 'CouchDB';
  }

  get channelId(): string {
    return this.ledger.channelId;
  }

  getState(namespace: string, key: string): Buffer | undefined {
    const entry = this.ledger.get(namespace, '', key);
    this.recordRead(namespace, key, entry?.version ?? null);
    return entry?.value;
  }

  /**
   * A private value. A peer outside the collection holds only the hashes: for a key that exists it
   * fails as Fabric's ledger does (the private version cannot match the public hash version).
   */
  getPrivateData(namespace: string, collection: string, key: string): Buffer | undefined {
    const entry = this.ledger.get(namespace, collection, key);
    if (entry !== undefined && !this.eligible(namespace, collection)) {
      throw new RequestRefusedError(
        `private data matching public hash version is not available. Public hash version = ` +
          `{BlockNum: ${String(entry.version.blockNum)}, TxNum: ${String(entry.version.txNum)}}, Private data version = <nil>`,
      );
    }
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
    if (collection === '') this.recordRead(namespace, key, entry?.version ?? null);
    else this.recordPrivateRead(namespace, collection, key, entry?.version ?? null);
    return entry?.metadata;
  }

  put(namespace: string, collection: string, key: string, value: Buffer): void {
    this.checkWrite(key, value);
    this.setWrite({ namespace, collection, key, value, isDelete: false, isPurge: false });
  }

  delete(namespace: string, collection: string, key: string): void {
    this.checkWrite(key, undefined);
    this.setWrite({ namespace, collection, key, value: undefined, isDelete: true, isPurge: false });
  }

  purge(namespace: string, collection: string, key: string): void {
    this.checkWrite(key, undefined);
    this.setWrite({ namespace, collection, key, value: undefined, isDelete: true, isPurge: true });
  }

  /** Replace the key's metadata with `metadata` (Fabric's SetStateMetadata). */
  putMetadata(namespace: string, collection: string, key: string, metadata: ReadonlyMap<string, Buffer>): void {
    this.checkWrite(key, undefined);
    this.metadataWrites.set(namespace + SEP + collection + SEP + key, { namespace, collection, key, metadata });
  }

  /** Committed state of a namespace ('' = public) in key order; undefined when this peer holds none. */
  committedStore(namespace: string, collection: string): SortedKeyMap<StateEntry> | undefined {
    if (collection !== '' && !this.eligible(namespace, collection)) return undefined;
    return this.ledger.namespace(namespace).peekStore(collection);
  }

  /** Record a read of a public key (a query engine calls this for each result it returns). */
  recordRead(namespace: string, key: string, version: Version | null): void {
    this.reads.set(namespace + SEP + key, { namespace, key, version });
  }

  /** Record a read of a private key. */
  recordPrivateRead(namespace: string, collection: string, key: string, version: Version | null): void {
    this.privateReads.set(namespace + SEP + collection + SEP + key, { namespace, collection, key, version });
  }

  /** Fabric refuses a paginated query after a write, and writes after it. */
  startPaginatedQuery(): void {
    if (this.writePerformed) {
      throw new RequestRefusedError(
        `txid [${this.txId}]: unsuppored transaction. Paginated queries are supported only in a read-only transaction`,
      );
    }
    this.paginatedQueryPerformed = true;
  }

  /** Fabric refuses a private data query after a write, and writes after it. */
  startPrivateQuery(): void {
    if (this.writePerformed) {
      throw new RequestRefusedError(
        `txid [${this.txId}]: unsuppored transaction. Queries on pvt data is supported only in a read-only transaction`,
      );
    }
    this.privateQueryPerformed = true;
  }

  /** A range of public state, recorded for phantom-read validation. */
  rangeScan(namespace: string, startKey: string, endKey: string, paginated: boolean): RangeCursor {
    if (paginated) this.startPaginatedQuery();
    const record: RangeQueryRecord = { namespace, startKey, endKey, itrExhausted: false, reads: [] };
    this.rangeQueries.push(record);
    return new RangeCursor(this.committedStore(namespace, ''), startKey, endKey, record);
  }

  /** A range of a private collection (Fabric allows it only in a read-only transaction). */
  privateRangeScan(namespace: string, collection: string, startKey: string, endKey: string): RangeCursor {
    this.startPrivateQuery();
    return new RangeCursor(this.committedStore(namespace, collection), startKey, endKey, undefined);
  }

  /** Everything recorded, for validation and commit. */
  results(): SimulationResults {
    return {
      reads: [...this.reads.values()],
      privateReads: [...this.privateReads.values()],
      rangeQueries: this.rangeQueries,
      writes: [...this.writes.values()],
      metadataWrites: [...this.metadataWrites.values()],
    };
  }

  readWriteSet(): ReadWriteSet {
    return toReadWriteSet(this.results());
  }

  private setWrite(write: WriteRecord): void {
    this.writes.set(write.namespace + SEP + write.collection + SEP + write.key, write);
  }

  // Fabric's txSimulator write preconditions (texts as Fabric 2.x writes them, typo included),
  // then the state database's own key and value rules.
  private checkWrite(key: string, value: Buffer | undefined): void {
    if (this.privateQueryPerformed) {
      throw new RequestRefusedError(
        `txid [${this.txId}]: unsuppored transaction. Transaction has already performed queries on pvt data. Writes are not allowed`,
      );
    }
    if (this.paginatedQueryPerformed) {
      throw new RequestRefusedError(
        `txid [${this.txId}]: unsuppored transaction. Transaction has already performed a paginated query. Writes are not allowed`,
      );
    }
    this.writePerformed = true;
    validateKeyValue(this.stateDatabase, key, value);
  }
}

/** The public view of recorded results. */
export function toReadWriteSet(results: SimulationResults): ReadWriteSet {
  return {
    reads: results.reads,
    rangeQueries: results.rangeQueries.map((r) => ({ ...r, reads: r.reads.slice() })),
    writes: results.writes
      .filter((w) => w.collection === '')
      .map((w) => ({
        namespace: w.namespace,
        key: w.key,
        isDelete: w.isDelete,
        ...(w.value !== undefined ? { value: w.value } : {}),
      })),
    metadataWrites: results.metadataWrites.map((m) => ({
      namespace: m.namespace,
      collection: m.collection,
      key: m.key,
      metadata: Object.fromEntries(m.metadata),
    })),
    privateReads: results.privateReads,
    privateWrites: results.writes
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
