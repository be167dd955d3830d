import type { ObjectTypeMetadata, SchemaObject } from './contract-metadata';
import { DesignKeys, MetadataKeys } from './metadata-keys';
import { getDesign, getOwn, readNearest } from './metadata-store';
import { registeredObjectClasses } from './object-registry';
import type { ObjectRecord, PropertyRecord } from './records';
import { propertyTypeNotRecorded } from './type-not-recorded';
import { applySchemaOptions, schemaForDesignType, schemaForTypeName } from './type-schema';

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
    const name = record.name === undefined || record.name === '' ? record.field : record.name;
    let schema: SchemaObject | undefined;
    if (record.type !== undefined && record.type !== '') {
      schema = schemaForTypeName(record.type, false);
    } else {
      schema = schemaForDesignType(getDesign(DesignKeys.type, owner, record.field), false);
      // the official writes a dangling `$ref: "Object"` (the chaincode does not start) or throws a
      // TypeError while the class is defined; we give one error, whichever compiler built the class
      if (schema === undefined) throw propertyTypeNotRecorded(record.field, cls.name);
    }
    properties[name] = applySchemaOptions(schema, record.options);
    if (record.options?.required === true && !required.includes(name)) required.push(name);
  }
  return { properties, required };
}
