/**
 * fabric-shim's `Iterators` names (`Iterators.StateQueryIterator`, `Iterators.KV`...), the ones
 * helper functions are typed with: all interfaces, so any iterator a query returns fits them.
 */
export type {
  CommonIterator,
  HistoryQueryIterator,
  KeyModification,
  KV,
  NextKeyModificationResult,
  NextResult,
  StateQueryIterator,
} from './iterators';
