import type Ajv from 'ajv';
import { MetadataError } from '../errors/metadata-error';
import type { ObjectTypeMetadata, SchemaObject } from '../metadata/contract-metadata';
import { COMPONENT_REF_PREFIX } from '../metadata/contract-metadata';
import { addFormatsFor, createAjv, describeErrors } from './ajv-factory';
import { primitiveCheck, type ValueCheck } from './primitive-check';

export type { ValueCheck } from './primitive-check';

/**
 * Compiles JSON Schemas of one chaincode with ajv 8. The complex types of `components.schemas` are
 * registered by name, so `#/components/schemas/T` and bare `T` references both resolve.
 *
 * Creating one is cheap: references are checked at once (a complex type that refers to an unknown
 * type fails here, when the chaincode is created), but ajv is loaded, and a schema compiled, only
 * when `compile` is first called. A chaincode compiles a parameter's check on the first call of its
 * transaction, so a process registers with its peer without paying for ajv (~60 modules and its
 * meta-schema, 40-50 ms of a 2-core machine) or for transactions it is never asked to run. A schema
 * that is only a primitive type is checked without ajv at all (see primitive-check.ts).
 */
export class SchemaCompiler {
  readonly #components: Readonly<Record<string, unknown>>;
  #ajv: Ajv | undefined;

  /** Throws a MetadataError when a complex type refers to a type that is not among them. */
  constructor(components: Readonly<Record<string, ObjectTypeMetadata>>) {
    const normalized: Record<string, unknown> = {};
    for (const [name, component] of Object.entries(components)) {
      const { $id: _id, ...rest } = normalizeRefs(component) as ObjectTypeMetadata;
      normalized[name] = rest;
    }
    for (const [name, schema] of Object.entries(normalized)) {
      const unknown = references(schema).find((ref) => !isLocalRef(ref) && !Object.hasOwn(normalized, ref));
      if (unknown !== undefined) {
        throw new MetadataError(
          'CC_API_SCHEMA_COMPILE',
          `The schema of ${name} in components.schemas cannot be compiled: it refers to ${JSON.stringify(unknown)}, ` +
            'which is not a complex type of the metadata (components.schemas)',
        );
      }
    }
    this.#components = normalized;
  }

  /** Compile a check for one schema; throws (with ajv's reason) when the schema cannot compile. */
  compile(schema: SchemaObject): ValueCheck {
    const primitive = primitiveCheck(schema);
    if (primitive !== undefined) return primitive;
    const ajv = this.#loaded();
    addFormatsFor(ajv, schema);
    const validate = ajv.compile(normalizeRefs(schema) as object);
    return (value) => (validate(value) ? undefined : describeErrors(validate.errors));
  }

  /** The ajv instance with the complex types registered (compiled by ajv when first referenced). */
  #loaded(): Ajv {
    if (this.#ajv !== undefined) return this.#ajv;
    const ajv = createAjv({ formats: 'when-used' });
    addFormatsFor(ajv, this.#components);
    for (const [name, schema] of Object.entries(this.#components)) ajv.addSchema(schema as object, name);
    this.#ajv = ajv;
    return ajv;
  }
}

/** Every `$ref` value in a schema tree. */
function references(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) references(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') found.push(v);
      else references(v, found);
    }
  }
  return found;
}

/** A reference inside the same schema (`#`, `#/definitions/x`): not a complex type's name. */
function isLocalRef(ref: string): boolean {
  return ref.startsWith('#');
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
