import { DevPeerError } from '../errors/dev-peer-error';
import { issueCertificate, type IssuedCertificate, type NameAttribute } from './certificate-builder';
import type { CreateIdentityOptions, Identity } from './identity';

/** Fabric CA's attribute extension (JSON `{"attrs":{...}}`), read by ClientIdentity.getAttributeValue. */
export const FABRIC_ATTRIBUTES_OID = '1.2.3.4.5.6.7.8.1';

/**
 * Root CAs and identities shared by every `TestCa` created with `shared: true` in this process:
 * issuing certificates is the expensive part of a fresh network, and test identities need not
 * differ between networks. Keyed by MSP ID (CAs) and by MSP, name, OUs and attributes (identities).
 */
const sharedCas = new Map<string, IssuedCertificate>();
const sharedIdentities = new Map<string, Identity>();
const MAX_SHARED_IDENTITIES = 5000;

/**
 * A test certificate authority: one root CA per MSP (created on first use), issuing ECDSA P-256
 * certificates shaped like Fabric CA's enrollment certificates (subject C, ST, O, the node OU, CN;
 * the hf.* attributes extension).
 */
export class TestCa {
  private readonly cas: Map<string, IssuedCertificate>;
  private readonly identities: Map<string, Identity> | undefined;

  /** `shared`: use the process-wide CAs and identity cache (same MSP → same CA across networks). */
  constructor(
    private readonly defaultMspId: string,
    options: { shared?: boolean } = {},
  ) {
    this.cas = options.shared === true ? sharedCas : new Map<string, IssuedCertificate>();
    this.identities = options.shared === true ? sharedIdentities : undefined;
  }

  /** The PEM root certificate of an MSP's CA (created on first use). */
  caCertificate(mspId: string = this.defaultMspId): string {
    return this.caFor(mspId).pem;
  }

  createIdentity(options: CreateIdentityOptions): Identity {
    const mspId = options.mspId ?? this.defaultMspId;
    if (typeof options.commonName !== 'string' || options.commonName === '') {
      throw new DevPeerError('CC_DEVPEER_INVALID_OPTIONS', 'createIdentity: commonName must not be empty');
    }
    const ous = options.ous ?? [options.role ?? 'client'];
    if (this.identities === undefined) return this.issue(mspId, options, ous);
    const cacheKey = JSON.stringify([mspId, options.commonName, ous, sortedEntries(options.attributes)]);
    let identity = this.identities.get(cacheKey);
    if (identity === undefined) {
      identity = this.issue(mspId, options, ous);
      if (this.identities.size >= MAX_SHARED_IDENTITIES) this.identities.clear();
      this.identities.set(cacheKey, identity);
    }
    return identity;
  }

  private issue(mspId: string, options: CreateIdentityOptions, ous: readonly string[]): Identity {
    const ca = this.caFor(mspId);
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
      'hf.Type': hfType(ous),
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

function sortedEntries(attributes: Readonly<Record<string, string>> | undefined): [string, string][] {
  return Object.entries(attributes ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Fabric CA's hf.Type: the identity type it was registered with. */
function hfType(ous: readonly string[]): string {
  for (const role of ['client', 'peer', 'admin', 'orderer']) if (ous.includes(role)) return role;
  return ous[0] ?? 'client';
}

/** 'Org1MSP' → 'org1.example.com', as in Fabric's test network. */
export function orgDomain(mspId: string): string {
  const base = mspId
    .replace(/MSP$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
  return `${base === '' ? 'org' : base}.example.com`;
}
