import type { X509Certificate } from 'crypto'; // not 'node:crypto': public declarations must compile with older @types/node
import type { ClientIdentity as ClientIdentityApi } from '@chaincode/contract-api';
import { ClientIdentity, type CreatorSource } from './client-identity';

/**
 * The `ctx.clientIdentity` the contract dispatcher hands out: a ClientIdentity built on first use.
 * A transaction that never asks who called skips decoding the proposal's creator, and a creator
 * that is not an X.509 certificate (e.g. idemix) fails only the calls that need it, with the
 * IdentityError the constructor raises, instead of every transaction (as fabric-contract-api does).
 */
export class LazyClientIdentity implements ClientIdentityApi {
  readonly #source: CreatorSource;
  #identity: ClientIdentity | undefined;

  constructor(source: CreatorSource) {
    this.#source = source;
  }

  #resolve(): ClientIdentity {
    this.#identity ??= new ClientIdentity(this.#source);
    return this.#identity;
  }

  getID(): string {
    return this.#resolve().getID();
  }

  getMSPID(): string {
    return this.#resolve().getMSPID();
  }

  getIDBytes(): Uint8Array {
    return this.#resolve().getIDBytes();
  }

  getAttributeValue(attrName: string): string | null {
    return this.#resolve().getAttributeValue(attrName);
  }

  assertAttributeValue(attrName: string, attrValue: string): boolean {
    return this.#resolve().assertAttributeValue(attrName, attrValue);
  }

  getX509Certificate(): X509Certificate {
    return this.#resolve().getX509Certificate();
  }
}
