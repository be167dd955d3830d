/**
 * JSON for ledger records, with byte arrays written as `{"$b": "<base64>"}` and read back as
 * Buffers. Maps are not used in records (metadata is stored as [key, bytes] pairs).
 */
export function encodeRecord(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, replaced: unknown): unknown {
    const original = this[key];
    return original instanceof Uint8Array ? { $b: Buffer.from(original).toString('base64') } : replaced;
  });
}

/** Parse a record; throws SyntaxError for text that is not one. */
export function decodeRecord(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const b = (value as { $b?: unknown }).$b;
      if (typeof b === 'string' && Object.keys(value).length === 1) return Buffer.from(b, 'base64');
    }
    return value;
  });
}
