import { appendOwn } from '../metadata/metadata-store';
import { MetadataKeys } from '../metadata/metadata-keys';
import type { ParamOptions, SchemaOptions } from '../metadata/decorator-options';
import type { MethodRecord } from '../metadata/records';

/** The shape of our method decorators (usable on methods; the descriptor is not needed). */
export type MethodDecoratorFn = (target: object, propertyKey: string | symbol) => void;

function record(target: object, entry: MethodRecord): void {
  appendOwn(MetadataKeys.methodRecords, target, entry);
}

/**
 * Mark a method as a transaction. `submit = false` tags it EVALUATE (a query) instead of SUBMIT;
 * the tag is metadata for clients, nothing enforces it. Parameter types come from the TypeScript
 * design types unless `@Param` gives them.
 */
export function Transaction(submit = true): MethodDecoratorFn {
  return (target, propertyKey) => {
    record(target, { kind: 'transaction', method: String(propertyKey), submit });
  };
}

/**
 * The type of the method's result, as a type string: `'string'`, `'number'`, `'boolean'`, an
 * `@Object` class name, `'T[]'`, `'Array<T>'` or `'Map<string, T>'`.
 */
export function Returns(type?: string, options?: SchemaOptions): MethodDecoratorFn {
  return (target, propertyKey) => {
    record(target, { kind: 'returns', method: String(propertyKey), type: type ?? '', options });
  };
}

/**
 * Name, type and description of one parameter (matched by name with the method's parameters).
 * The fourth argument (or the third, in place of the description) adds JSON Schema constraints.
 */
export function Param(
  name: string,
  type: string,
  description?: string | ParamOptions,
  options?: ParamOptions,
): MethodDecoratorFn {
  const text = typeof description === 'string' ? description : undefined;
  const opts = typeof description === 'object' ? description : options;
  return (target, propertyKey) => {
    record(target, { kind: 'param', method: String(propertyKey), name, type, description: text, options: opts });
  };
}
