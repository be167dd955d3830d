import type { ObjectTypeMetadata, SchemaObject } from '../metadata/contract-metadata';
import { canonicalJson } from './canonical-json';
import { toPlain } from './class-transform';
import { compileParameterReader } from './parameter-reader';

/** The schema argument of `fromBuffer`: fabric-contract-api's wrapper around one parameter schema. */
export interface FullSchema {
  properties: { prop: SchemaObject };
  components: { schemas: Record<string, ObjectTypeMetadata> };
}

export interface JSONSerializerOptions {
  /** Sort object keys in results (byte-identical JSON for equal values). */
  readonly deterministic?: boolean;
}

/** What `fromBuffer` answers: the value for the function and the JSON form that was validated. */
export interface FromBufferResult {
  value: unknown;
  validateData: unknown;
  jsonForValidation: unknown;
}

/**
 * The default transaction serializer. Results: `undefined`/`null` → no payload, strings, numbers
 * and booleans → their text, anything else → JSON of `instanceToPlain(result)`. Arguments:
 * strings raw, numbers via `Number`, booleans `true`/`false`, `@Object` types and arrays from JSON.
 */
export class JSONSerializer {
  readonly #deterministic: boolean;

  constructor(options: JSONSerializerOptions = {}) {
    this.#deterministic = options.deterministic === true;
  }

  toBuffer(result: unknown, _schema?: SchemaObject, _loggerPrefix?: string): Buffer | undefined {
    if (result === undefined || result === null) return undefined;
    if (typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean') {
      return Buffer.from(String(result));
    }
    const plain = toPlain(result);
    const json = this.#deterministic ? canonicalJson(plain) : (JSON.stringify(plain) as string | undefined);
    return json === undefined ? undefined : Buffer.from(json);
  }

  /**
   * Turn one argument into the value of its parameter (`fullschema.properties.prop` is the
   * parameter's schema). The runtime does the same without calling this for every argument: it
   * compiles the reader once per parameter, unless a subclass overrides `fromBuffer`.
   */
  fromBuffer(data: Uint8Array, fullschema: FullSchema, _loggerPrefix?: string): FromBufferResult {
    const reader = compileParameterReader(fullschema.properties.prop, fullschema.components.schemas);
    const json = reader.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'));
    return { value: reader.materialize(json), validateData: json, jsonForValidation: json };
  }
}
