// The `export =` form of long's typings, which any consumer can import (no esModuleInterop
// needed), as fabric-shim-api imports it. Types only: nothing is loaded at run time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import Long = require('long');

/**
 * A protobuf Timestamp as `getTxTimestamp()` gives it, exactly as fabric-shim 2.5 does: `seconds`
 * is an unsigned `Long` (the `long` package), so `ts.seconds.toNumber()` and `ts.seconds.low` work.
 */
export interface Timestamp {
  seconds: Long;
  nanos: number;
}
