import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import type addFormatsFunction from 'ajv-formats';
import type { _ as CodegenTag } from 'ajv';

/** The keywords ajv-formats gives a meaning to: a schema without any of them validates the same without it. */
const FORMAT_KEYWORDS: ReadonlySet<string> = new Set([
  'format',
  'formatMaximum',
  'formatMinimum',
  'formatExclusiveMaximum',
  'formatExclusiveMinimum',
]);

/**
 * An ajv 8 instance for contract data: all errors, no type coercion, defaults applied, formats from
 * ajv-formats, and Fabric's annotation keywords (`discriminator`, `example`) accepted. With
 * `formats: 'when-used'` the formats are left to `addFormatsFor` (ajv-formats, its own ajv copy
 * included where the install did not deduplicate it, is a good part of a chaincode's startup).
 * ajv itself is loaded on the first call: a process that never compiles a schema (a low-level
 * chaincode, which still imports the dispatcher through the shim's index) never loads its ~60 modules.
 */
export function createAjv(options: { formats?: 'always' | 'when-used'; standaloneCode?: boolean } = {}): Ajv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a schema is compiled
  const ajvModule = require('ajv') as { default: typeof Ajv; _: typeof CodegenTag };
  const ajv = new ajvModule.default({
    allErrors: true,
    coerceTypes: false,
    useDefaults: true,
    strict: false,
    strictNumbers: true,
    validateFormats: true,
    // for ajv's standalone code (the build precompiles the metadata schema): formats are required at run time
    ...(options.standaloneCode === true
      ? { code: { source: true, formats: ajvModule._`require("ajv-formats/dist/formats").fullFormats` } }
      : {}),
  });
  if (options.formats !== 'when-used') addFormats(ajv);
  return ajv;
}

const formatsAdded = new WeakSet<Ajv>();

/** Add ajv-formats to an instance made with `formats: 'when-used'` if `schema` uses a format keyword. */
export function addFormatsFor(ajv: Ajv, schema: unknown): void {
  if (formatsAdded.has(ajv) || !usesFormatKeyword(schema)) return;
  addFormats(ajv);
}

function addFormats(ajv: Ajv): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a schema uses formats
  const loaded = require('ajv-formats') as { default: typeof addFormatsFunction };
  loaded.default(ajv);
  formatsAdded.add(ajv);
}

/** Any object key of the tree is a format keyword (a property named `format` counts too: harmless). */
function usesFormatKeyword(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(usesFormatKeyword);
  for (const [key, inner] of Object.entries(value)) {
    if (FORMAT_KEYWORDS.has(key) || usesFormatKeyword(inner)) return true;
  }
  return false;
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
