import { issueCertificate, type IssuedCertificate, type NameAttribute } from './certificate-builder';
import type { CreateIdentityOptions, Identity } from './identity';

/** Fabric CA's attribute extension (JSON `{"attrs":{...}}`), read by ClientIdentity.getAttributeValue. */
export const FABRIC_ATTRIBUTES_OID = '1.2.3.4.5.6.7.8.1';

/**
 * A test certificate authority: one root CA per MSP (created on first use), issuing ECDSA P-256
 * client certificates shaped like Fabric CA's enrollment certificates.
 */
export class TestCa {
  private readonly cas = new Map<string, IssuedCertificate>();

  constructor(private readonly defaultMspId: string) {}

  /** The PEM root certificate of an MSP's CA (created on first use). */
  caCertificate(mspId: string = this.defaultMspId): string {
    return this.caFor(mspId).pem;
  }

  createIdentity(options: CreateIdentityOptions): Identity {
    const mspId = options.mspId ?? this.defaultMspId;
    if (options.commonName === '') throw new TypeError('createIdentity: commonName must not be empty');
    const ca = this.caFor(mspId);
    const ous = options.ous ?? ['client'];
    // Subject as Fabric CA writes it: C, ST, O, the OUs, CN.
    const subject: NameAttribute[] = [
      { type: 'C', value: 'US' },
      { type: 'ST', value: 'North Carolina' },
      { type: 'O', value: 'Hyperledger' },
      ...ous.map((value): NameAttribute => ({ type: 'OU', value })),
      { type: 'CN', value: options.commonName },
    ];
    // Fabric CA puts hf.EnrollmentID, hf.Type and hf.Affiliation in every enrollment certificate.
    const attrs: Record<string, string> = {
      'hf.Affiliation': '',
      'hf.EnrollmentID': options.commonName,
      'hf.Type': ous.includes('client') ? 'client' : (ous[0] ?? 'client'),
      ...options.attributes,
    };
    const cert = issueCertificate(
      {
        subject,
        isCa: false,
        extraExtensions: [{ oid: FABRIC_ATTRIBUTES_OID, value: Buffer.from(JSON.stringify({ attrs })) }],
      },
      ca,
    );
    return { mspId, certificate: cert.pem, privateKey: cert.key.privateKeyPem };
  }

  private caFor(mspId: string): IssuedCertificate {
    let ca = this.cas.get(mspId);
    if (ca === undefined) {
      const org = orgDomain(mspId);
      ca = issueCertificate({
        subject: [
          { type: 'C', value: 'US' },
          { type: 'ST', value: 'North Carolina' },
          { type: 'L', value: 'Durham' },
          { type: 'O', value: org },
          { type: 'CN', value: `ca.${org}` },
        ],
        isCa: true,
        validDays: 3650,
      });
      this.cas.set(mspId, ca);
    }
    return ca;
  }
}

/** 'Org1MSP' → 'org1.example.com', as in Fabric's test network. */
function orgDomain(mspId: string): string {
  const base = mspId
    .replace(/MSP$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
  return `${base === '' ? 'org' : base}.example.com`;
}
