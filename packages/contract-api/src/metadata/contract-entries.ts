import { Contract, isContractClass, type ContractClass } from '../contract/contract';
import { MetadataError } from '../errors/metadata-error';
import type { ContractEntry } from './build-metadata';
import { isDefaultContract } from './contract-flags';

/**
 * One instance per contract class, in order, with its name, the class its `createContext()` returns
 * and which one is the default (the one marked `@Default()`, else the first). Throws a MetadataError
 * for something that is not a contract class, two contracts of one name, or two defaults.
 */
export function instantiateContracts(classes: readonly unknown[]): ContractEntry[] {
  const entries: ContractEntry[] = [];
  const defaults: string[] = [];
  for (const cls of classes) {
    assertContractClass(cls);
    const instance = new cls();
    if (!Contract._isContract(instance)) {
      throw new MetadataError('CC_API_INVALID_CONTRACT', `invalid contract instance ${describeClass(cls)}`);
    }
    const name = instance.getName();
    if (entries.some((e) => e.name === name)) {
      throw new MetadataError(
        'CC_API_DUPLICATE_CONTRACT',
        `Two contracts are named ${name}: contract names must be unique`,
      );
    }
    const isDefault = isDefaultContract(cls);
    if (isDefault) defaults.push(name);
    entries.push({ name, instance, isDefault, contextClass: contextClassOf(instance) });
  }
  if (defaults.length > 1) {
    throw new MetadataError(
      'CC_API_DUPLICATE_DEFAULT',
      `A default has already been specified: ${defaults.join(' and ')} are both marked @Default()`,
    );
  }
  const first = entries[0];
  if (defaults.length === 0 && first !== undefined) entries[0] = { ...first, isDefault: true };
  return entries;
}

/**
 * Throws a MetadataError (CC_API_INVALID_CONTRACT) saying why `value` is not a class extending our
 * Contract; a class extending fabric-contract-api's Contract gets the migration hint.
 */
export function assertContractClass(value: unknown): asserts value is ContractClass {
  if (!isContractClass(value)) {
    throw new MetadataError(
      'CC_API_INVALID_CONTRACT',
      `invalid contract class ${describeClass(value)}: ${notContractReason(value)}`,
    );
  }
}

function contextClassOf(instance: Contract): unknown {
  try {
    return (instance.createContext() as { constructor: unknown }).constructor;
  } catch {
    return undefined;
  }
}

/** Why a value is not one of our contract classes (a fabric-contract-api Contract gets a migration hint). */
function notContractReason(cls: unknown): string {
  if (typeof cls === 'function') {
    try {
      const probe: unknown = new (cls as new () => unknown)();
      if (typeof probe === 'object' && probe !== null && (probe as { __isContract?: unknown }).__isContract === true) {
        return "it extends fabric-contract-api's Contract: import Contract (and the decorators) from @chaincode/contract-api instead";
      }
    } catch {
      // not constructible without arguments
    }
  }
  return 'it does not extend Contract';
}

function describeClass(value: unknown): string {
  return typeof value === 'function' ? value.name || '(anonymous class)' : typeof value;
}
