import { compareKeys } from './key-order';

/**
 * The bytes a CouchDB state database gives back for a value written as `value`. statecouchdb
 * stores a JSON object as a document: it decodes it into a Go map (numbers become float64), and
 * re-encodes it with encoding/json (object keys sorted, no whitespace, floats in Go's format, `<`,
 * `>`, `&`, U+2028 and U+2029 escaped); reads hand back that document. Anything that is not a JSON
 * object (arrays, scalars, other bytes) is stored as an attachment and comes back unchanged.
 */
export function couchDbStoredValue(value: Buffer): Buffer {
  if (value.length === 0 || !/^\s*\{/.test(value.subarray(0, 64).toString('latin1'))) return value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch {
    return value;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return value;
  return Buffer.from(goJson(parsed), 'utf8');
}

function goJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return goString(value);
    case 'number':
      return goFloat(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
      return `{${Object.keys(value)
        .sort(compareKeys)
        .map((k) => `${goString(k)}:${goJson((value as Record<string, unknown>)[k])}`)
        .join(',')}}`;
    default:
      return 'null';
  }
}

// encoding/json floatEncoder: 'f' format, or 'e' below 1e-6 and from 1e21 (e-07 shortened to e-7):
// the same shortest round-trip digits and thresholds as JavaScript's Number#toString.
function goFloat(n: number): string {
  if (Object.is(n, -0)) return '-0';
  return String(n);
}

const GO_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

// encoding/json encodeState.string with HTML escaping (json.Marshal's default).
function goString(s: string): string {
  let out = '"';
  for (const c of s) {
    const escaped = GO_ESCAPES[c];
    if (escaped !== undefined) out += escaped;
    else if (c < ' ') out += '\\u00' + c.charCodeAt(0).toString(16).padStart(2, '0');
    else out += c;
  }
  return out + '"';
}
