/**
 * JSON with object keys sorted (recursively), so the same value always gives the same bytes:
 * endorsements computed by different peers then match. Otherwise identical to JSON.stringify
 * (toJSON is honoured, undefined and functions are dropped).
 */
export function canonicalJson(value: unknown): string | undefined {
  return JSON.stringify(value, sortKeys);
}

function sortKeys(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    Object.defineProperty(sorted, k, {
      value: (value as Record<string, unknown>)[k],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return sorted;
}
