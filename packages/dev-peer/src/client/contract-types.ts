/**
 * The type-level side of the typed contract client: which methods of a contract class are
 * transactions, what a call takes and what it answers.
 *
 * Legacy decorators cannot change a method's type, so `@Transaction(false)` is invisible to the
 * type system. `chaincode types` writes a declaration that augments `ContractTransactionRegistry`
 * with each contract's submit and evaluate transactions (read from its metadata); when the class
 * has an entry, `submit` offers only its submit transactions. Without an entry every method that
 * takes a `Context` first is offered through both.
 */
import type { Context, Contract } from '@chaincode/contract-api';

/**
 * Filled by generated declarations (`chaincode types`), one entry per contract:
 * `{ contract: <the contract's instance type>; submit: 'A' | 'B'; evaluate: 'C' }`. Empty here.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmented by generated declarations
export interface ContractTransactionRegistry {}

/**
 * A contract known only by name (`contractClient(peer, 'Name', ...)` without a type argument):
 * any transaction, any arguments, results `unknown`.
 */
export interface UntypedContract {
  [transaction: string]: (ctx: Context, ...args: unknown[]) => unknown;
}

/** The shape of one registry entry. */
export interface ContractTransactionKinds {
  /** The contract's instance type (`import('../src').AssetContract`). */
  readonly contract: object;
  /** Transactions tagged SUBMIT (`@Transaction()`). */
  readonly submit: string;
  /** Transactions tagged EVALUATE (`@Transaction(false)`). */
  readonly evaluate: string;
}

type IsAny<T> = 0 extends 1 & T ? true : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Methods of `T` that take a `Context` first, without `Contract`'s own (the fallback list). */
export type ContractMethodNames<T> = {
  [K in keyof T]-?: K extends string
    ? K extends keyof Contract
      ? never
      : T[K] extends (ctx: infer X, ...args: infer _A) => unknown
        ? IsAny<X> extends true
          ? K
          : [X] extends [Context]
            ? K
            : never
        : never
    : never;
}[keyof T];

/** The registry entry generated for the contract whose instance type is `T` (never when none). */
export type RegistryEntryOf<T> = {
  [K in keyof ContractTransactionRegistry]: ContractTransactionRegistry[K] extends ContractTransactionKinds
    ? Same<ContractTransactionRegistry[K]['contract'], T> extends true
      ? ContractTransactionRegistry[K]
      : never
    : never;
}[keyof ContractTransactionRegistry];

/** Transactions of `T` callable through `submit`. */
export type SubmitTransactionNames<T> = [RegistryEntryOf<T>] extends [never]
  ? ContractMethodNames<T>
  : Extract<RegistryEntryOf<T>['submit'], keyof T>;

/**
 * Transactions of `T` callable through `evaluate`: all of them. Evaluating a submit transaction
 * is a dry run (endorse, never commit), which Fabric's gateway allows too.
 */
export type EvaluateTransactionNames<T> = [RegistryEntryOf<T>] extends [never]
  ? ContractMethodNames<T>
  : Extract<RegistryEntryOf<T>['submit' | 'evaluate'], keyof T>;

/**
 * A value as it comes back through JSON: data properties only (methods dropped), `Date` and
 * anything with `toJSON` as what `toJSON` answers, `undefined`/`void` as `undefined`.
 */
export type Jsonified<T> =
  IsAny<T> extends true
    ? any // eslint-disable-line @typescript-eslint/no-explicit-any -- an untyped result stays untyped
    : // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- a void method answers undefined
      T extends void
      ? undefined
      : T extends string | number | boolean | null
        ? T
        : T extends bigint | symbol | ((...args: never[]) => unknown)
          ? never
          : T extends { toJSON(...args: never[]): infer J }
            ? Jsonified<J>
            : T extends readonly (infer E)[]
              ? Jsonified<E>[]
              : T extends object
                ? { [K in keyof T as JsonKey<T, K>]: Jsonified<T[K]> }
                : unknown;

type JsonKey<T, K extends keyof T> = K extends string | number
  ? T[K] extends (...args: never[]) => unknown
    ? never
    : K
  : never;

/** What a call accepts for a parameter of type `P`: the value itself or its JSON form. */
export type ArgumentOf<P> = P | Jsonified<P>;

/** The arguments of a transaction method, without its leading `ctx`. */
export type TransactionArguments<M> = M extends (ctx: never, ...args: infer A) => unknown
  ? { [I in keyof A]: ArgumentOf<A[I]> }
  : never;

/** What a transaction method answers, as the client returns it. */
export type TransactionResultValue<M> = M extends (...args: never[]) => infer R ? Jsonified<Awaited<R>> : never;

/** One typed call: the method's parameters after `ctx`, its awaited result as JSON gives it back. */
export type TransactionCall<M> = (...args: TransactionArguments<M>) => Promise<TransactionResultValue<M>>;

/** One typed call answering the value and the peer's whole result. */
export type DetailedTransactionCall<M, R> = (
  ...args: TransactionArguments<M>
) => Promise<R & { readonly value: TransactionResultValue<M> }>;
