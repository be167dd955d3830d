import type { X509Certificate } from 'crypto';

/**
 * Who submitted the transaction, from the proposal's creator certificate: fabric-shim-api's
 * ClientIdentity, plus the parsed certificate where the runtime offers it.
 */
export interface ClientIdentity {
  assertAttributeValue(attrName: string, attrValue: string): boolean;
  /** A Fabric CA attribute (extension 1.2.3.4.5.6.7.8.1), or null when absent or empty. */
  getAttributeValue(attrName: string): string | null;
  /** fabric-shim 2.5's form: `x509::<subject DN>::<issuer DN>`. */
  getID(): string;
  getIDBytes(): Uint8Array;
  getMSPID(): string;
  /** The creator certificate (ours; optional so identities written for fabric-shim-api still fit). */
  getX509Certificate?(): X509Certificate;
}
