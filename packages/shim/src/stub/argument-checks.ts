import { InvalidArgumentError } from '../errors/shim-error';

/** A key for a write or metadata call: a non-empty string. */
export function checkKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new InvalidArgumentError('key must be a non-empty string');
  }
}

/** A string argument that may be empty (a read key, a range bound). */
export function checkString(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string') {
    throw new InvalidArgumentError(`${what} must be a string`);
  }
}

/** A private data collection name: a non-empty string. */
export function checkCollection(collection: unknown): asserts collection is string {
  if (typeof collection !== 'string' || collection.length === 0) {
    throw new InvalidArgumentError('collection must be a non-empty string');
  }
}

/** A page size for the paginated queries: a positive integer (int32 on the wire). */
export function checkPageSize(pageSize: unknown): asserts pageSize is number {
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize <= 0 || pageSize > 0x7fffffff) {
    throw new InvalidArgumentError('pageSize must be a positive integer');
  }
}

/** A value to store: bytes as given, a string as its UTF-8 bytes. */
export function toBytes(value: unknown, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  throw new InvalidArgumentError(`${what} must be a string or a Uint8Array/Buffer`);
}
