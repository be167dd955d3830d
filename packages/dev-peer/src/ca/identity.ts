import { createPrivateKey, type KeyObject } from 'node:crypto';

/** An X.509 identity as a Fabric client holds it. */
export interface Identity {
  readonly mspId: string;
  /** PEM certificate (what `SerializedIdentity.id_bytes` carries). */
  readonly certificate: string;
  /** PEM PKCS#8 private key (ECDSA P-256). */
  readonly privateKey: string;
}

/** The node OU roles Fabric's MSP tells apart (NodeOUs). */
export type NodeRole = 'client' | 'peer' | 'admin' | 'orderer';

export interface CreateIdentityOptions {
  /** Default: the CA's default MSP ('Org1MSP' for a DevPeer, the first org of a network). */
  readonly mspId?: string;
  readonly commonName: string;
  /** Fabric CA attributes, written into extension 1.2.3.4.5.6.7.8.1 next to hf.EnrollmentID/Type/Affiliation. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** The node OU, as Fabric CA writes it for this identity type. Default 'client'. */
  readonly role?: NodeRole;
  /** OU values of the subject, in order (overrides `role`); e.g. ['client', 'org1', 'department1']. */
  readonly ous?: readonly string[];
}

const keyCache = new Map<string, KeyObject>();

/** The private key of an identity as a KeyObject, parsed once per distinct PEM. */
export function identityKey(identity: Identity): KeyObject {
  let key = keyCache.get(identity.privateKey);
  if (key === undefined) {
    key = createPrivateKey(identity.privateKey);
    if (keyCache.size > 1000) keyCache.clear();
    keyCache.set(identity.privateKey, key);
  }
  return key;
}
