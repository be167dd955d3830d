import type { SchemaObject } from '@chaincode/contract-api';
import { ResultTypeError } from './errors/result-type-error';
import type { PeerResult } from './transaction-peer';

/** Where a result came from, for error messages. */
interface CallSite {
  readonly contract: string;
  readonly transaction: string;
}

/** Turns a successful response's payload into a value; throws a ResultTypeError when it is not of the declared type. */
export type ResultDecoder = (result: PeerResult) => unknown;

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Compile the decoder of a transaction's result from its `returns` schema, inverting what the
 * dispatcher's serializer writes (`undefined`/`null` → no payload, primitives → their text,
 * anything else → JSON): an empty payload is `undefined` (`''` for a `string` result); `string` is
 * the text; `number`/`integer` and `boolean` are parsed from their text; objects (`$ref`),
 * arrays and maps are JSON. Without a schema (an async method without `@Returns`, an undecorated
 * contract) a payload that is a JSON object or array is parsed and anything else is the text.
 */
export function compileResultDecoder(site: CallSite, returns: SchemaObject | undefined): ResultDecoder {
  const given: unknown = returns; // metadata read from a chaincode may be anything
  const schema = typeof given === 'object' && given !== null ? (given as SchemaObject) : undefined;
  const kind = resultKind(schema);
  return (result) => {
    const payload = result.payload;
    if (payload.length === 0) return kind === 'string' ? '' : undefined;
    const text = decoder.decode(payload);
    switch (kind) {
      case 'string':
        return text;
      case 'number': {
        const value = text.trim() === '' ? Number.NaN : Number(text);
        if (Number.isNaN(value) && text.trim() !== 'NaN') throw mismatch(site, result, text, 'a number');
        return value;
      }
      case 'boolean':
        if (text === 'true') return true;
        if (text === 'false') return false;
        throw mismatch(site, result, text, 'a boolean');
      case 'object':
        return parseJson(
          site,
          result,
          text,
          'a JSON object',
          (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
        );
      case 'array':
        return parseJson(site, result, text, 'a JSON array', Array.isArray);
      case 'loose':
        return looseValue(text);
    }
  };
}

type ResultKind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'loose';

function resultKind(schema: SchemaObject | undefined): ResultKind {
  if (schema === undefined) return 'loose';
  if (typeof schema.$ref === 'string') return 'object';
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    case 'object':
      return 'object';
    default:
      return 'loose';
  }
}

function looseValue(text: string): unknown {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function parseJson(
  site: CallSite,
  result: PeerResult,
  text: string,
  expected: string,
  accepts: (value: unknown) => boolean,
): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    throw mismatch(site, result, text, expected, err);
  }
  if (!accepts(value)) throw mismatch(site, result, text, expected);
  return value;
}

function mismatch(
  site: CallSite,
  result: PeerResult,
  text: string,
  expected: string,
  cause?: unknown,
): ResultTypeError {
  const shown = JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
  return new ResultTypeError(
    `${site.contract}.${site.transaction} answered ${shown} (transaction ${result.txId}), which is not ${expected} as its @Returns declares`,
    { contract: site.contract, transaction: site.transaction, txId: result.txId, payload: result.payload, cause },
  );
}
