import type { ObjectOptions, ParamOptions, PropertyOptions, SchemaOptions } from './decorator-options';

/** What `@Transaction(submit)` recorded. */
export interface TransactionRecord {
  readonly kind: 'transaction';
  readonly method: string;
  readonly submit: boolean;
}

/** What `@Returns(type)` recorded. */
export interface ReturnsRecord {
  readonly kind: 'returns';
  readonly method: string;
  readonly type: string;
  readonly options: SchemaOptions | undefined;
}

/** What `@Param(name, type, description)` recorded. */
export interface ParamRecord {
  readonly kind: 'param';
  readonly method: string;
  readonly name: string;
  readonly type: string;
  readonly description: string | undefined;
  readonly options: ParamOptions | undefined;
}

/** Method decorator records, kept in the order the decorators ran. */
export type MethodRecord = TransactionRecord | ReturnsRecord | ParamRecord;

/** What `@Property(name?, type?)` recorded. */
export interface PropertyRecord {
  readonly field: string;
  readonly name: string | undefined;
  readonly type: string | undefined;
  readonly options: PropertyOptions | undefined;
}

/** What `@Object(opts)` recorded. */
export interface ObjectRecord {
  readonly options: ObjectOptions | undefined;
}
