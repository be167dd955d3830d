import { errorMessage, type ChaincodeErrorOptions } from '../errors/chaincode-error';
import { ContractApiError } from '../errors/contract-api-error';
import type { ObjectTypeMetadata, SchemaObject } from '../metadata/contract-metadata';
import { DATE_PARAMETER } from '../metadata/metadata-keys';
import { registeredObjectClasses } from '../metadata/object-registry';
import { toInstance } from './class-transform';

/** An argument cannot be turned into the parameter's type; `reason` says why. */
export class ParameterConversionError extends ContractApiError<'CC_API_PARAMETER_CONVERSION'> {
  readonly reason: string;

  constructor(reason: string, options?: ChaincodeErrorOptions) {
    super('CC_API_PARAMETER_CONVERSION', reason, options);
    this.reason = reason;
  }
}

/**
 * Reads one argument in two steps, so validation sees the JSON form of the input and the
 * transaction function gets typed values: `parse` (text → JSON form), then, after validation,
 * `materialize` (JSON form → class instances for `@Object` types).
 */
export interface ParameterReader {
  readonly parse: (text: string) => unknown;
  readonly materialize: (json: unknown) => unknown;
}

const identity = (json: unknown): unknown => json;

/** Compile a reader for a parameter schema once; `components` are the metadata's complex types. */
export function compileParameterReader(
  schema: SchemaObject,
  components: Readonly<Record<string, ObjectTypeMetadata>>,
): ParameterReader {
  if (typeof schema.$ref === 'string') return objectReader(refName(schema.$ref), components);
  switch (schema.type) {
    case 'string':
      return { parse: (text) => text, materialize: DATE_PARAMETER in schema ? toDate : identity };
    case 'number':
    case 'integer':
      return { parse: parseNumber, materialize: identity };
    case 'boolean':
      return { parse: parseBoolean, materialize: identity };
    case 'array':
      return arrayReader(schema, components);
    case 'object':
      return { parse: (text) => parseJson(text, 'a JSON object'), materialize: identity };
    case undefined:
      return failing(`Incorrect type information ${JSON.stringify(schema)}`);
    default:
      return { parse: parseLoose, materialize: bufferOrValue };
  }
}

/** The component name a `$ref` points at (`#/components/schemas/Asset` or `Asset`). */
export function refName(ref: string): string {
  const at = ref.lastIndexOf('/');
  return at === -1 ? ref : ref.slice(at + 1);
}

function toDate(json: unknown): unknown {
  return typeof json === 'string' ? new Date(json) : json;
}

function failing(reason: string): ParameterReader {
  return {
    parse: () => {
      throw new ParameterConversionError(reason);
    },
    materialize: identity,
  };
}

function parseNumber(text: string): number {
  const value = Number(text);
  if (Number.isNaN(value)) throw new ParameterConversionError(`${quote(text)} is not a number`);
  return value;
}

function parseBoolean(text: string): boolean {
  const b = text.trim().toLowerCase();
  if (b === 'true') return true;
  if (b === 'false') return false;
  throw new ParameterConversionError(`${quote(text)} is not a boolean (true or false)`);
}

function parseJson(text: string, expected: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ParameterConversionError(`${quote(text)} is not ${expected}: ${errorMessage(err)}`, { cause: err });
  }
}

/** Any other type: JSON when it parses, else the text (as the official). */
function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function bufferOrValue(json: unknown): unknown {
  if (typeof json === 'object' && json !== null && (json as { type?: unknown }).type === 'Buffer') {
    const data = (json as { data?: unknown }).data;
    if (Array.isArray(data)) return Buffer.from(data as number[]);
  }
  return json;
}

function objectReader(name: string, components: Readonly<Record<string, ObjectTypeMetadata>>): ParameterReader {
  if (!Object.hasOwn(components, name)) return failing(`unknown type ${name}: no such schema in components.schemas`);
  const cls = registeredObjectClasses().get(name);
  return {
    parse: (text) => parseJson(text, `a JSON object (${name})`),
    materialize:
      cls === undefined
        ? identity
        : (json) =>
            typeof json === 'object' && json !== null && !Array.isArray(json)
              ? toInstance(cls as new () => object, json as Record<string, unknown>)
              : json,
  };
}

function arrayReader(schema: SchemaObject, components: Readonly<Record<string, ObjectTypeMetadata>>): ParameterReader {
  const items = schema.items;
  const element = items === undefined ? undefined : elementMaterializer(items, components);
  return {
    parse: (text) => {
      const json = parseJson(text, 'a JSON array');
      if (!Array.isArray(json)) throw new ParameterConversionError(`${quote(text)} is not a JSON array`);
      return json as unknown[];
    },
    materialize: element === undefined ? identity : (json): unknown => (json as unknown[]).map(element),
  };
}

/** How an element already in JSON form becomes a value (no text parsing: it is JSON already). */
function elementMaterializer(
  schema: SchemaObject,
  components: Readonly<Record<string, ObjectTypeMetadata>>,
): ((json: unknown) => unknown) | undefined {
  if (typeof schema.$ref === 'string') {
    const { materialize } = objectReader(refName(schema.$ref), components);
    return materialize === identity ? undefined : materialize;
  }
  if (schema.type === 'array' && schema.items !== undefined) {
    const inner = elementMaterializer(schema.items, components);
    return inner === undefined ? undefined : (json) => (Array.isArray(json) ? json.map(inner) : json);
  }
  return undefined;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);
}
