import { OBJECT_REGISTRY_KEY } from './metadata-keys';

/**
 * Every class marked `@Object`, in the order they were defined. As in fabric-contract-api, all of
 * them appear in `components.schemas`, whether or not a transaction uses them. Kept on `globalThis`
 * so duplicate copies of this package share it.
 */
type Registry = Map<string, abstract new (...args: never[]) => unknown>;

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  let found = holder[OBJECT_REGISTRY_KEY];
  if (found === undefined) {
    found = new Map();
    holder[OBJECT_REGISTRY_KEY] = found;
  }
  return found;
}

/** Record a class (a later class with the same name replaces the earlier one, as the official). */
export function registerObjectClass(cls: abstract new (...args: never[]) => unknown): void {
  registry().set(cls.name, cls);
}

/** The registered classes by name, in definition order. */
export function registeredObjectClasses(): ReadonlyMap<string, abstract new (...args: never[]) => unknown> {
  return registry();
}
