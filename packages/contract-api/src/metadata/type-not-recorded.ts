import { MetadataError } from '../errors/metadata-error';

const DECORATOR_METADATA =
  'and check that the build emits decorator metadata (tsc emitDecoratorMetadata, swc decoratorMetadata, babel-plugin-transform-typescript-metadata)';

/**
 * The one error for a property of an `@Object` class whose type the compiler did not record (see
 * `schemaForDesignType`): the same text whichever compiler built the class.
 */
export function propertyTypeNotRecorded(field: string, className: string): MetadataError {
  return new MetadataError(
    'CC_API_TYPE_NOT_RECORDED',
    `Type not properly specified for property ${field} of ${className}: the compiler recorded no usable type (no annotation, any, an interface or a union). ` +
      `Annotate it with a class or a primitive type (${field}: string) or give the type: @Property('${field}', '<type>'), ${DECORATOR_METADATA}`,
  );
}

/**
 * The one error for a transaction parameter whose type the compiler did not record. It starts with
 * fabric-contract-api's own sentence for a parameter typed Object.
 */
export function parameterTypeNotRecorded(name: string, transaction: string, contract: string): MetadataError {
  return new MetadataError(
    'CC_API_TYPE_NOT_RECORDED',
    `Type not properly specified for parameter ${name}, can not process pure Object types: ` +
      `the compiler recorded no usable type for parameter ${name} of transaction ${transaction} in contract ${contract} (no annotation, any, an interface or a union). ` +
      `Annotate it with a class or a primitive type (${name}: string) or describe it: @Param('${name}', '<type>'), ${DECORATOR_METADATA}`,
  );
}
