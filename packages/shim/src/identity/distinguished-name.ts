import {
  DerError,
  DerTag,
  contentOf,
  decodeObjectIdentifier,
  expectElement,
  readChildren,
  type DerElement,
} from './der';

/** One AttributeTypeAndValue of a distinguished name, in certificate order. */
export interface NameAttribute {
  /** Dotted OID of the attribute type, e.g. `2.5.4.3`. */
  readonly oid: string;
  /** The value as text (see `decodeAttributeValue`). */
  readonly value: string;
}

/**
 * The short names fabric-shim 2.5.8 prints in `getID()`; any other attribute type prints with an
 * empty name (`/=value`). Observed by running the official ClientIdentity over every 2.5.4.x type
 * and the common PKCS#9 / LDAP ones.
 */
const FABRIC_SHIM_SHORT_NAMES: ReadonlyMap<string, string> = new Map([
  ['2.5.4.3', 'CN'],
  ['2.5.4.6', 'C'],
  ['2.5.4.7', 'L'],
  ['2.5.4.8', 'ST'],
  ['2.5.4.10', 'O'],
  ['2.5.4.11', 'OU'],
  ['1.2.840.113549.1.9.1', 'E'],
]);

/**
 * Every attribute of a Name (RDNSequence), flattened in certificate order: RDNs in sequence order
 * and, inside a multi-valued RDN, the attributes in their encoded order.
 */
export function readNameAttributes(bytes: Uint8Array, name: DerElement): NameAttribute[] {
  expectElement(bytes, name, DerTag.SEQUENCE, 'Name');
  const attributes: NameAttribute[] = [];
  for (const rdn of readChildren(bytes, name)) {
    expectElement(bytes, rdn, DerTag.SET, 'RelativeDistinguishedName');
    for (const pair of readChildren(bytes, rdn)) {
      expectElement(bytes, pair, DerTag.SEQUENCE, 'AttributeTypeAndValue');
      const [type, value] = readChildren(bytes, pair);
      const oidElement = expectElement(bytes, type, DerTag.OBJECT_IDENTIFIER, 'attribute type');
      if (value === undefined) throw new DerError('attribute without a value');
      attributes.push({
        oid: decodeObjectIdentifier(contentOf(bytes, oidElement)),
        value: decodeAttributeValue(bytes, value),
      });
    }
  }
  return attributes;
}

/**
 * fabric-shim 2.5.8's rendering of a Name: `/SHORT=value` per attribute in certificate order, with
 * only the FIRST `/` of each value escaped as `\/` (a second `/` and backslashes are left alone).
 * That quirk is kept on purpose: identities stored by chaincode under the official shim must match.
 */
export function formatFabricShimName(attributes: readonly NameAttribute[]): string {
  let text = '';
  for (const { oid, value } of attributes) {
    text += `/${FABRIC_SHIM_SHORT_NAMES.get(oid) ?? ''}=${value.replace('/', '\\/')}`;
  }
  return text;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of an attribute value, matching fabric-shim 2.5.8 wherever it produces one:
 * UTF8String is strict UTF-8, falling back to Latin-1 when the bytes are not valid UTF-8;
 * PrintableString, TeletexString and NumericString are lenient UTF-8 (U+FFFD for bad bytes);
 * IA5String is ASCII. Where the official throws (BMPString, UniversalString, VisibleString,
 * non-ASCII IA5String, non-digit NumericString, non-string values) we decode instead:
 * UTF-16BE, UTF-32BE, Latin-1, and `#` + hex of the DER encoding for a non-string value.
 */
export function decodeAttributeValue(bytes: Uint8Array, value: DerElement): string {
  const content = Buffer.from(contentOf(bytes, value));
  switch (value.tag) {
    case DerTag.UTF8_STRING:
      try {
        return strictUtf8.decode(content);
      } catch {
        return content.toString('latin1');
      }
    case DerTag.PRINTABLE_STRING:
    case DerTag.TELETEX_STRING:
      return content.toString('utf8');
    case DerTag.NUMERIC_STRING:
    case DerTag.IA5_STRING:
    case DerTag.VISIBLE_STRING:
      return content.toString('latin1');
    case DerTag.BMP_STRING:
      return decodeUtf16be(content);
    case DerTag.UNIVERSAL_STRING:
      return decodeUtf32be(content);
    default:
      return `#${Buffer.from(bytes.subarray(value.start, value.end)).toString('hex')}`;
  }
}

function decodeUtf16be(content: Buffer): string {
  const even = content.length - (content.length % 2);
  const swapped = Buffer.from(content.subarray(0, even)).swap16();
  return swapped.toString('utf16le');
}

function decodeUtf32be(content: Buffer): string {
  let text = '';
  for (let i = 0; i + 4 <= content.length; i += 4) {
    const codePoint = content.readUInt32BE(i);
    text += codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\ufffd';
  }
  return text;
}
