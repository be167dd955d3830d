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
 * A property of an `@Object` class. Its type is the type string given (`@Property('size', 'number')`,
 * or `{type}` in the options), else the type the compiler recorded for the field; a field whose type
 * was not recorded (no annotation, `any`, an interface, a union) makes creating the chaincode fail
 * with `CC_API_TYPE_NOT_RECORDED`, under every compiler. A name given without a type is ignored (the
 * field name is used), as in the official; `{name}` in the options is always used. An options
 * object may be given first or third.
 */
export function Property(
  nameOrOptions?: string | PropertyOptions,
  type?: string,
  options?: PropertyOptions,
): (target: object, propertyKey: string | symbol) => void {
  const opts = typeof nameOrOptions === 'object' ? nameOrOptions : options;
  const typeName = type ?? opts?.type;
  const hasType = typeName !== undefined && typeName !== '';
  const name = typeof nameOrOptions === 'string' ? (hasType ? nameOrOptions : undefined) : opts?.name;
  return (target, propertyKey) => {
    appendOwn(MetadataKeys.propertyRecords, target, {
      field: String(propertyKey),
      name,
      type: typeName,
      options: opts,
    });
  };
}
