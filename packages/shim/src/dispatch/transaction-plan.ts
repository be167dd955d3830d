import { JSONSerializer, type FullSchema } from '@chaincode/contract-api';
import {
  compileParameterReader,
  errorMessage,
  ParameterConversionError,
  registeredObjectClasses,
  type ObjectTypeMetadata,
  type ParameterMetadata,
  type SchemaCompiler,
  type SchemaObject,
  type TransactionMetadata,
  type ValueCheck,
} from '@chaincode/contract-api/internal';
import { ArgumentError, DispatchError, type ParameterPlace } from './dispatch-error';
import type { TransactionSerializer } from './serializers';
import { asBuffer } from '../wire/bytes';

/** One parameter, ready to convert and check an argument. */
interface ParameterPlan {
  readonly name: string;
  readonly optional: boolean;
  readonly read: (data: Uint8Array) => unknown;
  /** Compile the check if it is not yet; throws the ArgumentError of a parameter that cannot be used. */
  readonly prepare: () => void;
}

/** Everything one call of a transaction needs, computed when the chaincode is created (checks on first use). */
export interface TransactionPlan {
  readonly name: string;
  readonly returns: SchemaObject | undefined;
  /** Turn the arguments (after the function name) into the function's parameters; throws on bad input. */
  readonly convert: (args: readonly Uint8Array[]) => unknown[];
  /** Compile every parameter's check now (they compile on first use); answers those that cannot be used. */
  readonly compileChecks: () => ArgumentError[];
}

export interface PlanInput {
  readonly contractName: string;
  readonly transaction: TransactionMetadata;
  readonly components: Readonly<Record<string, ObjectTypeMetadata>>;
  readonly compiler: SchemaCompiler;
  readonly serializer: TransactionSerializer;
}

const decoder = new TextDecoder();

function text(data: Uint8Array): string {
  return decoder.decode(data);
}

/**
 * Build the plan of one transaction: a reader per parameter, and its validator (compiled on first use). A parameter
 * whose schema cannot be used makes only this transaction fail (with the reason) at call time.
 */
export function planTransaction(input: PlanInput): TransactionPlan {
  const { transaction } = input;
  const declared = transaction.parameters;
  if (declared === undefined) {
    return {
      name: transaction.name,
      returns: transaction.returns,
      convert: (args) => args.map(text),
      compileChecks: () => [],
    };
  }
  const params = declared.map((p, index) => planParameter(input, p, index));
  const required = countRequired(params);
  const total = params.length;
  return {
    name: transaction.name,
    returns: transaction.returns,
    convert: (args) => {
      if (args.length > total || args.length < required) {
        throw new DispatchError(
          'CC_SHIM_ARGUMENT_COUNT',
          `Expected ${total} parameters, but ${args.length} have been supplied`,
        );
      }
      const values = new Array<unknown>(args.length);
      for (let i = 0; i < args.length; i++) values[i] = (params[i] as ParameterPlan).read(args[i] as Uint8Array);
      return values;
    },
    compileChecks: () =>
      params.flatMap((p) => {
        try {
          p.prepare();
          return [];
        } catch (err) {
          if (err instanceof ArgumentError) return [err];
          throw err;
        }
      }),
  };
}

/** Parameters up to the last one that is not optional. */
function countRequired(params: readonly ParameterPlan[]): number {
  let required = params.length;
  while (required > 0 && (params[required - 1] as ParameterPlan).optional) required--;
  return required;
}

function planParameter(input: PlanInput, param: ParameterMetadata, index: number): ParameterPlan {
  const name = typeof param.name === 'string' ? param.name : `#${index}`;
  const optional = param.required === false;
  const place: ParameterPlace = { contract: input.contractName, transaction: input.transaction.name, parameter: name };
  const schema = (param as { schema?: SchemaObject }).schema;
  if (schema === undefined || typeof schema !== 'object') {
    return failingParameter(
      name,
      optional,
      () => new ArgumentError('CC_SHIM_PARAMETER_UNUSABLE', place, 'it has no schema'),
    );
  }
  const check = lazyCheck(input.compiler, schema, place);
  const prepare = (): void => void check();
  if (!usesDefaultReading(input.serializer)) {
    return { name, optional, prepare, read: customRead(input.serializer, schema, input.components, place, check) };
  }
  const reader = compileParameterReader(schema, input.components);
  return {
    name,
    optional,
    prepare,
    read: (data) => {
      const valueCheck = check();
      let json: unknown;
      try {
        json = reader.parse(text(data));
      } catch (err) {
        throw conversionError(place, err);
      }
      validate(place, valueCheck, json);
      try {
        return reader.materialize(json);
      } catch (err) {
        // e.g. a RangeError from an argument nested thousands of levels deep
        throw conversionError(place, err);
      }
    },
  };
}

/**
 * Our JSONSerializer (or a subclass that keeps its `fromBuffer`): the argument reader is compiled
 * once per parameter instead of calling `fromBuffer` for every argument, with the same result.
 */
function usesDefaultReading(serializer: TransactionSerializer): boolean {
  return serializer.fromBuffer === JSONSerializer.prototype.fromBuffer;
}

function conversionError(place: ParameterPlace, err: unknown): ArgumentError {
  const reason = err instanceof ParameterConversionError ? err.reason : errorMessage(err);
  return new ArgumentError('CC_SHIM_ARGUMENT_CONVERSION', place, reason, { cause: err });
}

/**
 * The check of one parameter, compiled on the first argument it sees: a process registers with its
 * peer before it loads ajv, and compiles only the transactions it is asked to run. A schema that
 * cannot compile makes every call of this transaction fail with the reason (CC_SHIM_PARAMETER_UNUSABLE),
 * as it did when checks were compiled with the chaincode.
 */
function lazyCheck(compiler: SchemaCompiler, schema: SchemaObject, place: ParameterPlace): () => ValueCheck {
  let compiled: ValueCheck | undefined;
  let failure: unknown;
  return () => {
    if (compiled !== undefined) return compiled;
    if (failure === undefined) {
      try {
        compiled = compiler.compile(schema);
        return compiled;
      } catch (err) {
        failure = err;
      }
    }
    throw new ArgumentError('CC_SHIM_PARAMETER_UNUSABLE', place, errorMessage(failure), { cause: failure });
  };
}

/**
 * Run a compiled check and throw what it finds; a check that throws (a value nested too deeply for
 * it) names the parameter as well.
 */
function validate(place: ParameterPlace, check: ValueCheck, value: unknown): void {
  let problem: string | undefined;
  try {
    problem = check(value);
  } catch (err) {
    throw new ArgumentError('CC_SHIM_ARGUMENT_INVALID', place, errorMessage(err), { cause: err });
  }
  if (problem !== undefined) throw new ArgumentError('CC_SHIM_ARGUMENT_INVALID', place, problem);
}

function failingParameter(name: string, optional: boolean, error: () => ArgumentError): ParameterPlan {
  const fail = (): never => {
    throw error();
  };
  return { name, optional, read: fail, prepare: fail };
}

/**
 * An argument read through a custom serializer's `fromBuffer`, called as the official calls it (with
 * the `{properties: {prop}, components: {schemas}}` wrapper, `cnstr` set on known classes); what it
 * answers as `validateData` (else `value`) is validated, and `value` is passed on.
 */
function customRead(
  serializer: TransactionSerializer,
  schema: SchemaObject,
  components: Readonly<Record<string, ObjectTypeMetadata>>,
  place: ParameterPlace,
  check: () => ValueCheck,
): (data: Uint8Array) => unknown {
  const fullschema: FullSchema = {
    properties: { prop: schema },
    components: { schemas: withConstructors(components) },
  };
  return (data) => {
    const valueCheck = check();
    let out: { value: unknown; validateData?: unknown };
    try {
      out = serializer.fromBuffer(asBuffer(data), fullschema);
    } catch (err) {
      throw conversionError(place, err);
    }
    validate(place, valueCheck, out.validateData ?? out.value);
    return out.value;
  };
}

/** The components with `cnstr` (the @Object class), as custom serializers written for the official expect. */
function withConstructors(
  components: Readonly<Record<string, ObjectTypeMetadata>>,
): Record<string, ObjectTypeMetadata> {
  const classes = registeredObjectClasses();
  const out: Record<string, ObjectTypeMetadata> = {};
  for (const [name, schema] of Object.entries(components)) {
    const cls = classes.get(name);
    out[name] = cls === undefined ? { ...schema } : { ...schema, cnstr: cls };
  }
  return out;
}
