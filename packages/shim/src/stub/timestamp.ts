import type { Timestamp } from '@chaincode/contract-api';
import Long from 'long';

/** An int64 as protobufjs decodes it: a Long, a number for small values, or absent. */
type Int64 = Long | number | null | undefined;

/** An int64 field as a Long; absent reads as zero (protobuf's default). */
export function toLong(value: Int64): Long {
  if (value === null || value === undefined) return Long.ZERO;
  return typeof value === 'number' ? Long.fromNumber(value) : value;
}

/** A decoded google.protobuf.Timestamp (possibly absent) as the stub's Timestamp. */
export function toTimestamp(ts: { seconds?: Int64; nanos?: number | null } | null | undefined): Timestamp {
  return { seconds: toLong(ts?.seconds), nanos: ts?.nanos ?? 0 };
}
