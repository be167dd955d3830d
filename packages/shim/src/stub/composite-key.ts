import type { SplitCompositeKey } from '@chaincode/contract-api';
import { InvalidArgumentError } from '../errors/shim-error';

/** First character of every composite key (the composite-key namespace). */
export const COMPOSITE_KEY_NAMESPACE = '\u0000';
/** Separator after the object type and after each attribute. */
export const MIN_UNICODE_RUNE = '\u0000';
/** Appended to a partial composite key to form the exclusive end of its range. */
export const MAX_UNICODE_RUNE = '\u{10FFFF}';

function checkPart(part: unknown, what: string): asserts part is string {
  if (typeof part !== 'string' || part.length === 0) {
    throw new InvalidArgumentError(`${what} must be a non-empty string`);
  }
  if (part.includes(MIN_UNICODE_RUNE) || part.includes(MAX_UNICODE_RUNE)) {
    throw new InvalidArgumentError(
      `${what} ${JSON.stringify(part)} contains U+0000 or U+10FFFF, which are not allowed`,
    );
  }
}

/** `\u0000` + objectType + `\u0000` + each attribute followed by `\u0000` (Fabric's format). */
export function createCompositeKey(objectType: string, attributes: readonly string[]): string {
  checkPart(objectType, 'composite key object type');
  if (!Array.isArray(attributes)) {
    throw new InvalidArgumentError('composite key attributes must be an array of strings');
  }
  let key = COMPOSITE_KEY_NAMESPACE + objectType + MIN_UNICODE_RUNE;
  for (const attribute of attributes as readonly unknown[]) {
    checkPart(attribute, 'composite key attribute');
    key += attribute + MIN_UNICODE_RUNE;
  }
  return key;
}

/** The inverse of createCompositeKey; `{objectType: null, attributes: []}` for a simple key. */
export function splitCompositeKey(compositeKey: string): SplitCompositeKey {
  if (typeof compositeKey !== 'string' || compositeKey.length < 2 || compositeKey[0] !== COMPOSITE_KEY_NAMESPACE) {
    return { objectType: null, attributes: [] };
  }
  const parts = compositeKey.slice(1).split(MIN_UNICODE_RUNE);
  // A well-formed key ends with the separator, leaving one empty trailing part.
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  const objectType = parts.shift() ?? '';
  return { objectType, attributes: parts };
}

/** Keys of plain range queries must stay out of the composite-key namespace. */
export function checkSimpleKey(key: string, what: string): void {
  if (key.length > 0 && key[0] === COMPOSITE_KEY_NAMESPACE) {
    throw new InvalidArgumentError(
      `${what} ${JSON.stringify(key)} starts with U+0000, which is reserved for composite keys; ` +
        'use getStateByPartialCompositeKey for composite keys',
    );
  }
}
