/**
 * Builds X.509 v3 certificates synchronously: DER written directly (ca/der.ts), keys and signatures
 * from node:crypto (ECDSA P-256 with SHA-256).
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import {
  bitString,
  bool,
  directoryString,
  explicit,
  implicit,
  namedBits,
  octetString,
  oid,
  sequence,
  set,
  smallInteger,
  time,
  unsignedInteger,
} from './der';

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

const ATTRIBUTE_OIDS = {
  C: '2.5.4.6',
  ST: '2.5.4.8',
  L: '2.5.4.7',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  CN: '2.5.4.3',
} as const;

const EXTENSION_OIDS = {
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  subjectAltName: '2.5.29.17',
} as const;

// KeyUsage bits (RFC 5280 4.2.1.3)
const DIGITAL_SIGNATURE = 0;
const KEY_ENCIPHERMENT = 2;
const KEY_AGREEMENT = 4;
const KEY_CERT_SIGN = 5;
const CRL_SIGN = 6;

/** One relative distinguished name component, in certificate order. */
export interface NameAttribute {
  readonly type: keyof typeof ATTRIBUTE_OIDS;
  readonly value: string;
}

/** A key pair with its PEM forms. */
export interface KeyMaterial {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly privateKeyPem: string;
}

/** A certificate with what is needed to issue further certificates from it. */
export interface IssuedCertificate {
  readonly pem: string;
  readonly der: Buffer;
  readonly subject: readonly NameAttribute[];
  readonly subjectKeyId: Buffer;
  readonly key: KeyMaterial;
}

export interface CertificateRequest {
  readonly subject: readonly NameAttribute[];
  readonly isCa: boolean;
  /** Extra non-critical extensions (OID → DER value bytes). */
  readonly extraExtensions?: readonly { oid: string; value: Buffer; critical?: boolean }[];
  readonly dnsNames?: readonly string[];
  readonly ipAddresses?: readonly string[];
  /** For a TLS server certificate: key usage adds keyEncipherment/keyAgreement. */
  readonly tlsServer?: boolean;
  readonly validDays?: number;
}

export function generateKey(): KeyMaterial {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKey,
    publicKey,
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

function encodeName(attributes: readonly NameAttribute[]): Buffer {
  return sequence(...attributes.map((a) => set(sequence(oid(ATTRIBUTE_OIDS[a.type]), directoryString(a.value)))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return sequence(oid(id), ...(critical ? [bool(true)] : []), octetString(value));
}

function serialNumber(): Buffer {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01; // positive, no leading zero byte
  return bytes;
}

function ipBytes(ip: string): Buffer {
  return Buffer.from(ip.split('.').map(Number));
}

function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function extensionsOf(request: CertificateRequest, subjectKeyId: Buffer, authorityKeyId: Buffer): Buffer[] {
  const usage = request.isCa
    ? [DIGITAL_SIGNATURE, KEY_CERT_SIGN, CRL_SIGN]
    : request.tlsServer === true
      ? [DIGITAL_SIGNATURE, KEY_ENCIPHERMENT, KEY_AGREEMENT]
      : [DIGITAL_SIGNATURE];
  const extensions = [
    extension(EXTENSION_OIDS.keyUsage, true, namedBits(usage)),
    extension(EXTENSION_OIDS.basicConstraints, true, request.isCa ? sequence(bool(true)) : sequence()),
    extension(EXTENSION_OIDS.subjectKeyIdentifier, false, octetString(subjectKeyId)),
    extension(EXTENSION_OIDS.authorityKeyIdentifier, false, sequence(implicit(0, authorityKeyId))),
  ];
  const altNames = [
    ...(request.dnsNames ?? []).map((name) => implicit(2, Buffer.from(name, 'latin1'))),
    ...(request.ipAddresses ?? []).map((ip) => implicit(7, ipBytes(ip))),
  ];
  if (altNames.length > 0) extensions.push(extension(EXTENSION_OIDS.subjectAltName, false, sequence(...altNames)));
  for (const extra of request.extraExtensions ?? []) {
    extensions.push(extension(extra.oid, extra.critical ?? false, extra.value));
  }
  return extensions;
}

/**
 * Issue a certificate for `key` (a fresh key when omitted). With no `issuer` the certificate is
 * self-signed (a root CA).
 */
export function issueCertificate(
  request: CertificateRequest,
  issuer?: IssuedCertificate,
  key: KeyMaterial = generateKey(),
): IssuedCertificate {
  const spki = key.publicKey.export({ format: 'der', type: 'spki' });
  // Subject key identifier as Go and Fabric CA compute it: SHA-256 of the public key bit string
  // (for P-256, the 65-byte uncompressed point that ends the SubjectPublicKeyInfo).
  const subjectKeyId = createHash('sha256')
    .update(spki.subarray(spki.length - 65))
    .digest();
  const algorithm = sequence(oid(ECDSA_WITH_SHA256));
  const now = Date.now();
  const tbs = sequence(
    explicit(0, smallInteger(2)), // v3
    unsignedInteger(serialNumber()),
    algorithm,
    encodeName(issuer?.subject ?? request.subject),
    sequence(time(new Date(now - 5 * 60_000)), time(new Date(now + (request.validDays ?? 365) * 86_400_000))),
    encodeName(request.subject),
    spki,
    explicit(3, sequence(...extensionsOf(request, subjectKeyId, issuer?.subjectKeyId ?? subjectKeyId))),
  );
  const signature = sign('sha256', tbs, issuer?.key.privateKey ?? key.privateKey);
  const der = sequence(tbs, algorithm, bitString(signature));
  return { pem: toPem('CERTIFICATE', der), der, subject: request.subject, subjectKeyId, key };
}
