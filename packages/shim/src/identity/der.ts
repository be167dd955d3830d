/**
 * A minimal, strict DER reader: just enough to walk an X.509 certificate's names and extensions.
 * Every read is bounds-checked against its parent; malformed input throws `DerError`.
 */

/** Universal tags used while walking a certificate. */
export const DerTag = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  OCTET_STRING: 0x04,
  OBJECT_IDENTIFIER: 0x06,
  UTF8_STRING: 0x0c,
  NUMERIC_STRING: 0x12,
  PRINTABLE_STRING: 0x13,
  TELETEX_STRING: 0x14,
  IA5_STRING: 0x16,
  VISIBLE_STRING: 0x1a,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** One tag-length-value element, as offsets into the buffer it was read from. */
export interface DerElement {
  /** The whole identifier octet (class, constructed bit and tag number). */
  readonly tag: number;
  /** Offset of the identifier octet. */
  readonly start: number;
  /** Offset of the first content octet. */
  readonly contentStart: number;
  /** Offset just past the last content octet. */
  readonly end: number;
}

/** The input is not the DER this reader expects. */
export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

/** Read the element starting at `offset`, which must end at or before `limit`. */
export function readElement(bytes: Uint8Array, offset: number, limit: number = bytes.length): DerElement {
  if (offset + 2 > limit) throw new DerError(`truncated element at offset ${offset}`);
  const tag = byteAt(bytes, offset);
  if ((tag & 0x1f) === 0x1f) throw new DerError(`high tag numbers are not supported (offset ${offset})`);
  const first = byteAt(bytes, offset + 1);
  let length: number;
  let contentStart: number;
  if (first < 0x80) {
    length = first;
    contentStart = offset + 2;
  } else {
    const count = first & 0x7f;
    if (count === 0) throw new DerError(`indefinite length is not DER (offset ${offset})`);
    if (count > 4) throw new DerError(`length of ${count} octets is too long (offset ${offset})`);
    if (offset + 2 + count > limit) throw new DerError(`truncated length at offset ${offset}`);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + byteAt(bytes, offset + 2 + i);
    contentStart = offset + 2 + count;
  }
  const end = contentStart + length;
  if (end > limit) throw new DerError(`element at offset ${offset} overruns its container`);
  return { tag, start: offset, contentStart, end };
}

/** The elements directly inside a constructed element, in order. */
export function readChildren(bytes: Uint8Array, parent: DerElement): DerElement[] {
  const children: DerElement[] = [];
  let offset = parent.contentStart;
  while (offset < parent.end) {
    const child = readElement(bytes, offset, parent.end);
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** Read an element and check its tag. */
export function expectElement(
  bytes: Uint8Array,
  element: DerElement | undefined,
  tag: number,
  what: string,
): DerElement {
  if (element === undefined) throw new DerError(`missing ${what}`);
  if (element.tag !== tag) {
    throw new DerError(`${what}: expected tag 0x${hex(tag)}, found 0x${hex(element.tag)} at offset ${element.start}`);
  }
  return element;
}

/** The content octets of an element (a view, not a copy). */
export function contentOf(bytes: Uint8Array, element: DerElement): Uint8Array {
  return bytes.subarray(element.contentStart, element.end);
}

/** Dotted-decimal text of an OBJECT IDENTIFIER's content octets. */
export function decodeObjectIdentifier(content: Uint8Array): string {
  if (content.length === 0) throw new DerError('empty object identifier');
  const arcs: number[] = [];
  let value = 0;
  for (let i = 0; i < content.length; i++) {
    const octet = byteAt(content, i);
    if (value > Number.MAX_SAFE_INTEGER / 128) throw new DerError('object identifier arc is too large');
    value = value * 128 + (octet & 0x7f);
    if ((octet & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    } else if (i === content.length - 1) {
      throw new DerError('truncated object identifier');
    }
  }
  const first = arcs[0] ?? 0;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs.slice(1)].join('.');
}

function byteAt(bytes: Uint8Array, index: number): number {
  const value = bytes[index];
  if (value === undefined) throw new DerError(`read past the end at offset ${index}`);
  return value;
}

function hex(value: number): string {
  return value.toString(16).padStart(2, '0');
}
