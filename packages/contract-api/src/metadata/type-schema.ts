import type { SchemaOptions } from './decorator-options';
import type { SchemaObject } from './contract-metadata';
import { COMPONENT_REF_PREFIX } from './contract-metadata';
import { DATE_PARAMETER } from './metadata-keys';

/**
 * Turn a type string (`string`, `number`, `boolean`, a class name, `T[]`, `Array<T>`,
 * `Map<string, T>`) into a schema, as fabric-contract-api does. `fullRef` selects
 * `#/components/schemas/T` (parameters and returns) or a bare `T` (properties of an `@Object`).
 */
export function schemaForTypeName(type: string, fullRef = true): SchemaObject {
  const trimmed = type.trim();
  const lower = trimmed.toLowerCase();
  if (lower === 'string' || lower === 'number' || lower === 'boolean') return { type: lower };
  if (lower === 'integer') return { type: 'integer' };
  const element = arrayElement(trimmed);
  if (element !== undefined) return { type: 'array', items: schemaForTypeName(element, fullRef) };
  const value = mapValue(trimmed);
  if (value !== undefined) return { type: 'object', additionalProperties: schemaForTypeName(value, fullRef) };
  return { $ref: (fullRef ? COMPONENT_REF_PREFIX : '') + trimmed };
}

function arrayElement(type: string): string | undefined {
  if (!/^[A-Za-z_$]/.test(type)) return undefined;
  if (type.startsWith('Array<') && type.endsWith('>')) return type.slice('Array<'.length, -1);
  if (type.endsWith('[]')) return type.slice(0, -2);
  return undefined;
}

function mapValue(type: string): string | undefined {
  const m = /^Map<\s*[A-Za-z_$][^,]*,\s*(.+)>$/.exec(type);
  return m?.[1];
}

/** `{type: 'string', format: 'date-time'}`, marked (off the JSON) as a Date. */
function dateSchema(): SchemaObject {
  const schema: SchemaObject = { type: 'string', format: 'date-time' };
  Object.defineProperty(schema, DATE_PARAMETER, { value: true, enumerable: false });
  return schema;
}

/**
 * The schema of a design type (`design:type`, an entry of `design:paramtypes`, `design:returntype`),
 * or undefined when the compiler recorded no usable type. The rule is the same under every compiler:
 * - no design type at all (swc and Babel record none for an unannotated property or parameter, and
 *   no build without decorator metadata records any) and `Object` (what tsc records for an
 *   unannotated property or parameter, and every compiler for `any`, interfaces, unions and object
 *   literal types) are both "not recorded": the caller turns that into one error;
 * - an enum object (what Babel records for an enum type; tsc and swc record Number or String) is the
 *   type of its values, so an enum gives the same schema under every compiler;
 * - `Array` is `{type: 'array'}`, `Date` a date-time string, any other class a reference to it.
 */
export function schemaForDesignType(designType: unknown, fullRef = true): SchemaObject | undefined {
  if (typeof designType === 'string' && designType !== '') return schemaForTypeName(designType, fullRef);
  if (typeof designType === 'object' && designType !== null) {
    const type = enumValueType(designType);
    return type === undefined ? undefined : { type };
  }
  if (typeof designType !== 'function' || designType === Object) return undefined;
  if (designType === Array) return { type: 'array' };
  if (designType === Date) return dateSchema();
  return schemaForTypeName((designType as { name: string }).name, fullRef);
}

/** `number` or `string` when every member of a TypeScript enum object has a value of that type. */
function enumValueType(enumObject: object): 'number' | 'string' | undefined {
  const members = enumObject as Record<string, unknown>;
  // a numeric enum also maps each value back to its name (`{0: 'A', A: 0}`): skip those entries
  const isReverse = (key: string, value: unknown): boolean =>
    typeof value === 'string' && typeof members[value] === 'number' && String(members[value]) === key;
  const values = Object.entries(members)
    .filter(([key, value]) => !isReverse(key, value))
    .map(([, value]) => typeof value);
  if (values.length === 0) return undefined;
  if (values.every((t) => t === 'number')) return 'number';
  if (values.every((t) => t === 'string')) return 'string';
  return undefined;
}

/** Apply our JSON Schema options to a schema (returns a new object; keyword order is stable). */
export function applySchemaOptions(schema: SchemaObject, options: SchemaOptions | undefined): SchemaObject {
  if (options === undefined) return schema;
  const out: SchemaObject = { ...schema };
  if (options.integer === true && out.type === 'number') out.type = 'integer';
  const keywords = [
    'title',
    'description',
    'format',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'multipleOf',
    'minLength',
    'maxLength',
    'pattern',
    'minItems',
    'maxItems',
    'uniqueItems',
    'enum',
    'example',
  ] as const;
  const target = out as Record<string, unknown>;
  for (const k of keywords) {
    const v: unknown = options[k];
    if (v !== undefined) target[k] = Array.isArray(v) ? [...(v as unknown[])] : v;
  }
  return out;
}
