/**
 * Builds X.509 v3 certificates synchronously: the ASN.1 structures come from `@peculiar/asn1-x509`
 * (a well-kept library), keys and signatures from node:crypto (ECDSA P-256 with SHA-256).
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  Extension,
  Extensions,
  GeneralName,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  Name,
  RelativeDistinguishedName,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_keyUsage,
  id_ce_subjectAltName,
  id_ce_subjectKeyIdentifier,
} from '@peculiar/asn1-x509';

/** ecdsa-with-SHA256 */
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

const ATTRIBUTE_OIDS = {
  C: '2.5.4.6',
  ST: '2.5.4.8',
  L: '2.5.4.7',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  CN: '2.5.4.3',
} as const;

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

// PrintableString's alphabet; other values are written as UTF8String (as Go's x509 does).
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

function encodeName(attributes: readonly NameAttribute[]): Name {
  return new Name(
    attributes.map(
      (a) =>
        new RelativeDistinguishedName([
          new AttributeTypeAndValue({
            type: ATTRIBUTE_OIDS[a.type],
            value: new AttributeValue(PRINTABLE.test(a.value) ? { printableString: a.value } : { utf8String: a.value }),
          }),
        ]),
    ),
  );
}

function extension(oid: string, critical: boolean, value: ArrayBuffer | Buffer): Extension {
  return new Extension({ extnID: oid, critical, extnValue: new OctetString(value) });
}

function serialNumber(): ArrayBuffer {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01; // positive, no leading zero byte
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
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
  const spkiDer = key.publicKey.export({ format: 'der', type: 'spki' });
  const spki = AsnConvert.parse(spkiDer, SubjectPublicKeyInfo);
  // Subject key identifier as Go and Fabric CA compute it: SHA-256 of the public key bit string.
  const subjectKeyId = createHash('sha256').update(Buffer.from(spki.subjectPublicKey)).digest();
  const authorityKeyId = issuer?.subjectKeyId ?? subjectKeyId;

  const usage = request.isCa
    ? KeyUsageFlags.digitalSignature | KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign
    : request.tlsServer === true
      ? KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment | KeyUsageFlags.keyAgreement
      : KeyUsageFlags.digitalSignature;
  const extensions: Extension[] = [
    extension(id_ce_keyUsage, true, AsnConvert.serialize(new KeyUsage(usage))),
    extension(id_ce_basicConstraints, true, AsnConvert.serialize(new BasicConstraints({ cA: request.isCa }))),
    extension(id_ce_subjectKeyIdentifier, false, AsnConvert.serialize(new SubjectKeyIdentifier(subjectKeyId))),
    extension(
      id_ce_authorityKeyIdentifier,
      false,
      AsnConvert.serialize(new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(authorityKeyId) })),
    ),
  ];
  const altNames = [
    ...(request.dnsNames ?? []).map((dNSName) => new GeneralName({ dNSName })),
    ...(request.ipAddresses ?? []).map((iPAddress) => new GeneralName({ iPAddress })),
  ];
  if (altNames.length > 0) {
    extensions.push(extension(id_ce_subjectAltName, false, AsnConvert.serialize(new SubjectAlternativeName(altNames))));
  }
  for (const extra of request.extraExtensions ?? []) {
    extensions.push(extension(extra.oid, extra.critical ?? false, extra.value));
  }

  const now = Date.now();
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: serialNumber(),
    signature: new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 }),
    issuer: encodeName(issuer?.subject ?? request.subject),
    validity: new Validity({
      notBefore: new Date(now - 5 * 60_000),
      notAfter: new Date(now + (request.validDays ?? 365) * 86_400_000),
    }),
    subject: encodeName(request.subject),
    subjectPublicKeyInfo: spki,
    extensions: new Extensions(extensions),
  });
  const tbsDer = Buffer.from(AsnConvert.serialize(tbs));
  const signingKey = issuer?.key.privateKey ?? key.privateKey;
  const signature = sign('sha256', tbsDer, signingKey);
  const certificate = new Certificate({
    tbsCertificate: tbs,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 }),
    signatureValue: signature.buffer.slice(signature.byteOffset, signature.byteOffset + signature.byteLength),
  });
  const der = Buffer.from(AsnConvert.serialize(certificate));
  return { pem: toPem('CERTIFICATE', der), der, subject: request.subject, subjectKeyId, key };
}
