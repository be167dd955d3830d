/**
 * `@chaincode/contract-api`: what a contract author imports (the names of fabric-contract-api 2.5,
 * plus our options, errors and the types of the stub). What our other packages need lives in
 * `@chaincode/contract-api/internal`.
 *
 * Every value is exported as `export import X = module.X`, which compiles to a plain assignment
 * (`exports.X = ...`): `require('@chaincode/contract-api')` is then an ordinary object whose
 * properties a test can replace (`sinon.stub(api, 'Transaction')`), as with the official package,
 * while `X` keeps its type meaning too (`ctx: Context`). `export { X } from` would compile to
 * getter-only properties.
 */
import 'reflect-metadata';
import * as contract from './contract';
import * as decorators from './decorators';
import * as chaincodeError from './errors/chaincode-error';
import * as contractApiError from './errors/contract-api-error';
import * as contractError from './errors/contract-error';
import * as metadataError from './errors/metadata-error';
import * as canonical from './serialization/canonical-json';
import * as serializer from './serialization/json-serializer';

// Contracts and their context.
export import Contract = contract.Contract;
export import Context = contract.Context;
export type { ContractClass, ContractLogger, ContractLogging } from './contract';

// Decorators (the official names; `Object` is exported under that name, as the official does).
export import Transaction = decorators.Transaction;
export import Returns = decorators.Returns;
export import Param = decorators.Param;
export import Object = decorators.ObjectDecorator;
export import Property = decorators.Property;
export import Info = decorators.Info;
export import Default = decorators.Default;
export type { ClassDecoratorFn, MethodDecoratorFn } from './decorators';
export type {
  ContractInfo,
  ObjectOptions,
  ParamOptions,
  PropertyOptions,
  SchemaOptions,
} from './metadata/decorator-options';

// Serialization of arguments and results.
export import JSONSerializer = serializer.JSONSerializer;
export type { FromBufferResult, FullSchema, JSONSerializerOptions } from './serialization/json-serializer';
export type { ObjectTypeMetadata, SchemaObject } from './metadata/contract-metadata';
export import canonicalJson = canonical.canonicalJson;

// Errors: the one a transaction throws to answer a client, and the ones this package throws.
export import ContractError = contractError.ContractError;
export import isContractError = contractError.isContractError;
export type { ContractErrorOptions } from './errors/contract-error';
export import ChaincodeError = chaincodeError.ChaincodeError;
export import isChaincodeError = chaincodeError.isChaincodeError;
export type { ChaincodeErrorOptions } from './errors/chaincode-error';
export import ContractApiError = contractApiError.ContractApiError;
export import MetadataError = metadataError.MetadataError;
export type { MetadataErrorCode } from './errors/metadata-error';
export type { ContractApiErrorCode } from './errors/codes';

// The stub, identity and iterator types a transaction sees (types only: nothing at run time).
export * from './stub';
