import type { SplitCompositeKey } from '@chaincode/contract-api';
import { InvalidArgumentError } from '../errors/shim-error';

/** First character of every composite key (the composite-key namespace). */
export const COMPOSITE_KEY_NAMESPACE = '\u0000';
/** Separator after the object type and after each attribute. */
export const MIN_UNICODE_RUNE = '\u0000';
/** Appended to a partial composite key to form the exclusive end of its range. */
export const MAX_UNICODE_RUNE = '\u{10FFFF}';

/**
 * An object type or attribute: a non-empty string (fabric-shim's check and text), without U+0000
 * or U+10FFFF (Go's check, which fabric-shim lacks: such a part makes a key that cannot be split
 * back or escapes its partial-key range).
 */
function checkPart(part: unknown): asserts part is string {
  if (typeof part !== 'string' || part.length === 0) {
    throw new InvalidArgumentError('object type or attribute not a non-zero length string');
  }
  if (part.includes(MIN_UNICODE_RUNE) || part.includes(MAX_UNICODE_RUNE)) {
    throw new InvalidArgumentError(
      `object type or attribute ${JSON.stringify(part)} contains U+0000 or U+10FFFF, which a composite key cannot hold`,
    );
  }
}

/** `\u0000` + objectType + `\u0000` + each attribute followed by `\u0000` (Fabric's format). */
export function createCompositeKey(objectType: unknown, attributes: unknown): string {
  checkPart(objectType);
  if (!Array.isArray(attributes)) throw new InvalidArgumentError('attributes must be an array');
  let key = COMPOSITE_KEY_NAMESPACE + objectType + MIN_UNICODE_RUNE;
  for (const attribute of attributes as readonly unknown[]) {
    checkPart(attribute);
    key += attribute + MIN_UNICODE_RUNE;
  }
  return key;
}

/**
 * The inverse of createCompositeKey, as fabric-shim (and Go) split: the part after the last
 * U+0000 is dropped (it is empty in a well-formed key), so a key without its trailing U+0000
 * loses its last attribute. `{objectType: null, attributes: []}` for a key that is not composite.
 */
export function splitCompositeKey(compositeKey: unknown): SplitCompositeKey {
  if (typeof compositeKey !== 'string' || compositeKey.length < 2 || compositeKey[0] !== COMPOSITE_KEY_NAMESPACE) {
    // objectType is declared as a string (fabric-shim-api); null is what fabric-shim gives.
    return { objectType: null as unknown as string, attributes: [] };
  }
  const parts = compositeKey.substring(1).split(MIN_UNICODE_RUNE);
  const objectType = parts[0] as string;
  parts.pop();
  return { objectType, attributes: parts.length > 1 ? parts.slice(1) : [] };
}
