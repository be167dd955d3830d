import { MetadataError } from '../errors/metadata-error';
import type { ObjectTypeMetadata, SchemaObject } from './contract-metadata';
import { DesignKeys, MetadataKeys } from './metadata-keys';
import { getDesign, getOwn, readNearest } from './metadata-store';
import { registeredObjectClasses } from './object-registry';
import type { ObjectRecord, PropertyRecord } from './records';
import { applySchemaOptions, resolveDesignType, schemaForTypeName } from './type-schema';

type AnyClass = abstract new (...args: never[]) => unknown;

/**
 * `components.schemas` for every `@Object` class defined so far, in definition order (as the
 * official, which lists them all). A class extending another gets
 * `allOf: [{type: 'object', properties}, {$ref: '<Parent>'}]`.
 */
export function buildObjectSchemas(): Record<string, ObjectTypeMetadata> {
  const schemas: Record<string, ObjectTypeMetadata> = {};
  for (const [name, cls] of registeredObjectClasses()) schemas[name] = objectSchema(name, cls);
  return schemas;
}

function objectSchema(name: string, cls: AnyClass): ObjectTypeMetadata {
  const { properties, required } = propertiesOf(cls);
  const options = getOwn<ObjectRecord>(MetadataKeys.objectOptions, cls)?.options;
  const parent = Object.getPrototypeOf(cls.prototype) as { constructor: { name: string } } | null;
  const parentName = parent?.constructor.name ?? 'Object';
  if (parentName === 'Object') {
    const schema: ObjectTypeMetadata = { $id: name, type: 'object', properties };
    if (required.length > 0) schema.required = required;
    if (options?.discriminator !== undefined && options.discriminator !== '') {
      schema.discriminator = { propertyName: options.discriminator };
    }
    if (options?.additionalProperties !== undefined) schema.additionalProperties = options.additionalProperties;
    return schema;
  }
  const own: SchemaObject = { type: 'object', properties };
  if (required.length > 0) own.required = required;
  return { $id: name, allOf: [own, { $ref: parentName }] };
}

function propertiesOf(cls: AnyClass): { properties: Record<string, SchemaObject>; required: string[] } {
  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  const proto = cls.prototype as object;
  for (const { owner, record } of readNearest<PropertyRecord>(MetadataKeys.propertyRecords, proto)) {
    let name = record.name;
    let schema: SchemaObject;
    if (name === undefined || name === '' || record.type === undefined || record.type === '') {
      name = record.field;
      const resolved = resolveDesignType(getDesign(DesignKeys.type, owner, record.field));
      if ('unusable' in resolved) {
        if (resolved.unusable === 'undefined') {
          throw new MetadataError(
            'INVALID_TYPE',
            `No type for property ${record.field} of ${cls.name}: give it as @Property('${record.field}', '<type>') (design types need emitDecoratorMetadata)`,
          );
        }
        // An interface, union or `any` (design type Object): any JSON value (the official emits a
        // dangling `$ref: "Object"` and the chaincode fails to start).
        schema = {};
      } else {
        schema = 'schema' in resolved ? resolved.schema : schemaForTypeName(resolved.typeName, false);
      }
    } else {
      schema = schemaForTypeName(record.type, false);
    }
    properties[name] = applySchemaOptions(schema, record.options);
    if (record.options?.required === true && !required.includes(name)) required.push(name);
  }
  return { properties, required };
}
