import { documentNumber, ErlFloat, sortedObject, type EJson, type EObject } from './ejson';

/**
 * JSON decoding as Fabric's Go code does it (encoding/json), with Go's error texts, which a peer
 * sends to the chaincode unchanged ("invalid character 'x' looking for beginning of value",
 * "unexpected EOF", ...). Objects come out with their members in Go's map order (sorted keys, last
 * duplicate wins), as Fabric writes them to CouchDB.
 */

/** How numbers are read: json.Number keeps the literal (integer vs float); float64 is Go's default. */
export type NumberMode = 'literal' | 'float64';

export type GoDecodeResult =
  { readonly ok: true; readonly value: EJson; readonly end: number } | { readonly ok: false; readonly error: string };

/** Go's encoding/json maxNestingDepth. */
const MAX_DEPTH = 10000;

type Frame = { kind: 'object'; map: EObject; key: string } | { kind: 'array'; items: EJson[] };

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** Go's quoteChar: the offending byte as a Latin-1 rune, quoted as strconv.Quote would. */
export function goQuoteChar(char: string): string {
  if (char === "'") return "'\\''";
  if (char === '"') return "'\"'";
  const byte = Buffer.from(char, 'utf8')[0] ?? 0;
  return `'${quoteRune(byte)}'`;
}

function quoteRune(code: number): string {
  const special: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };
  if (code === 0x5c) return '\\\\';
  const named = special[code];
  if (named !== undefined) return named;
  if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
  if ((code >= 0x80 && code < 0xa0) || code === 0xa0 || code === 0xad)
    return `\\u${code.toString(16).padStart(4, '0')}`;
  return String.fromCharCode(code);
}

class Reader {
  i = 0;
  sawValue = false;
  constructor(
    readonly text: string,
    readonly mode: NumberMode,
  ) {}

  peek(): string | undefined {
    return this.text[this.i];
  }

  skipSpace(): void {
    while (isSpace(this.text[this.i])) this.i++;
  }
}

class Failure {
  constructor(readonly error: string) {}
}

const invalid = (char: string, context: string): Failure =>
  new Failure(`invalid character ${goQuoteChar(char)} ${context}`);

/** The end of input where a value is incomplete: Go's Decoder says EOF before any value, else unexpected EOF. */
const eof = (r: Reader): Failure => new Failure(r.sawValue ? 'unexpected EOF' : 'EOF');

/** Decode the first JSON value of `text` (Go's Decoder.Decode: whatever follows it is not read). */
export function decodeFirstValue(text: string, mode: NumberMode): GoDecodeResult {
  const reader = new Reader(text, mode);
  const result = readValue(reader);
  if (result instanceof Failure) return { ok: false, error: result.error };
  return { ok: true, value: result, end: reader.i };
}

/** Decode all of `text` as one JSON value (Go's json.Unmarshal: trailing data is an error). */
export function decodeWhole(text: string, mode: NumberMode): GoDecodeResult {
  const reader = new Reader(text, mode);
  const result = readValue(reader);
  if (result instanceof Failure) return { ok: false, error: result.error };
  reader.skipSpace();
  const rest = reader.peek();
  if (rest !== undefined) return { ok: false, error: invalid(rest, 'after top-level value').error };
  return { ok: true, value: result, end: reader.i };
}

function readValue(r: Reader): EJson | Failure {
  const stack: Frame[] = [];
  for (;;) {
    r.skipSpace();
    const c = r.peek();
    if (c === undefined) return eof(r);
    r.sawValue = true;
    let value: EJson | Failure;
    if (c === '{' || c === '[') {
      if (stack.length + 1 > MAX_DEPTH) return invalid(c, 'exceeded max depth');
      r.i++;
      r.skipSpace();
      const next = r.peek();
      if (next === undefined) return eof(r);
      if (c === '{') {
        if (next === '}') {
          r.i++;
          value = new Map();
        } else {
          const key = readKey(r);
          if (key instanceof Failure) return key;
          stack.push({ kind: 'object', map: new Map(), key });
          continue;
        }
      } else if (next === ']') {
        r.i++;
        value = [];
      } else {
        stack.push({ kind: 'array', items: [] });
        continue;
      }
    } else {
      value = readScalar(r, c);
    }
    if (value instanceof Failure) return value;
    const closed = attach(r, stack, value);
    if (closed !== undefined) return closed;
  }
}

/**
 * A value is complete: attach it to its container and close every container that ends here.
 * Returns the top-level value or a failure when done, undefined when another value follows.
 */
function attach(r: Reader, stack: Frame[], completed: EJson): EJson | Failure | undefined {
  let value = completed;
  for (;;) {
    const top = stack[stack.length - 1];
    if (top === undefined) return value;
    if (top.kind === 'array') top.items.push(value);
    else top.map.set(top.key, value);
    r.skipSpace();
    const d = r.peek();
    if (d === undefined) return eof(r);
    if (d === ',') {
      r.i++;
      if (top.kind === 'array') return undefined;
      const key = readKey(r);
      if (key instanceof Failure) return key;
      top.key = key;
      return undefined;
    }
    if (top.kind === 'object' && d !== '}') return invalid(d, 'after object key:value pair');
    if (top.kind === 'array' && d !== ']') return invalid(d, 'after array element');
    r.i++;
    stack.pop();
    value = top.kind === 'object' ? sortedObject(top.map) : top.items;
  }
}

/** A member name and its colon (Go's stateBeginString ... stateEndValue for a key). */
function readKey(r: Reader): string | Failure {
  r.skipSpace();
  const c = r.peek();
  if (c === undefined) return eof(r);
  if (c !== '"') return invalid(c, 'looking for beginning of object key string');
  const key = readString(r);
  if (key instanceof Failure) return key;
  r.skipSpace();
  const colon = r.peek();
  if (colon === undefined) return eof(r);
  if (colon !== ':') return invalid(colon, 'after object key');
  r.i++;
  return key;
}

function readScalar(r: Reader, c: string): EJson | Failure {
  if (c === '"') return readString(r);
  if (c === '-' || isDigit(c)) return readNumber(r);
  if (c === 't') return readLiteral(r, 'true', true);
  if (c === 'f') return readLiteral(r, 'false', false);
  if (c === 'n') return readLiteral(r, 'null', null);
  return invalid(c, 'looking for beginning of value');
}

function readLiteral(r: Reader, word: string, value: boolean | null): EJson | Failure {
  r.i++;
  for (let k = 1; k < word.length; k++) {
    const c = r.peek();
    if (c === undefined) return eof(r);
    const expected = word[k] as string;
    if (c !== expected) return invalid(c, `in literal ${word} (expecting '${expected}')`);
    r.i++;
  }
  return value;
}

function readDigits(r: Reader): void {
  while (isDigit(r.peek())) r.i++;
}

function readNumber(r: Reader): EJson | Failure {
  const start = r.i;
  let isFloat = false;
  if (r.peek() === '-') {
    r.i++;
    const c = r.peek();
    if (c === undefined) return eof(r);
    if (!isDigit(c)) return invalid(c, 'in numeric literal');
  }
  if (r.peek() === '0') r.i++;
  else readDigits(r);
  if (r.peek() === '.') {
    isFloat = true;
    r.i++;
    const c = r.peek();
    if (c === undefined) return eof(r);
    if (!isDigit(c)) return invalid(c, 'after decimal point in numeric literal');
    readDigits(r);
  }
  if (r.peek() === 'e' || r.peek() === 'E') {
    isFloat = true;
    r.i++;
    const sign = r.text[r.i];
    if (sign === '+' || sign === '-') r.i++;
    const c = r.peek();
    if (c === undefined) return eof(r);
    if (!isDigit(c)) return invalid(c, 'in exponent of numeric literal');
    readDigits(r);
  }
  const literal = r.text.slice(start, r.i);
  const value = Number(literal);
  if (r.mode === 'float64') {
    if (!Number.isFinite(value))
      return new Failure(`json: cannot unmarshal number ${literal} into Go value of type float64`);
    return documentNumber(value === 0 ? 0 : value);
  }
  if (isFloat) return new ErlFloat(value);
  return value === 0 ? 0 : value;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

// A run of characters that stand for themselves in a JSON string.
// eslint-disable-next-line no-control-regex -- JSON strings treat U+0000..U+001F specially
const PLAIN_RUN = /[^"\\\u0000-\u001f]+/y;

function readString(r: Reader): string | Failure {
  r.i++; // opening quote
  let out = '';
  for (;;) {
    PLAIN_RUN.lastIndex = r.i;
    if (PLAIN_RUN.test(r.text)) {
      out += r.text.slice(r.i, PLAIN_RUN.lastIndex);
      r.i = PLAIN_RUN.lastIndex;
    }
    const c = r.peek();
    if (c === undefined) return eof(r);
    if (c === '"') {
      r.i++;
      return out;
    }
    if (c === '\\') {
      r.i++;
      const e = r.peek();
      if (e === undefined) return eof(r);
      const mapped = SIMPLE_ESCAPES[e];
      if (mapped !== undefined) {
        out += mapped;
        r.i++;
        continue;
      }
      if (e !== 'u') return invalid(e, 'in string escape code');
      r.i++;
      const unit = readHex4(r);
      if (unit instanceof Failure) return unit;
      out += decodeEscapedUnit(r, unit);
      continue;
    }
    if (c < ' ') return invalid(c, 'in string literal');
    out += c;
    r.i++;
  }
}

function readHex4(r: Reader): number | Failure {
  let value = 0;
  for (let k = 0; k < 4; k++) {
    const h = r.peek();
    if (h === undefined) return eof(r);
    if (!isHex(h)) return invalid(h, 'in \\u hexadecimal character escape');
    value = value * 16 + parseInt(h, 16);
    r.i++;
  }
  return value;
}

// Go's unquote: a surrogate escape combines with a following \uDC00-\uDFFF escape; any other
// surrogate becomes U+FFFD.
function decodeEscapedUnit(r: Reader, unit: number): string {
  if (unit < 0xd800 || unit > 0xdfff) return String.fromCharCode(unit);
  if (unit <= 0xdbff && r.text[r.i] === '\\' && r.text[r.i + 1] === 'u') {
    const hex = r.text.slice(r.i + 2, r.i + 6);
    if (/^[0-9a-fA-F]{4}$/.test(hex)) {
      const low = parseInt(hex, 16);
      if (low >= 0xdc00 && low <= 0xdfff) {
        r.i += 6;
        return String.fromCharCode(unit, low);
      }
    }
  }
  return '\ufffd';
}

/** Go's name of a JSON value's kind in an UnmarshalTypeError. */
export function goKind(value: EJson): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Map) return 'object';
  return 'number';
}

// Invalid UTF-8 becomes U+FFFD, as Go's decoder makes it; a byte order mark stays (Go refuses it).
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * `tryCastingToJSON` / keyValToCouchDoc: is a state value a JSON object Fabric stores as a
 * document (json.Unmarshal into a map succeeds and the map is not nil)? Anything else is stored as
 * an attachment, which selectors on data fields never match.
 */
export function decodeStateObject(bytes: Uint8Array): EObject | undefined {
  const result = decodeWhole(UTF8.decode(bytes), 'float64');
  if (!result.ok || !(result.value instanceof Map)) return undefined;
  return result.value;
}
