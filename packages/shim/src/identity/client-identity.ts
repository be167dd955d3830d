import type { X509Certificate } from 'crypto'; // not 'node:crypto': public declarations must compile with older @types/node
import type { ClientIdentity as ClientIdentityApi, SerializedIdentity } from '@chaincode/contract-api';
import { IdentityError } from '../errors/shim-error';
import { parseCreatorCertificate, type CreatorCertificate } from './creator-certificate';

/** What ClientIdentity needs from a stub: the transaction's creator. */
export interface CreatorSource {
  getCreator(): SerializedIdentity;
}

/**
 * The identity that submitted the transaction, read from the proposal's creator (an X.509 PEM
 * certificate and its MSP id). Construct it with the stub, as with fabric-shim.
 *
 * `getID()` is byte-identical to fabric-shim 2.5.8's, quirks included, and so are the attribute
 * answers (an attribute whose value is `""` reads as null). Differences from the official, all on
 * inputs where it throws or answers nonsense: an attribute extension without an `attrs` object
 * means "no attributes" (official: every attribute call throws); inherited names such as
 * `toString` are not attributes (official: answers Object.prototype's function).
 * @throws IdentityError from the constructor when the creator is not a parsable PEM certificate.
 * @example
 * const cid = new ClientIdentity(stub);
 * if (!cid.assertAttributeValue('role', 'auditor')) throw new Error('auditors only');
 */
export class ClientIdentity implements ClientIdentityApi {
  readonly #mspId: string;
  readonly #idBytes: Uint8Array;
  readonly #parsed: CreatorCertificate;

  constructor(stub: CreatorSource) {
    const creator = stub.getCreator();
    this.#mspId = creator.mspid;
    this.#idBytes = creator.idBytes;
    this.#parsed = parseCreatorCertificate(creator.idBytes, creator.mspid);
  }

  /** `x509::/C=US/O=Org1/CN=user1::/C=US/CN=ca.org1`: subject and issuer in fabric-shim's form. */
  getID(): string {
    return this.#parsed.id;
  }

  getMSPID(): string {
    return this.#mspId;
  }

  /** The creator's identity bytes (the PEM certificate) as the peer sent them. */
  getIDBytes(): Uint8Array {
    return this.#idBytes;
  }

  /**
   * A Fabric CA attribute (certificate extension 1.2.3.4.5.6.7.8.1), or null when the certificate
   * does not carry it or its value is empty (as fabric-shim answers).
   * @throws IdentityError when the attribute extension is present but is not JSON.
   */
  getAttributeValue(attrName: string): string | null {
    const attributes = this.#parsed.attributes;
    if (!attributes.valid) throw new IdentityError(attributes.reason);
    const value = attributes.values.get(attrName);
    return value === undefined || value === '' ? null : value;
  }

  /** True when the attribute is present (non-empty) and equal to `attrValue`. */
  assertAttributeValue(attrName: string, attrValue: string): boolean {
    const value = this.getAttributeValue(attrName);
    return value !== null && value === attrValue;
  }

  /**
   * The certificate as node:crypto's X509Certificate (one object shared by identities with the
   * same creator bytes).
   * @throws IdentityError when node:crypto (OpenSSL) cannot load a certificate our reader accepted.
   */
  getX509Certificate(): X509Certificate {
    return this.#parsed.x509();
  }
}
