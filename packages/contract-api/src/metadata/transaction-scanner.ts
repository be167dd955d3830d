import { CONTRACT_METHOD_NAMES } from '../contract/contract';
import { isContextClass } from '../contract/context';
import type { ParameterMetadata, SchemaObject, TransactionMetadata } from './contract-metadata';
import { SYSTEM_CONTRACT_NAME } from './contract-metadata';
import { MetadataKeys, DesignKeys } from './metadata-keys';
import { getDesign, readChain, type OwnedRecord } from './metadata-store';
import { parameterNames } from './parameter-names';
import type { MethodRecord, ParamRecord, ReturnsRecord, TransactionRecord } from './records';
import { parameterTypeNotRecorded } from './type-not-recorded';
import { applySchemaOptions, schemaForDesignType, schemaForTypeName } from './type-schema';

/**
 * The transactions of one contract instance, as fabric-contract-api lists them:
 * - when the class (or an ancestor) has any @Transaction/@Returns/@Param, exactly those methods,
 *   built by replaying the decorator records root class first, in the order the decorators ran;
 * - otherwise every function of the class's own prototype except `_`-prefixed names and the base
 *   class's methods, tagged SUBMIT, with `argN: string` parameters.
 * `contextClass` is what `createContext()` returns: parameters of that type (and of any Context
 * subclass) are the context, not arguments.
 */
export function scanTransactions(instance: object, contractName: string, contextClass: unknown): TransactionMetadata[] {
  const proto = Object.getPrototypeOf(instance) as object;
  const records = readChain<MethodRecord>(MetadataKeys.methodRecords, proto);
  if (records.length === 0) return scanUndecorated(proto, contractName);
  const transactions: TransactionMetadata[] = [];
  for (const owned of records) {
    const { record } = owned;
    if (record.kind === 'transaction')
      replayTransaction(transactions, owned as OwnedRecord<TransactionRecord>, contextClass);
    else if (record.kind === 'returns') replayReturns(transactions, owned as OwnedRecord<ReturnsRecord>);
    else replayParam(transactions, record);
  }
  checkTyped(transactions, contractName);
  return transactions;
}

function find(transactions: TransactionMetadata[], name: string): TransactionMetadata | undefined {
  return transactions.find((t) => t.name === name);
}

/** Merge `data` into the entry for `name`, or append it with `name` last (the official key order). */
function appendOrUpdate(transactions: TransactionMetadata[], name: string, data: Partial<TransactionMetadata>): void {
  const existing = find(transactions, name);
  if (existing !== undefined) {
    Object.assign(existing, data);
  } else {
    transactions.push({ ...data, name });
  }
}

function replayTransaction(
  transactions: TransactionMetadata[],
  { owner, record }: OwnedRecord<TransactionRecord>,
  contextClass: unknown,
): void {
  const existing = find(transactions, record.method);
  const method = methodOf(owner, record.method);
  const names = method === undefined ? [] : parameterNames(method);
  // undefined when the build emits no decorator metadata: then every type comes from @Param
  const types = getDesign<unknown[]>(DesignKeys.paramTypes, owner, record.method);
  const parameters: ParameterMetadata[] = [];
  const count = types?.length ?? names.length;
  for (let index = 0; index < count; index++) {
    const type = types?.[index];
    if (type !== undefined && (type === contextClass || isContextClass(type))) continue;
    const schema = schemaForDesignType(type);
    // The dispatcher always passes the context first: a first parameter whose type was not recorded
    // (`ctx` without annotation, or no metadata at all) is the context, under every compiler.
    if (index === 0 && schema === undefined) continue;
    const name = names[index] ?? `arg${index}`;
    parameters.push({ name, description: '', schema: schema ?? notRecorded() });
  }
  for (const given of existing?.parameters ?? []) {
    const at = parameters.findIndex((p) => p.name === given.name);
    if (at !== -1) parameters[at] = given;
  }
  appendOrUpdate(transactions, record.method, {
    tag: record.submit ? ['SUBMIT', 'submitTx'] : ['EVALUATE'],
    parameters,
  });
}

/** Placeholder schemas of parameters whose type was not recorded (until a @Param gives one). */
const untyped = new WeakSet<SchemaObject>();

function notRecorded(): SchemaObject {
  const schema: SchemaObject = {};
  untyped.add(schema);
  return schema;
}

/** Every parameter has a type once all the records are replayed, or the chaincode cannot be made. */
function checkTyped(transactions: readonly TransactionMetadata[], contractName: string): void {
  for (const transaction of transactions) {
    for (const parameter of transaction.parameters ?? []) {
      if (untyped.has(parameter.schema)) {
        throw parameterTypeNotRecorded(parameter.name, transaction.name, contractName);
      }
    }
  }
}

/** The function stored under `name` on `proto` or its ancestors (accessors are not called). */
function methodOf(proto: object, name: string): ((...args: never[]) => unknown) | undefined {
  for (let p: object | null = proto; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(p, name);
    if (descriptor !== undefined) {
      const value: unknown = descriptor.value;
      return typeof value === 'function' ? (value as (...args: never[]) => unknown) : undefined;
    }
  }
  return undefined;
}

function replayReturns(transactions: TransactionMetadata[], { owner, record }: OwnedRecord<ReturnsRecord>): void {
  let schema: SchemaObject | undefined;
  if (record.type === '') {
    const designType = getDesign(DesignKeys.returnType, owner, record.method);
    // `async` methods record Promise: the type of what it resolves to is not recorded
    if (designType !== Promise) schema = schemaForDesignType(designType);
  } else {
    schema = schemaForTypeName(record.type);
  }
  if (schema === undefined) return;
  appendOrUpdate(transactions, record.method, { returns: applySchemaOptions(schema, record.options) });
}

function replayParam(transactions: TransactionMetadata[], record: ParamRecord): void {
  const schema = applySchemaOptions(schemaForTypeName(record.type), record.options);
  const description = record.description ?? '';
  const entry: ParameterMetadata = { name: record.name, description, schema };
  if (record.options?.optional === true) entry.required = false;
  const existing = find(transactions, record.method);
  if (existing?.parameters !== undefined) {
    const param = existing.parameters.find((p) => p.name === record.name);
    if (param !== undefined) {
      param.schema = schema;
      param.description = description;
      if (entry.required === false) param.required = false;
    } else {
      existing.parameters.push(entry);
    }
  } else {
    appendOrUpdate(transactions, record.method, { parameters: [entry] });
  }
}

function scanUndecorated(proto: object, contractName: string): TransactionMetadata[] {
  const transactions: TransactionMetadata[] = [];
  for (const name of Object.getOwnPropertyNames(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    const fn: unknown = descriptor?.value;
    if (typeof fn !== 'function') continue;
    if (name.startsWith('_') || CONTRACT_METHOD_NAMES.includes(name)) continue;
    const transaction: TransactionMetadata = { name };
    // fabric-contract-api writes `tags` here (not in the schema); we write `tag` as decorated methods do.
    if (contractName !== SYSTEM_CONTRACT_NAME) transaction.tag = ['SUBMIT', 'submitTx'];
    const arity = (fn as { length: number }).length;
    if (arity > 1) {
      transaction.parameters = [];
      for (let i = 1; i < arity; i++) {
        transaction.parameters.push({
          name: `arg${i - 1}`,
          description: `Argument ${i - 1}`,
          schema: { type: 'string' },
        });
      }
    }
    transactions.push(transaction);
  }
  return transactions;
}
