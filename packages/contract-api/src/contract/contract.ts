import { UnknownTransactionError } from '../errors/transaction-error';
import { Brands } from '../metadata/metadata-keys';
import { Context } from './context';

/** Names of the base class's methods: never exposed as transactions of an undecorated contract. */
export const CONTRACT_METHOD_NAMES: readonly string[] = [
  'constructor',
  'beforeTransaction',
  'afterTransaction',
  'aroundTransaction',
  'unknownTransaction',
  'createContext',
  'getName',
];

/**
 * The base class of every contract. A chaincode holds one instance per contract class; each
 * transaction gets a fresh context from `createContext()`.
 *
 * @example
 * ```ts
 * export class AssetContract extends Contract {
 *   constructor() { super('assets'); }
 *   @Transaction()
 *   async create(ctx: Context, id: string): Promise<void> { await ctx.stub.putState(id, Buffer.from('{}')); }
 * }
 * ```
 */
export class Contract {
  /** The namespace clients use as `<name>:<function>`; the class name by default. */
  name: string;

  /**
   * `static autoWriteBatch = true` in a subclass batches the writes of each of its transactions,
   * as if every transaction began with `ctx.stub.startWriteBatch()`: on a Fabric 3.1 peer that
   * advertises WRITE_BATCH_STATE, putState/deleteState/... are sent together before the
   * transaction completes (one round trip instead of one per write). The trade-off: a write the
   * peer refuses (e.g. `putPrivateData` to a collection that does not exist) then fails the
   * whole transaction when the batch is sent, not at its own `await`. Off by default, as with
   * fabric-contract-api; `await ctx.stub.finishWriteBatch()` sends what is buffered and ends
   * batching for the rest of the transaction.
   */
  static autoWriteBatch?: boolean;

  constructor(name?: string | null) {
    this.name = name === undefined || name === null ? new.target.name : name.trim();
  }

  /** True for any contract instance, from any copy of this package (or fabric-contract-api's flag). */
  static _isContract(obj: unknown): boolean {
    if (typeof obj !== 'object' || obj === null) return false;
    return Brands.contract in obj || (obj as { __isContract?: unknown }).__isContract === true;
  }

  /** Runs after the arguments were converted and validated, before the transaction function. */
  async beforeTransaction(_ctx: Context): Promise<void> {
    // nothing by default
  }

  /** Runs after the transaction function returned, with its result. */
  async afterTransaction(_ctx: Context, _result: unknown): Promise<void> {
    // nothing by default
  }

  /**
   * Wraps the call of the transaction function `fn` (its name). The default calls it; override to
   * run code around it, and call `super.aroundTransaction(ctx, fn, parameters)`.
   */
  async aroundTransaction(
    ctx: Context,
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the official typings say Function; the value is the name
    fn: string | Function,
    parameters: unknown[],
  ): Promise<unknown> {
    const name = typeof fn === 'function' ? fn.name : fn;
    const method = (this as unknown as Record<string, unknown>)[name];
    if (typeof method !== 'function') {
      throw new UnknownTransactionError('CC_API_NOT_A_FUNCTION', `${name} is not a function of contract ${this.name}`);
    }
    const result: unknown = await (method as (...args: unknown[]) => unknown).call(this, ctx, ...parameters);
    return result;
  }

  /** Called for a function name this contract does not have; the default answers an error. */
  unknownTransaction(ctx: Context): Promise<void> {
    const { fcn } = ctx.stub.getFunctionAndParameters();
    return Promise.reject(
      new UnknownTransactionError(
        'CC_API_UNKNOWN_TRANSACTION',
        `You've asked to invoke a function that does not exist: ${fcn}`,
      ),
    );
  }

  /** The context of one transaction; override to return a subclass of `Context`. */
  createContext(): Context {
    return new Context();
  }

  getName(): string {
    return this.name;
  }
}

Object.defineProperty(Contract.prototype, Brands.contract, { value: true });

/** A class that builds contracts (its constructor takes no required arguments). */
export type ContractClass<T extends Contract = Contract> = new () => T;

/** True for `Contract` subclasses from any copy of this package. */
export function isContractClass(value: unknown): value is ContractClass {
  return (
    typeof value === 'function' &&
    typeof value.prototype === 'object' &&
    value.prototype !== null &&
    (Brands.contract in value.prototype || '__isContract' in value.prototype)
  );
}
