import { couchNumberText, goQuote } from './go-json-encode';
import { ErlFloat, type EJson } from './ejson';

/** JSON text of an EJSON term that keeps member order and floats (1.0 stays 1.0), as CouchDB writes it. */
export function ejsonText(value: EJson): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || value instanceof ErlFloat) return couchNumberText(value);
  if (Array.isArray(value)) return `[${value.map(ejsonText).join(',')}]`;
  return `{${[...value].map(([k, v]) => `${goQuote(k)}:${ejsonText(v)}`).join(',')}}`;
}
