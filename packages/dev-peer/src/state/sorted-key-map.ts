import { compareKeys } from './key-order';

/**
 * A map whose keys are also kept in a sorted array (Fabric key order), so a range scan starts with
 * a binary search and walks forward: no page of a range query scans the whole map.
 */
export class SortedKeyMap<V> {
  private readonly values = new Map<string, V>();
  private keys: string[] = [];

  get size(): number {
    return this.values.size;
  }

  get(key: string): V | undefined {
    return this.values.get(key);
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  set(key: string, value: V): void {
    if (!this.values.has(key)) this.insertKey(key);
    this.values.set(key, value);
  }

  /** Set many entries; new keys are merged in one pass when there are many of them. */
  setMany(entries: readonly (readonly [string, V])[]): void {
    const fresh: string[] = [];
    for (const [key, value] of entries) {
      if (!this.values.has(key)) fresh.push(key);
      this.values.set(key, value);
    }
    if (fresh.length < 16) {
      for (const key of fresh) this.insertKey(key);
      return;
    }
    fresh.sort(compareKeys);
    this.keys = mergeSorted(this.keys, fresh);
  }

  delete(key: string): boolean {
    if (!this.values.delete(key)) return false;
    const i = this.lowerBound(key);
    if (this.keys[i] === key) this.keys.splice(i, 1);
    return true;
  }

  /** Index of the first key ≥ `key`. */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(this.keys[mid] as string, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The first key of the range [from, end) — `after` excludes `from` itself — or undefined.
   * An empty `end` means no upper bound.
   */
  firstKeyFrom(from: string, end: string, after: boolean): string | undefined {
    let i = this.lowerBound(from);
    if (after && this.keys[i] === from) i++;
    const key = this.keys[i];
    if (key === undefined) return undefined;
    if (end !== '' && compareKeys(key, end) >= 0) return undefined;
    return key;
  }

  /** Keys in order (a copy). */
  sortedKeys(): string[] {
    return this.keys.slice();
  }

  private insertKey(key: string): void {
    const last = this.keys[this.keys.length - 1];
    if (last === undefined || compareKeys(last, key) < 0) {
      this.keys.push(key);
      return;
    }
    this.keys.splice(this.lowerBound(key), 0, key);
  }
}

function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as string;
    const y = b[j] as string;
    if (compareKeys(x, y) <= 0) {
      out[k++] = x;
      i++;
    } else {
      out[k++] = y;
      j++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as string;
  while (j < b.length) out[k++] = b[j++] as string;
  return out;
}
