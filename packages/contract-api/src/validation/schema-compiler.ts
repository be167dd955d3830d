import type Ajv from 'ajv';
import { errorMessage } from '../errors/chaincode-error';
import { MetadataError } from '../errors/metadata-error';
import type { ObjectTypeMetadata, SchemaObject } from '../metadata/contract-metadata';
import { COMPONENT_REF_PREFIX } from '../metadata/contract-metadata';
import { addFormatsFor, createAjv, describeErrors } from './ajv-factory';

/** Checks one value; answers undefined when valid, else the reasons as one line. */
export type ValueCheck = (value: unknown) => string | undefined;

/**
 * Compiles JSON Schemas of one chaincode with ajv 8, once, when the chaincode is created. The
 * complex types of `components.schemas` are registered by name, so `#/components/schemas/T`
 * and bare `T` references both resolve.
 */
export class SchemaCompiler {
  readonly #ajv: Ajv;

  /** Throws a MetadataError when a complex type cannot be compiled (e.g. it refers to an unknown type). */
  constructor(components: Readonly<Record<string, ObjectTypeMetadata>>) {
    this.#ajv = createAjv({ formats: 'when-used' });
    addFormatsFor(this.#ajv, components);
    for (const [name, component] of Object.entries(components)) {
      const { $id: _id, ...rest } = normalizeRefs(component) as ObjectTypeMetadata;
      this.#ajv.addSchema(rest, name);
    }
    for (const name of Object.keys(components)) {
      try {
        this.#ajv.getSchema(name);
      } catch (err) {
        throw new MetadataError(
          'CC_API_SCHEMA_COMPILE',
          `The schema of ${name} in components.schemas cannot be compiled: ${errorMessage(err)}`,
          { cause: err },
        );
      }
    }
  }

  /** Compile a check for one schema; throws (with ajv's reason) when the schema cannot compile. */
  compile(schema: SchemaObject): ValueCheck {
    addFormatsFor(this.#ajv, schema);
    const validate = this.#ajv.compile(normalizeRefs(schema) as object);
    return (value) => (validate(value) ? undefined : describeErrors(validate.errors));
  }
}

/** A deep copy with `#/components/schemas/T` references turned into `T`. */
function normalizeRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeRefs);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENT_REF_PREFIX)) {
      out[k] = v.slice(COMPONENT_REF_PREFIX.length);
    } else if (typeof v !== 'function') {
      out[k] = normalizeRefs(v);
    }
  }
  return out;
}
