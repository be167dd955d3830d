import type { ChaincodeStub } from '../stub/chaincode-stub';
import type { ClientIdentity } from '../stub/client-identity';
import { Brands } from '../metadata/metadata-keys';
import type { ContractLogging } from './contract-logging';

/**
 * The transaction context handed to every transaction function as its first argument. A fresh one
 * is made for every transaction by `Contract.createContext()`; subclass it to carry your own helpers.
 */
export class Context {
  /** The stub of this transaction: ledger access, arguments, transient data, events. */
  stub!: ChaincodeStub;
  /** Who submitted the transaction. */
  clientIdentity!: ClientIdentity;
  /** Loggers for contract code. */
  logging!: ContractLogging;

  /** Set by the runtime (kept for fabric-contract-api compatibility). */
  setChaincodeStub(stub: ChaincodeStub): void {
    this.stub = stub;
  }

  /** Set by the runtime (kept for fabric-contract-api compatibility). */
  setClientIdentity(clientIdentity: ClientIdentity): void {
    this.clientIdentity = clientIdentity;
  }
}

Object.defineProperty(Context.prototype, Brands.context, { value: true });

/** True for instances of any copy of `Context` (and of its subclasses). */
export function isContext(value: unknown): value is Context {
  return typeof value === 'object' && value !== null && Brands.context in value;
}

/** True for `Context` and its subclasses (from any copy of this package). */
export function isContextClass(value: unknown): boolean {
  return (
    typeof value === 'function' &&
    typeof value.prototype === 'object' &&
    value.prototype !== null &&
    Brands.context in value.prototype
  );
}
