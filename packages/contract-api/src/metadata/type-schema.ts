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

/** The design type TypeScript emitted (a constructor, or undefined) as a type string, or a schema for the types we map ourselves. */
export type DesignTypeResolution =
  { readonly typeName: string } | { readonly schema: SchemaObject } | { readonly unusable: string };

/** Resolve a `design:*` type. `Object` (interfaces, unions, any) cannot be used, as in the official. */
export function resolveDesignType(designType: unknown): DesignTypeResolution {
  if (typeof designType !== 'function') {
    if (designType === undefined) return { unusable: 'undefined' };
    return { typeName: typeof designType === 'string' ? designType : typeof designType };
  }
  const name = (designType as { name: string }).name;
  if (designType === Array) return { schema: { type: 'array' } };
  if (designType === Date) return { schema: dateSchema() };
  if (name === 'Object') return { unusable: 'Object' };
  return { typeName: name };
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
