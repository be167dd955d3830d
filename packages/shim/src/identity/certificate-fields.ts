import {
  DerError,
  DerTag,
  contentOf,
  decodeObjectIdentifier,
  expectElement,
  readChildren,
  readElement,
  type DerElement,
} from './der';
import { readNameAttributes, type NameAttribute } from './distinguished-name';

/** The parts of a certificate ClientIdentity needs, read from its DER encoding. */
export interface CertificateFields {
  readonly subject: NameAttribute[];
  readonly issuer: NameAttribute[];
  /** extnValue content octets by extension OID (the first occurrence wins). */
  readonly extensions: ReadonlyMap<string, Uint8Array>;
}

const EXPLICIT_VERSION = 0xa0;
const EXPLICIT_EXTENSIONS = 0xa3;

/**
 * Walk `Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signature }` and its
 * TBSCertificate: [0] version?, serialNumber, signature, issuer, validity, subject,
 * subjectPublicKeyInfo, [1] issuerUniqueID?, [2] subjectUniqueID?, [3] extensions?.
 */
export function readCertificateFields(der: Uint8Array): CertificateFields {
  const certificate = expectElement(der, readElement(der, 0), DerTag.SEQUENCE, 'Certificate');
  if (certificate.end !== der.length) throw new DerError('trailing bytes after the certificate');
  const tbs = expectElement(der, readChildren(der, certificate)[0], DerTag.SEQUENCE, 'TBSCertificate');
  const fields = readChildren(der, tbs);
  let index = fields[0]?.tag === EXPLICIT_VERSION ? 1 : 0;
  index += 2; // serialNumber, signature algorithm
  const issuer = fields[index++];
  index++; // validity
  const subject = fields[index++];
  index++; // subjectPublicKeyInfo
  const extensionsField = fields.slice(index).find((field) => field.tag === EXPLICIT_EXTENSIONS);
  return {
    issuer: readNameAttributes(der, expectElement(der, issuer, DerTag.SEQUENCE, 'issuer')),
    subject: readNameAttributes(der, expectElement(der, subject, DerTag.SEQUENCE, 'subject')),
    extensions: extensionsField === undefined ? new Map() : readExtensions(der, extensionsField),
  };
}

function readExtensions(der: Uint8Array, wrapper: DerElement): Map<string, Uint8Array> {
  const list = expectElement(der, readChildren(der, wrapper)[0], DerTag.SEQUENCE, 'Extensions');
  const extensions = new Map<string, Uint8Array>();
  for (const extension of readChildren(der, list)) {
    expectElement(der, extension, DerTag.SEQUENCE, 'Extension');
    const parts = readChildren(der, extension);
    const id = expectElement(der, parts[0], DerTag.OBJECT_IDENTIFIER, 'extnID');
    const value = expectElement(der, parts[parts.length - 1], DerTag.OCTET_STRING, 'extnValue');
    const oid = decodeObjectIdentifier(contentOf(der, id));
    if (!extensions.has(oid)) extensions.set(oid, contentOf(der, value));
  }
  return extensions;
}
