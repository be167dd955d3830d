import { X509Certificate } from 'node:crypto';
import { msp } from '@chaincode/shim/internal';
import type { SignerIdentity } from '../policy/policy-evaluator';

/** The node OU identifiers of an MSP with NodeOUs enabled (fabric-samples' config.yaml). */
const NODE_OUS = ['client', 'peer', 'admin', 'orderer'] as const;

/** An identity as the channel's MSPs see it. */
export interface MspIdentity extends SignerIdentity {
  readonly certificate: string;
  /** OU values of the subject, in certificate order. */
  readonly ous: readonly string[];
  /** Why the MSP refuses the identity (Fabric's text); undefined when valid. */
  readonly invalidReason?: string;
}

const MAX_CACHE = 2000;

/**
 * The channel's MSPs: each organization's root CA. Describes identities as Fabric's MSP validates
 * them with NodeOUs on (msp/mspimplvalidate.go validateIdentityOUsV142): issued by the MSP's CA,
 * carrying exactly one node OU (client, peer, admin or orderer). In lenient mode (the single-org
 * `DevPeer`), identities of unknown MSPs or foreign CAs are taken as they are.
 */
export class MspDirectory {
  private readonly cas = new Map<string, X509Certificate>();
  private readonly cache = new Map<string, MspIdentity>();

  constructor(
    caCertificates: ReadonlyMap<string, string>,
    private readonly lenient: boolean,
  ) {
    for (const [mspId, pem] of caCertificates) this.cas.set(mspId, new X509Certificate(pem));
  }

  /** True when `mspId` is one of the channel's organizations. */
  has(mspId: string): boolean {
    return this.cas.has(mspId);
  }

  /** Describe a SerializedIdentity (a proposal's creator bytes). */
  describeSerialized(bytes: Uint8Array): MspIdentity {
    const sid = msp.SerializedIdentity.decode(bytes);
    return this.describe(sid.mspid, Buffer.from(sid.idBytes).toString('utf8'));
  }

  describe(mspId: string, certificate: string): MspIdentity {
    const key = mspId + '\u0000' + certificate;
    let described = this.cache.get(key);
    if (described === undefined) {
      described = this.build(mspId, certificate);
      if (this.cache.size >= MAX_CACHE) this.cache.clear();
      this.cache.set(key, described);
    }
    return described;
  }

  private build(mspId: string, certificate: string): MspIdentity {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(certificate);
    } catch {
      return invalid(mspId, certificate, [], 'could not decode the identity certificate');
    }
    const ous = cert.subject
      .split('\n')
      .filter((line) => line.startsWith('OU='))
      .map((line) => line.slice(3));
    const nodeOus = NODE_OUS.filter((ou) => ous.includes(ou));
    const ca = this.cas.get(mspId);
    if (!this.lenient) {
      if (ca === undefined) return invalid(mspId, certificate, ous, `MSP ${mspId} is unknown`);
      if (!cert.verify(ca.publicKey)) {
        return invalid(
          mspId,
          certificate,
          ous,
          'the supplied identity is not valid: x509: certificate signed by unknown authority',
        );
      }
      const reason = nodeOuProblem(nodeOus, ous, mspId);
      if (reason !== undefined) return invalid(mspId, certificate, ous, reason);
    }
    return { id: key(mspId, certificate), mspId, roles: new Set(nodeOus), valid: true, certificate, ous };
  }
}

function key(mspId: string, certificate: string): string {
  return mspId + '\u0000' + certificate;
}

function invalid(mspId: string, certificate: string, ous: readonly string[], reason: string): MspIdentity {
  return {
    id: key(mspId, certificate),
    mspId,
    roles: new Set(),
    valid: false,
    certificate,
    ous,
    invalidReason: reason,
  };
}

// Fabric's texts (validateIdentityOUsV142).
function nodeOuProblem(nodeOus: readonly string[], ous: readonly string[], mspId: string): string | undefined {
  if (nodeOus.length === 1) return undefined;
  const list = `[${ous.join(' ')}]`;
  return nodeOus.length === 0
    ? `the identity does not have an OU that resolves to client or peer. OUs: ${list}, MSP: [${mspId}]`
    : `the identity must be a client or a peer identity to be valid, not a combination of them. OUs: ${list}, MSP: [${mspId}]`;
}
