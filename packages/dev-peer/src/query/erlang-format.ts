import { ErlFloat, type EJson } from './ejson';

/**
 * Erlang's `~w` rendering of an EJSON term, which CouchDB puts in its error reasons ("Bad argument
 * for operator $in: <<\"x\">>", "Invalid sort field: {[{<<\"a\">>,<<\"up\">>}]}"): strings are
 * binaries, objects `{[{Key,Value}]}`, null/true/false atoms.
 */
export function erlangTerm(value: EJson): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
  if (value instanceof ErlFloat) return erlangFloat(value.value);
  if (typeof value === 'string') return erlangBinary(value);
  if (Array.isArray(value)) return `[${value.map(erlangTerm).join(',')}]`;
  const members = [...value].map(([key, item]) => `{${erlangBinary(key)},${erlangTerm(item)}}`);
  return `{[${members.join(',')}]}`;
}

/** A float in Erlang's shortest round-trip form: always a fraction, `e` without `+`. */
export function erlangFloat(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = String(value);
  const [mantissa = text, exponent] = text.split('e');
  const withFraction = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return exponent === undefined ? withFraction : `${withFraction}e${exponent.replace('+', '')}`;
}

const ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 27: '\\e' };

/** A binary as io_lib writes it: `<<"text">>` when every byte is printable Latin-1, else its bytes. */
export function erlangBinary(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length === 0) return '<<>>';
  const printable = [...bytes].every((b) => (b >= 0x20 && b <= 0x7e) || b >= 0xa0 || ESCAPES[b] !== undefined);
  if (!printable) return `<<${[...bytes].join(',')}>>`;
  let out = '';
  for (const b of bytes) {
    if (b === 0x22) out += '\\"';
    else if (b === 0x5c) out += '\\\\';
    else out += ESCAPES[b] ?? String.fromCharCode(b);
  }
  return `<<"${out}">>`;
}
