import { appendOwn, defineOwn } from '../metadata/metadata-store';
import { MetadataKeys } from '../metadata/metadata-keys';
import { registerObjectClass } from '../metadata/object-registry';
import type { ObjectOptions, PropertyOptions } from '../metadata/decorator-options';

/** A class decorator that accepts any class. */
export type ClassDecoratorFn = (target: abstract new (...args: never[]) => unknown) => void;

/**
 * Make a class a complex type of the contract metadata (`components.schemas.<ClassName>`): JSON
 * arguments of that type become instances of the class, and results are serialized from it.
 */
export function ObjectDecorator(options?: ObjectOptions): ClassDecoratorFn {
  return (target) => {
    defineOwn(MetadataKeys.objectOptions, target, { options });
    registerObjectClass(target);
  };
}

/**
 * A property of an `@Object` class. Without both `name` and `type`, the field name and its design
 * type are used (as the official). An options object may be given first or third.
 */
export function Property(
  nameOrOptions?: string | PropertyOptions,
  type?: string,
  options?: PropertyOptions,
): (target: object, propertyKey: string | symbol) => void {
  const opts = typeof nameOrOptions === 'object' ? nameOrOptions : options;
  const name = typeof nameOrOptions === 'string' ? nameOrOptions : opts?.name;
  const typeName = type ?? opts?.type;
  return (target, propertyKey) => {
    appendOwn(MetadataKeys.propertyRecords, target, {
      field: String(propertyKey),
      name,
      type: typeName,
      options: opts,
    });
  };
}
