import { compareKeys } from '../state/key-order';
import type { ChannelLedger } from '../state/channel-ledger';
import type { Version } from '../state/ledger-types';
import type { RangeQueryRecord } from '../simulation/cursors';
import type { SimulationResults } from '../simulation/tx-simulation';
import type { ValidationCode } from './validation-code';

const SEP = '\u0000';

/**
 * Keys written by the valid transactions already validated in the current block (Fabric's update
 * batch): `namespace\0collection\0key` → still present after those writes.
 */
export class BlockUpdates {
  private readonly keys = new Map<string, boolean>();
  /** namespace → public keys written, for range re-execution. */
  private readonly publicByNamespace = new Map<string, Map<string, boolean>>();

  has(namespace: string, collection: string, key: string): boolean {
    return this.keys.has(namespace + SEP + collection + SEP + key);
  }

  add(results: SimulationResults): void {
    for (const w of results.writes) this.set(w.namespace, w.collection, w.key, !w.isDelete && w.value !== undefined);
    for (const m of results.metadataWrites) {
      const id = m.namespace + SEP + m.collection + SEP + m.key;
      if (!this.keys.has(id)) this.set(m.namespace, m.collection, m.key, true);
    }
  }

  /** Public keys of `namespace` written in this block: key → present. */
  publicKeys(namespace: string): ReadonlyMap<string, boolean> {
    return this.publicByNamespace.get(namespace) ?? new Map();
  }

  private set(namespace: string, collection: string, key: string, present: boolean): void {
    this.keys.set(namespace + SEP + collection + SEP + key, present);
    if (collection !== '') return;
    let keys = this.publicByNamespace.get(namespace);
    if (keys === undefined) {
      keys = new Map();
      this.publicByNamespace.set(namespace, keys);
    }
    keys.set(key, present);
  }
}

function sameVersion(a: Version | null | undefined, b: Version | null | undefined): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  return a.blockNum === b.blockNum && a.txNum === b.txNum;
}

/**
 * Fabric's MVCC validation of one transaction (core/ledger/kvledger/txmgmt/validation/validator.go,
 * validateTx): per namespace, each public read must still have the version it was read at, and no
 * earlier valid transaction of the block may have written it (MVCC_READ_CONFLICT); each range query
 * re-executed on committed state plus the block's updates must return the same keys and versions
 * (PHANTOM_READ_CONFLICT); each private read checks its key hash's version (MVCC_READ_CONFLICT).
 */
export function validateReadSet(
  results: SimulationResults,
  ledger: ChannelLedger,
  updates: BlockUpdates,
): ValidationCode {
  const namespaces = new Set<string>([
    ...results.reads.map((r) => r.namespace),
    ...results.rangeQueries.map((r) => r.namespace),
    ...results.privateReads.map((r) => r.namespace),
  ]);
  for (const namespace of namespaces) {
    for (const read of results.reads) {
      if (read.namespace !== namespace) continue;
      if (updates.has(namespace, '', read.key)) return 'MVCC_READ_CONFLICT';
      if (!sameVersion(ledger.get(namespace, '', read.key)?.version, read.version)) return 'MVCC_READ_CONFLICT';
    }
    for (const range of results.rangeQueries) {
      if (range.namespace === namespace && !rangeStillSame(range, ledger, updates)) return 'PHANTOM_READ_CONFLICT';
    }
    for (const read of results.privateReads) {
      if (read.namespace !== namespace) continue;
      if (updates.has(namespace, read.collection, read.key)) return 'MVCC_READ_CONFLICT';
      const committed = ledger.get(namespace, read.collection, read.key)?.version;
      if (!sameVersion(committed, read.version)) return 'MVCC_READ_CONFLICT';
    }
  }
  return 'VALID';
}

/**
 * validateRangeQuery: when the iterator was not exhausted the range ends at (and includes) the
 * last key read; the combined iterator (committed state + this block's updates) must yield
 * exactly the recorded keys with the recorded versions. A key an earlier transaction of the block
 * wrote carries a new version, so it never matches.
 */
function rangeStillSame(range: RangeQueryRecord, ledger: ChannelLedger, updates: BlockUpdates): boolean {
  const last = range.reads[range.reads.length - 1];
  const inclusiveEnd = !range.itrExhausted;
  const end = inclusiveEnd ? (last?.key ?? '') : range.endKey;
  const inRange = (key: string): boolean =>
    compareKeys(key, range.startKey) >= 0 &&
    (end === '' || (inclusiveEnd ? compareKeys(key, end) <= 0 : compareKeys(key, end) < 0));
  const store = ledger.namespace(range.namespace).peekStore('');
  const updated = updates.publicKeys(range.namespace);
  const actual: { key: string; version: Version | undefined }[] = [];
  let key = store?.firstKeyFrom(range.startKey, '', false);
  while (key !== undefined && inRange(key)) {
    if (actual.length > range.reads.length) return false;
    if (!updated.has(key)) actual.push({ key, version: store?.get(key)?.version });
    key = store?.firstKeyFrom(key, '', true);
  }
  for (const [k, present] of updated) if (present && inRange(k)) actual.push({ key: k, version: undefined });
  actual.sort((a, b) => compareKeys(a.key, b.key));
  if (actual.length !== range.reads.length) return false;
  return actual.every((a, i) => {
    const read = range.reads[i];
    return read !== undefined && read.key === a.key && a.version !== undefined && sameVersion(a.version, read.version);
  });
}
