/**
 * A protobuf Timestamp as the stub hands it out. `seconds` is a `Long` (the `long` package) on the
 * wire-decoded value, exactly as fabric-shim 2.5 gives it; the type admits plain numbers too.
 */
export interface LongLike {
  readonly low: number;
  readonly high: number;
  readonly unsigned: boolean;
  toNumber(): number;
  toString(radix?: number): string;
}

export interface Timestamp {
  seconds: LongLike | number;
  nanos: number;
}
