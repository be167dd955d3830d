import type { X509Certificate } from 'node:crypto';

/** Who submitted the transaction, from the proposal's creator certificate. */
export interface ClientIdentity {
  /** fabric-shim 2.5's form: `x509::<subject DN>::<issuer DN>`. */
  getID(): string;
  getMSPID(): string;
  getIDBytes(): Uint8Array;
  /** A Fabric CA attribute (extension 1.2.3.4.5.6.7.8.1), or null when absent. */
  getAttributeValue(attrName: string): string | null;
  assertAttributeValue(attrName: string, attrValue: string): boolean;
  getX509Certificate(): X509Certificate;
}
