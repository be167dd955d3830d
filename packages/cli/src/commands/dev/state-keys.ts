import { CliError } from '../../errors/cli-error';

/**
 * Keys of the world state as `chaincode dev` shows and reads them. A composite key (Fabric writes
 * U+0000 type U+0000 attribute U+0000 ...) is shown as `Type(attr, attr)`, each attribute as a JSON
 * string when it holds a comma, a parenthesis, a quote, a space or nothing.
 */
const SEPARATOR = '\u0000';

export function showKey(key: string): string {
  if (!key.startsWith(SEPARATOR)) return key;
  const [type = '', ...attributes] = key.slice(1).split(SEPARATOR);
  attributes.pop(); // the key ends with a separator
  return `${type}(${attributes.map(showAttribute).join(', ')})`;
}

function showAttribute(value: string): string {
  return value === '' || /[\s,()"\\]/.test(value) || value === '*' ? JSON.stringify(value) : value;
}

/** What a `state` or `history` argument selects. */
export type KeySelection =
  | { readonly kind: 'all' }
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'prefix'; readonly prefix: string }
  | { readonly kind: 'range'; readonly start: string; readonly end: string };

/**
 * `Type(a, b)` → that composite key; `Type(a, *)` or `Type(*)` → composite keys of the type (and
 * leading attributes); `abc*` → simple keys starting with abc; `a..b` → from a (inclusive) to b
 * (exclusive); anything else → that key. No argument → every key.
 */
export function selectKeys(text: string | undefined): KeySelection {
  if (text === undefined || text === '' || text === '*') return { kind: 'all' };
  const composite = /^([^\s(]+)\((.*)\)$/s.exec(text);
  if (composite !== null) {
    const type = composite[1] ?? '';
    const attributes = splitAttributes(composite[2] ?? '');
    const partial = attributes[attributes.length - 1]?.star === true;
    const fixed = (partial ? attributes.slice(0, -1) : attributes).map((a) => a.value);
    const key = SEPARATOR + [type, ...fixed].join(SEPARATOR) + SEPARATOR;
    return partial ? { kind: 'prefix', prefix: key } : { kind: 'key', key };
  }
  if (text.endsWith('*') && !text.endsWith('\\*')) return { kind: 'prefix', prefix: text.slice(0, -1) };
  const range = /^(.*)\.\.(.*)$/.exec(text);
  if (range !== null) return { kind: 'range', start: range[1] ?? '', end: range[2] ?? '' };
  return { kind: 'key', key: text.replace(/\\\*$/, '*') };
}

/** One attribute as typed; `star` for a bare `*`, which ends a partial key ("*" is the attribute *). */
interface Attribute {
  readonly value: string;
  readonly star: boolean;
}

function splitAttributes(text: string): Attribute[] {
  const out: Attribute[] = [];
  const rest = text.trim();
  if (rest === '') return out;
  let i = 0;
  while (i < rest.length) {
    while (rest[i] === ' ') i++;
    let value: string;
    if (rest[i] === '"') {
      const end = closingQuote(rest, i);
      value = JSON.parse(rest.slice(i, end + 1)) as string;
      i = end + 1;
      out.push({ value, star: false });
    } else {
      const comma = rest.indexOf(',', i);
      const raw = (comma < 0 ? rest.slice(i) : rest.slice(i, comma)).trim();
      out.push({ value: raw, star: raw === '*' });
      i = comma < 0 ? rest.length : comma;
    }
    while (rest[i] === ' ') i++;
    if (i < rest.length && rest[i] !== ',') {
      throw new CliError('CC_CLI_INVALID_ARGUMENT', `expected a comma after attribute ${out.length} in (${text})`);
    }
    i++;
  }
  if (out.slice(0, -1).some((a) => a.star)) {
    throw new CliError('CC_CLI_INVALID_ARGUMENT', `* may only end a composite key: (${text})`);
  }
  return out;
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  throw new CliError('CC_CLI_INVALID_ARGUMENT', `unclosed " in (${text})`);
}

/** Does a key belong to the selection? (`all` and ranges take simple keys only, as GetStateByRange.) */
export function inSelection(selection: KeySelection, key: string): boolean {
  switch (selection.kind) {
    case 'all':
      return true;
    case 'key':
      return key === selection.key;
    case 'prefix':
      return key.startsWith(selection.prefix) && (selection.prefix.startsWith(SEPARATOR) || !key.startsWith(SEPARATOR));
    case 'range':
      return !key.startsWith(SEPARATOR) && key >= selection.start && (selection.end === '' || key < selection.end);
  }
}
