const NS = '\u0000';
/** The highest code point: Fabric's end of a partial composite key range. */
const MAX_UNICODE_RUNE = '\u{10ffff}';

/** A composite key (`stub.createCompositeKey`) split into its object type and attributes. */
export interface CompositeKeyParts {
  readonly objectType: string;
  readonly attributes: readonly string[];
}

/** The parts of a composite key (`\0type\0attr\0...\0`), or undefined for a simple key. */
export function splitCompositeKey(key: string): CompositeKeyParts | undefined {
  if (key.length < 2 || !key.startsWith(NS) || !key.endsWith(NS)) return undefined;
  const [objectType = '', ...attributes] = key.slice(1, -1).split(NS);
  return { objectType, attributes };
}

/** A key as people read it: composite keys as `type~attr~attr` (simple keys as they are). */
export function displayKey(key: string): string {
  const parts = splitCompositeKey(key);
  return parts === undefined ? key : [parts.objectType, ...parts.attributes].join('~');
}

/** The range of a partial composite key, as the shim asks for it: [prefix, prefix + U+10FFFF). */
export function compositeKeyRange(
  objectType: string,
  attributes: readonly string[] = [],
): { start: string; end: string } {
  const start = NS + [objectType, ...attributes].map((part) => part + NS).join('');
  return { start, end: start + MAX_UNICODE_RUNE };
}
