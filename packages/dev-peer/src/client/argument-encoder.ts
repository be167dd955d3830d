import type { ParameterMetadata, SchemaObject } from '@chaincode/contract-api/internal';
import { CallRefusedError } from './errors/call-refused-error';

/** Where an argument goes, for error messages. */
interface CallSite {
  readonly contract: string;
  readonly transaction: string;
}

/** Turns one argument into the text a Fabric client sends; throws a CallRefusedError for a wrong type. */
type ParameterEncoder = (value: unknown, site: CallSite) => string;

/** Encodes the arguments of one transaction, checking their number and types first. */
export type ArgumentsEncoder = (args: readonly unknown[]) => string[];

/**
 * Compile the encoder of a transaction's arguments from its metadata parameters, the way a Fabric
 * client application sends them and the contract dispatcher reads them back: strings as they
 * are, numbers and booleans as their text (what `Number()` and "true"/"false" read), objects and
 * arrays as JSON, a `Date` for a `date-time` string as its ISO text. Without parameter metadata
 * (an undecorated JavaScript contract) strings go as they are and anything else as JSON.
 */
export function compileArgumentsEncoder(
  site: CallSite,
  parameters: readonly ParameterMetadata[] | undefined,
): ArgumentsEncoder {
  if (parameters === undefined) {
    return (args) => args.map((value, index) => encodeLoose(value, `#${String(index)}`, site));
  }
  const encoders = parameters.map((p, index) => parameterEncoder(p, index));
  const names = parameters.map((p, index) => parameterName(p, index));
  const total = parameters.length;
  let required = total;
  while (required > 0 && parameters[required - 1]?.required === false) required--;
  return (args) => {
    let count = args.length;
    // an optional parameter at the end given as undefined is left out, as if not passed
    while (count > required && args[count - 1] === undefined) count--;
    if (count > total || count < required) throw countError(site, names, required, total, count);
    const out = new Array<string>(count);
    for (let i = 0; i < count; i++) out[i] = (encoders[i] as ParameterEncoder)(args[i], site);
    return out;
  };
}

function parameterName(parameter: ParameterMetadata, index: number): string {
  return typeof parameter.name === 'string' && parameter.name !== '' ? parameter.name : `#${String(index)}`;
}

function countError(
  site: CallSite,
  names: readonly string[],
  required: number,
  total: number,
  given: number,
): CallRefusedError {
  const expected = required === total ? String(total) : `${String(required)} to ${String(total)}`;
  const plural = total === 1 && required === total ? 'argument' : 'arguments';
  const list = names.length === 0 ? '' : ` (${names.join(', ')})`;
  return new CallRefusedError(
    'CC_DEVPEER_CLIENT_ARGUMENT_COUNT',
    `${site.contract}.${site.transaction} takes ${expected} ${plural}${list}, ${String(given)} given`,
    { contract: site.contract, transaction: site.transaction },
  );
}

function parameterEncoder(parameter: ParameterMetadata, index: number): ParameterEncoder {
  const name = parameterName(parameter, index);
  const given: unknown = parameter.schema; // metadata read from a chaincode may be anything
  const schema = typeof given === 'object' && given !== null ? (given as SchemaObject) : undefined;
  if (schema === undefined) return (value, site) => encodeLoose(value, name, site);
  if (typeof schema.$ref === 'string') return jsonEncoder(name, 'an object', isPlainObjectLike);
  switch (schema.type) {
    case 'string':
      return schema.format === 'date-time' ? dateTimeEncoder(name) : stringEncoder(name);
    case 'number':
    case 'integer':
      return numberEncoder(name, schema.type);
    case 'boolean':
      return booleanEncoder(name);
    case 'array':
      return jsonEncoder(name, 'an array', Array.isArray);
    case 'object':
      return jsonEncoder(name, 'an object', isPlainObjectLike);
    default:
      return (value, site) => encodeLoose(value, name, site);
  }
}

function typeError(site: CallSite, name: string, expected: string, value: unknown, reason?: string): CallRefusedError {
  return new CallRefusedError(
    'CC_DEVPEER_CLIENT_ARGUMENT_TYPE',
    `argument '${name}' of ${site.contract}.${site.transaction} must be ${expected}, got ${reason ?? describe(value)}`,
    { contract: site.contract, transaction: site.transaction, parameter: name },
  );
}

function stringEncoder(name: string): ParameterEncoder {
  return (value, site) => {
    if (typeof value === 'string') return value;
    throw typeError(site, name, 'a string', value);
  };
}

function dateTimeEncoder(name: string): ParameterEncoder {
  return (value, site) => {
    if (typeof value === 'string') return value;
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) throw typeError(site, name, 'a date-time', value, 'an invalid Date');
      return value.toISOString();
    }
    throw typeError(site, name, 'a Date or a date-time string', value);
  };
}

function numberEncoder(name: string, type: string): ParameterEncoder {
  return (value, site) => {
    if (typeof value === 'number' || typeof value === 'bigint') return String(value);
    throw typeError(site, name, type === 'integer' ? 'an integer number' : 'a number', value);
  };
}

function booleanEncoder(name: string): ParameterEncoder {
  return (value, site) => {
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    throw typeError(site, name, 'a boolean', value);
  };
}

function jsonEncoder(name: string, expected: string, accepts: (value: unknown) => boolean): ParameterEncoder {
  return (value, site) => {
    if (!accepts(value)) throw typeError(site, name, expected, value);
    return toJson(value, name, expected, site);
  };
}

/** Parameters of an unknown type: strings as they are, anything else as JSON. */
function encodeLoose(value: unknown, name: string, site: CallSite): string {
  if (typeof value === 'string') return value;
  if (value === undefined) throw typeError(site, name, 'a value', value);
  return toJson(value, name, 'a JSON value', site);
}

function toJson(value: unknown, name: string, expected: string, site: CallSite): string {
  let json: unknown;
  try {
    json = JSON.stringify(value);
  } catch (err) {
    throw typeError(
      site,
      name,
      expected,
      value,
      `a value JSON cannot hold (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  if (typeof json !== 'string') throw typeError(site, name, expected, value, 'a value JSON cannot hold');
  return json;
}

function isPlainObjectLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** A short description of a value for an error message. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date';
  if (value instanceof Uint8Array) return 'bytes';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
    case 'bigint':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'undefined':
      return 'undefined';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
