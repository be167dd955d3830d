import { isContractClass, type ContractClass } from '../contract/contract';
import { assertContractClass } from './contract-entries';

/** A property of a module's exports (or of its `default`), or undefined when there is none. */
export function exportedField(exported: unknown, name: string): unknown {
  if ((typeof exported !== 'object' && typeof exported !== 'function') || exported === null) return undefined;
  return (exported as Record<string, unknown>)[name];
}

/**
 * The contract classes a contract module exports, found as `fabric-chaincode-node start` finds
 * them: `contracts` (an array or one class), the same under `default`, or the module (or its
 * `default`) being one Contract class. Undefined when there is none; an empty array when
 * `contracts` is one.
 * @throws MetadataError (CC_API_INVALID_CONTRACT) when the `contracts` array holds something that is
 * not one of our Contract classes (a fabric-contract-api class gets the migration hint).
 */
export function findExportedContracts(exported: unknown): ContractClass[] | undefined {
  const candidates = [
    exportedField(exported, 'contracts'),
    exportedField(exportedField(exported, 'default'), 'contracts'),
    exported,
    exportedField(exported, 'default'),
  ];
  for (const candidate of candidates) {
    if (candidate === undefined || candidate === null) continue;
    if (Array.isArray(candidate)) {
      for (const entry of candidate as unknown[]) assertContractClass(entry);
      return candidate as ContractClass[];
    }
    if (isContractClass(candidate)) return [candidate];
  }
  return undefined;
}
