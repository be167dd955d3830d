/** The certificate extension where Fabric CA writes enrollment attributes, as JSON `{"attrs":{...}}`. */
export const FABRIC_CA_ATTRIBUTES_OID = '1.2.3.4.5.6.7.8.1';

/** The attributes of one certificate, or why its attribute extension could not be read. */
export type FabricAttributes =
  | { readonly valid: true; readonly values: ReadonlyMap<string, string> }
  | { readonly valid: false; readonly reason: string };

const NO_ATTRIBUTES: FabricAttributes = { valid: true, values: new Map() };

/**
 * Read the Fabric CA attribute extension's value (raw JSON bytes).
 * - no extension, JSON without an `attrs` object (missing, null, an array, a string): no attributes;
 * - string values are kept as they are, including `""`; values of other JSON types are ignored,
 *   as Fabric CA only writes strings;
 * - bytes that are not JSON: invalid, and every attribute lookup reports it.
 */
export function parseFabricAttributes(extension: Uint8Array | undefined): FabricAttributes {
  if (extension === undefined) return NO_ATTRIBUTES;
  let document: unknown;
  try {
    document = JSON.parse(Buffer.from(extension).toString('utf8'));
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { valid: false, reason: `the attribute extension ${FABRIC_CA_ATTRIBUTES_OID} is not JSON: ${detail}` };
  }
  const attrs = isRecord(document) ? document.attrs : undefined;
  if (!isRecord(attrs)) return NO_ATTRIBUTES;
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'string') values.set(name, value);
  }
  return { valid: true, values };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
