import { InvalidArgumentError } from '../errors/shim-error';

/**
 * The one way the stub checks its arguments. Each function returns the value to send or throws
 * InvalidArgumentError (code CC_SHIM_INVALID_ARGUMENT). A method whose fabric-shim counterpart
 * rejects runs these inside its async part, one whose counterpart throws synchronously
 * (composite keys, page sizes) before it builds its promise, so both fail the same way.
 *
 * What is accepted follows fabric-shim 2.5.8 as measured (test/compat/differential): where it sends
 * an argument on, so do we (an empty key reaches the peer, which answers); where it has its own
 * check, we use its text ("collection must be a valid string"); where it coerces sensibly, so do we
 * (an absent string is '', a page size may be a numeric string). Values it mangles or fails on deep
 * inside google-protobuf (a number as a key, an object as a value) are refused here with a clear
 * text: that is one of the intended differences listed in the README.
 */

const UTF8 = 'utf8';

/** How an argument looked, for messages: `number 5`, `object`, `Buffer`... */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (Buffer.isBuffer(value)) return 'a Buffer';
  if (value instanceof Uint8Array) return 'a Uint8Array';
  switch (typeof value) {
    case 'number':
    case 'bigint':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'string':
      return 'a string';
    case 'undefined':
      return 'undefined';
    default:
      return `a ${typeof value}`;
  }
}

/**
 * A string sent to the peer (key, range bound, query, chaincode name). Absent (undefined or null)
 * is '', as google-protobuf encodes it for fabric-shim; any other non-string is refused.
 */
export function stringArg(value: unknown, name: string): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  throw new InvalidArgumentError(`${name} must be a string, got ${kindOf(value)}`);
}

/** A value to store: bytes as given, a string as its UTF-8 bytes. */
export function bytesArg(value: unknown, name: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return Buffer.from(value, UTF8);
  throw new InvalidArgumentError(`${name} must be a Uint8Array, a Buffer or a string, got ${kindOf(value)}`);
}

const EMPTY = new Uint8Array(0);

/** Bytes where absent means empty (an endorsement policy, an event payload), as fabric-shim sends them. */
export function optionalBytesArg(value: unknown, name: string): Uint8Array {
  return value === undefined || value === null ? EMPTY : bytesArg(value, name);
}

/** fabric-shim's check of a private data collection or key: a non-empty string, with its text. */
export function privateDataName(value: unknown, name: 'collection' | 'key'): string {
  if (typeof value !== 'string' || value.length === 0) throw new InvalidArgumentError(`${name} must be a valid string`);
  return value;
}

/** The private data queries' argument counts, and fabric-shim's text when the count is wrong. */
export interface PrivateQuery {
  readonly count: number;
  readonly wrongCount: string;
}
export const PRIVATE_RANGE: PrivateQuery = {
  count: 3,
  wrongCount: 'getPrivateDataByRange requires three arguments, collection, startKey and endKey',
};
export const PRIVATE_PARTIAL: PrivateQuery = {
  count: 3,
  wrongCount: 'getPrivateDataByPartialCompositeKey requires three arguments, collection, objectType and attributes',
};
export const PRIVATE_RICH_QUERY: PrivateQuery = {
  count: 2,
  wrongCount: 'getPrivateDataQueryResult requires two arguments, collection and query',
};

/** fabric-shim's checks of a private data query: the number of arguments given, then the collection. */
export function privateQueryCollection(query: PrivateQuery, count: number, collection: unknown): string {
  if (count !== query.count) throw new InvalidArgumentError(query.wrongCount);
  return privateDataName(collection, 'collection');
}

/** fabric-shim's check of a putPrivateData value: anything falsy is refused, with its text. */
export function privateDataValue(value: unknown): Uint8Array {
  if (!value) throw new InvalidArgumentError('value must be valid');
  return bytesArg(value, 'value');
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * A page size as fabric-shim encodes it (a protobuf int32): a number, a numeric string ('3', as
 * fabric-samples' JavaScript contracts pass it) or a boolean; absent is 0 (no paging). Anything
 * that is not an integer in int32 range throws.
 */
export function pageSizeArg(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    const size = Number(value);
    if (Number.isInteger(size) && size >= INT32_MIN && size <= INT32_MAX) return size;
  }
  throw new InvalidArgumentError(`pageSize must be an integer (a number or a numeric string), got ${kindOf(value)}`);
}

/** A bookmark: absent or empty means the first page, as in fabric-shim. */
export function bookmarkArg(value: unknown): string {
  return value === undefined || value === null || value === '' ? '' : stringArg(value, 'bookmark');
}

const COMPOSITE_KEY_NAMESPACE = '\u0000';

/** fabric-shim's rule for range bounds: a key may not start with U+0000 (the composite-key namespace). */
export function checkSimpleKey(key: string): void {
  if (key.length > 0 && key[0] === COMPOSITE_KEY_NAMESPACE) {
    throw new InvalidArgumentError(
      `first character of the key [${key}] contains a null character which is not allowed`,
    );
  }
}

/** The arguments of invokeChaincode as bytes: each a string (UTF-8) or bytes. */
export function chaincodeArgs(args: unknown): Uint8Array[] {
  if (!Array.isArray(args)) {
    throw new InvalidArgumentError(`invokeChaincode args must be an array, got ${kindOf(args)}`);
  }
  const bytes: Uint8Array[] = new Array<Uint8Array>(args.length);
  for (let i = 0; i < args.length; i++) bytes[i] = bytesArg(args[i], `invokeChaincode args[${i}]`);
  return bytes;
}

/** fabric-shim's check of an event name: a non-empty string, with its text. */
export function eventNameArg(name: unknown): string {
  if (typeof name !== 'string' || name === '') throw new InvalidArgumentError('Event name must be a non-empty string');
  return name;
}

/** The channel of invokeChaincode: absent or empty means the caller's channel. */
export function channelArg(value: unknown): string {
  return value === undefined || value === null ? '' : stringArg(value, 'channel');
}
