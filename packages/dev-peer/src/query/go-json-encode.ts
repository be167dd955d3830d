import { compareKeys } from '../state/key-order';
import { ErlFloat, keysSorted, type EJson } from './ejson';

/**
 * JSON text of a value as Fabric's Go code writes it with encoding/json: object members sorted by
 * key bytes, compact, `<`, `>`, `&`, U+2028 and U+2029 escaped. Numbers are written as CouchDB sent
 * them (Fabric decodes CouchDB's answer with UseNumber and writes the literals back unchanged).
 */
export function goMarshal(value: EJson): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

function write(value: EJson, out: string[]): void {
  if (value === null) out.push('null');
  else if (typeof value === 'boolean') out.push(value ? 'true' : 'false');
  else if (typeof value === 'string') out.push(goQuote(value));
  else if (typeof value === 'number' || value instanceof ErlFloat) out.push(couchNumberText(value));
  else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) out.push(',');
      write(item, out);
    });
    out.push(']');
  } else {
    out.push('{');
    (keysSorted(value.keys()) ? [...value.keys()] : [...value.keys()].sort(compareKeys)).forEach((key, i) => {
      if (i > 0) out.push(',');
      out.push(goQuote(key), ':');
      write(value.get(key) as EJson, out);
    });
    out.push('}');
  }
}

/**
 * A number as CouchDB writes it: integers in full, floats in their shortest form with a fraction.
 * An integer below 1e21 is written with the digits Go wrote it with (a float64's shortest form,
 * e.g. 123456789012345680000), which is the literal CouchDB received and keeps.
 */
export function couchNumberText(value: number | ErlFloat): string {
  if (typeof value === 'number') return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  const text = String(value.value);
  return /[.eEn]/.test(text) ? text : `${text}.0`;
}

const HEX = '0123456789abcdef';

// Characters goQuote writes otherwise than as themselves (surrogates: a lone one becomes \ufffd).
// eslint-disable-next-line no-control-regex -- JSON strings treat U+0000..U+001F specially
const NEEDS_ESCAPE = /["\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/;

/** A string as Go's encoding/json quotes it (HTML-safe). */
export function goQuote(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        out += text.slice(i, i + 2);
        i++;
      } else {
        out += '\\ufffd';
      }
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) {
      out += '\\ufffd';
      continue;
    }
    out += escapeUnit(code, text[i] as string);
  }
  return out + '"';
}

function escapeUnit(code: number, char: string): string {
  switch (char) {
    case '"':
      return '\\"';
    case '\\':
      return '\\\\';
    case '\b':
      return '\\b';
    case '\f':
      return '\\f';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default:
      if (code < 0x20 || char === '<' || char === '>' || char === '&') {
        return `\\u00${HEX[code >> 4] ?? '0'}${HEX[code & 0xf] ?? '0'}`;
      }
      if (code === 0x2028 || code === 0x2029) return `\\u${code.toString(16)}`;
      return char;
  }
}
