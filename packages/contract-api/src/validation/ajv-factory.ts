import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * An ajv 8 instance for contract data: all errors, no type coercion, defaults applied, formats from
 * ajv-formats, and Fabric's annotation keywords (`discriminator`, `example`) accepted.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes: false,
    useDefaults: true,
    strict: false,
    strictNumbers: true,
    validateFormats: true,
  });
  addFormats(ajv);
  return ajv;
}

/**
 * ajv errors as one readable line: `/size must be number; must have required property 'id'; must NOT
 * have additional properties ("extra")`.
 */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  if (errors === null || errors === undefined || errors.length === 0) return 'invalid';
  return errors
    .map((e) => {
      const where = e.instancePath === '' ? '' : `${e.instancePath} `;
      const allowed =
        e.keyword === 'enum' ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})` : '';
      // ajv names the property only in params: "must NOT have additional properties ('extra')"
      const extra =
        e.keyword === 'additionalProperties'
          ? ` (${JSON.stringify((e.params as { additionalProperty?: unknown }).additionalProperty)})`
          : '';
      return `${where}${e.message ?? e.keyword}${allowed}${extra}`;
    })
    .join('; ');
}
