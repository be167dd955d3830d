import { RegexUnsupportedError } from './query-error';

/**
 * `$regex` patterns are PCRE, compiled by Erlang's re module with its defaults (no multiline, `.`
 * stops at "\n" only, `$` also matches before a final "\n") and matched anywhere in the string.
 * This turns a PCRE pattern into an equivalent JavaScript RegExp. Constructs JavaScript cannot
 * express raise RegexUnsupportedError instead of silently matching something else; a pattern
 * JavaScript rejects as invalid yields undefined (CouchDB: "Bad argument for operator $regex").
 *
 * Differences kept: Erlang matches bytes of UTF-8 (no `unicode` option), so `.` and classes count
 * bytes of non-ASCII characters where JavaScript counts UTF-16 units; \s, \w and \d are ASCII in
 * PCRE, while JavaScript's \s also matches Unicode spaces.
 */
export function compilePcre(pattern: string): RegExp | undefined {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached === INVALID ? undefined : cached;
  const translated = translate(pattern);
  let regex: RegExp | undefined;
  try {
    regex = new RegExp(translated.source, translated.flags);
  } catch {
    regex = undefined;
  }
  if (cache.size >= 1000) cache.clear();
  cache.set(pattern, regex ?? INVALID);
  return regex;
}

const INVALID = Symbol('invalid');
const cache = new Map<string, RegExp | typeof INVALID>();

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\t\\n\\v\\f\\r ',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
  ascii: '\\x00-\\x7f',
};

interface Translation {
  source: string;
  flags: string;
}

type Unsupported = (construct: string) => RegexUnsupportedError;

/** The pattern being translated: position, mode, and the error for what cannot be translated. */
class Scan {
  i = 0;
  out = '';
  inClass = false;
  flags = '';
  constructor(
    readonly pattern: string,
    readonly unsupported: Unsupported,
  ) {}

  at(offset = 0): string | undefined {
    return this.pattern[this.i + offset];
  }
}

const LEADING_OPTIONS = /^\(\?([a-zA-Z]+)\)/;

function translate(pattern: string): Translation {
  const scan = new Scan(pattern, (construct) => new RegexUnsupportedError(pattern, construct));
  // Option settings at the very start: (?i), (?ims) ...
  for (let m = LEADING_OPTIONS.exec(pattern); m !== null; m = LEADING_OPTIONS.exec(pattern.slice(scan.i))) {
    for (const f of m[1] as string) {
      if (f !== 'i' && f !== 'm' && f !== 's') throw scan.unsupported(`the option (?${f})`);
      if (!scan.flags.includes(f)) scan.flags += f;
    }
    scan.i += m[0].length;
  }
  while (scan.i < pattern.length) {
    const c = scan.at() as string;
    if (c === '\\') translateEscape(scan);
    else if (scan.inClass) translateClassChar(scan, c);
    else translateChar(scan, c);
  }
  return { source: scan.out, flags: scan.flags };
}

function translateClassChar(scan: Scan, c: string): void {
  if (c === '[' && scan.at(1) === ':') {
    const end = scan.pattern.indexOf(':]', scan.i + 2);
    const name = end < 0 ? undefined : scan.pattern.slice(scan.i + 2, end);
    if (name !== undefined && /^\^?[a-z]+$/.test(name)) {
      const ascii = POSIX_CLASSES[name];
      if (ascii === undefined) throw scan.unsupported(`the POSIX class [:${name}:]`);
      scan.out += ascii;
      scan.i = end + 2;
      return;
    }
  }
  if (c === ']') scan.inClass = false;
  scan.out += c;
  scan.i++;
}

function translateChar(scan: Scan, c: string): void {
  const next = scan.at(1);
  if (c === '[') {
    scan.inClass = true;
    scan.out += c;
    scan.i++;
    // a ']' right after '[' or '[^' is a literal in PCRE; JavaScript needs it escaped
    if (scan.at() === '^') {
      scan.out += '^';
      scan.i++;
    }
    if (scan.at() === ']') {
      scan.out += '\\]';
      scan.i++;
    }
    return;
  }
  if (c === '(' && next === '?') {
    const [text, length] = groupStart(scan);
    scan.out += text;
    scan.i += length;
    return;
  }
  if (c === '(' && next === '*') throw scan.unsupported('a (*VERB)');
  if ('+*?}'.includes(c) && next === '+' && scan.i > 0) throw scan.unsupported('a possessive quantifier');
  if (c === '.') scan.out += scan.flags.includes('s') ? '[\\s\\S]' : '[^\\n]';
  else if (c === '$') scan.out += scan.flags.includes('m') ? '(?=\\n|(?![\\s\\S]))' : '(?=\\n?(?![\\s\\S]))';
  else scan.out += c;
  scan.i++;
}

/** The JavaScript for a group opening "(?..." and how many pattern characters it stands for. */
function groupStart(scan: Scan): [string, number] {
  const rest = scan.pattern.slice(scan.i + 2);
  if (/^[:=!]/.test(rest)) return [scan.pattern.slice(scan.i, scan.i + 3), 3];
  if (/^<[=!]/.test(rest)) return [scan.pattern.slice(scan.i, scan.i + 4), 4];
  const named = /^(?:P?<|')([A-Za-z_][A-Za-z0-9_]*)[>']/.exec(rest);
  if (named !== null) return [`(?<${named[1] ?? ''}>`, 2 + named[0].length];
  const backref = /^P=([A-Za-z_][A-Za-z0-9_]*)\)/.exec(rest);
  if (backref !== null) return [`\\k<${backref[1] ?? ''}>`, 2 + backref[0].length];
  if (rest.startsWith('#')) {
    const end = scan.pattern.indexOf(')', scan.i);
    return ['', end < 0 ? scan.pattern.length - scan.i : end - scan.i + 1];
  }
  if (rest.startsWith('>')) throw scan.unsupported('an atomic group (?>...)');
  if (rest.startsWith('|')) throw scan.unsupported('a branch reset group (?|...)');
  if (rest.startsWith('(')) throw scan.unsupported('a conditional group (?(...)...)');
  if (/^(?:R|[+-]?\d|&|P>)/.test(rest)) throw scan.unsupported('a recursive pattern');
  throw scan.unsupported('an inline option setting inside the pattern');
}

/** PCRE escapes with another spelling in JavaScript: [outside a class, inside a class]. */
const ESCAPES: Record<string, readonly [string, string | undefined]> = {
  A: ['(?<![\\s\\S])', 'A'],
  z: ['(?![\\s\\S])', 'z'],
  Z: ['(?=\\n?(?![\\s\\S]))', 'Z'],
  h: ['[\\t \\xa0]', '\\t \\xa0'],
  H: ['[^\\t \\xa0]', undefined],
  v: ['[\\n\\x0b\\f\\r\\x85]', '\\n\\x0b\\f\\r\\x85'],
  V: ['[^\\n\\x0b\\f\\r\\x85]', undefined],
  R: ['(?:\\r\\n|[\\n\\x0b\\f\\r\\x85])', undefined],
  e: ['\\x1b', '\\x1b'],
  a: ['\\x07', '\\x07'],
  E: ['', ''],
};

const UNSUPPORTED_ESCAPES = new Set(['G', 'K', 'X', 'C', 'g', 'p', 'P']);

function translateEscape(scan: Scan): void {
  const e = scan.at(1);
  if (e === undefined) {
    scan.out += '\\';
    scan.i++;
    return;
  }
  const mapped = ESCAPES[e];
  if (mapped !== undefined) {
    const text = scan.inClass ? mapped[1] : mapped[0];
    if (text === undefined) throw scan.unsupported(`\\${e} inside a class`);
    scan.out += text;
    scan.i += 2;
    return;
  }
  if (UNSUPPORTED_ESCAPES.has(e)) throw scan.unsupported(`\\${e}`);
  if (e === 'Q') {
    const end = scan.pattern.indexOf('\\E', scan.i + 2);
    const stop = end < 0 ? scan.pattern.length : end;
    scan.out += scan.pattern.slice(scan.i + 2, stop).replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    scan.i = end < 0 ? stop : end + 2;
    return;
  }
  const braced = e === 'x' ? /^\{([0-9a-fA-F]{1,4})\}/.exec(scan.pattern.slice(scan.i + 2)) : null;
  if (braced !== null) {
    scan.out += `\\u${(braced[1] ?? '').padStart(4, '0')}`;
    scan.i += 2 + braced[0].length;
    return;
  }
  scan.out += `\\${e}`;
  scan.i += 2;
}
