/** fabric-shim's `Iterators` namespace: `Iterators.StateQueryIterator`, `Iterators.HistoryQueryIterator`. */
export { HistoryQueryIterator, StateQueryIterator } from './iterators';
