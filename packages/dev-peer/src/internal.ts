/**
 * @internal Entry for our sibling packages, the benchmarks and the error docs. Not part of the
 * public API: it may change in any release. Users import from `@chaincode/dev-peer` only.
 */
export { devPeerErrorCodes, type DevPeerErrorCode } from './errors/codes';
export {
  runTypedClientBenchmark,
  type BenchmarkRun,
  type TypedClientBenchmarkOptions,
  type TypedClientBenchmarkResult,
} from './client/bench/typed-client-benchmark';
