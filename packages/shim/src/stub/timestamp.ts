import type { Timestamp } from '@chaincode/contract-api';
import Long from 'long';

/** An int64 as protobufjs decodes it: a Long, a number for small values, or absent. */
type Int64 = Long | number | null | undefined;

interface DecodedTimestamp {
  seconds?: Int64;
  nanos?: number | null;
}

/** An int64 field as a Long; absent reads as zero (protobuf's default). */
export function toLong(value: Int64): Long {
  if (value === null || value === undefined) return Long.ZERO;
  return typeof value === 'number' ? Long.fromNumber(value) : value;
}

/** An int64 field as a JavaScript number (as google-protobuf reads it for fabric-shim). */
export function toNumber(value: Int64): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}

/**
 * The proposal timestamp as fabric-shim's getTxTimestamp() gives it: `{nanos, seconds}` in that
 * key order, `seconds` an unsigned Long made from the seconds as a number.
 */
export function txTimestamp(ts: DecodedTimestamp | null | undefined): Timestamp {
  return { nanos: ts?.nanos ?? 0, seconds: Long.fromNumber(toNumber(ts?.seconds), true) };
}

/**
 * A history entry's timestamp as fabric-shim gives it (google-protobuf's toObject): plain
 * numbers `{seconds, nanos}`. Typed as Timestamp because fabric-shim-api declares it so.
 */
export function historyTimestamp(ts: DecodedTimestamp | null | undefined): Timestamp {
  return { seconds: toNumber(ts?.seconds), nanos: ts?.nanos ?? 0 } as unknown as Timestamp;
}

/**
 * The timestamp as a Date, computed as fabric-shim does (google-protobuf's toDate: milliseconds
 * as a float, so 999999999 ns can round up into the next second).
 */
export function timestampDate(ts: DecodedTimestamp | null | undefined): Date {
  return new Date(toNumber(ts?.seconds) * 1000 + (ts?.nanos ?? 0) / 1000000);
}
