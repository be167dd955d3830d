import type {
  HistoryQueryIterator as HistoryQueryIteratorApi,
  StateQueryIterator as StateQueryIteratorApi,
} from '@chaincode/contract-api';
import {
  HistoryQueryIterator as HistoryQueryIteratorClass,
  StateQueryIterator as StateQueryIteratorClass,
} from './iterators';

/**
 * fabric-shim's `Iterators`. As a type, each name is the interface (so a helper typed
 * `Iterators.StateQueryIterator` takes whatever a query resolves with); as a value, the iterator
 * class, which fabric-shim also exports (tests stub its prototype with sinon).
 */
export type StateQueryIterator = StateQueryIteratorApi;
export const StateQueryIterator = StateQueryIteratorClass;
export type HistoryQueryIterator = HistoryQueryIteratorApi;
export const HistoryQueryIterator = HistoryQueryIteratorClass;
export type {
  CommonIterator,
  KeyModification,
  KV,
  NextKeyModificationResult,
  NextResult,
} from '@chaincode/contract-api';
