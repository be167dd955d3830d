import {
  ParameterConversionError,
  type FullSchema,
  type ObjectTypeMetadata,
  type ParameterMetadata,
  type SchemaCompiler,
  type SchemaObject,
  type TransactionMetadata,
  type ValueCheck,
  registeredObjectClasses,
} from '@chaincode/contract-api';
import { errorMessage } from '@chaincode/contract-api/internal';
import type { TransactionSerializer } from './serializers';

/** One parameter, ready to convert and check an argument. */
interface ParameterPlan {
  readonly name: string;
  readonly optional: boolean;
  readonly read: (data: Uint8Array) => unknown;
}

/** Everything one call of a transaction needs, computed when the chaincode is created. */
export interface TransactionPlan {
  readonly name: string;
  readonly returns: SchemaObject | undefined;
  /** Turn the arguments (after the function name) into the function's parameters; throws on bad input. */
  readonly convert: (args: readonly Uint8Array[]) => unknown[];
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
 * Build the plan of one transaction: a reader and a compiled validator per parameter. A parameter
 * whose schema cannot be used makes only this transaction fail (with the reason) at call time.
 */
export function planTransaction(input: PlanInput): TransactionPlan {
  const { transaction } = input;
  const declared = transaction.parameters;
  if (declared === undefined) {
    return { name: transaction.name, returns: transaction.returns, convert: (args) => args.map(text) };
  }
  const params = declared.map((p, index) => planParameter(input, p, index));
  const required = countRequired(params);
  const total = params.length;
  return {
    name: transaction.name,
    returns: transaction.returns,
    convert: (args) => {
      if (args.length > total || args.length < required) {
        throw new Error(`Expected ${total} parameters, but ${args.length} have been supplied`);
      }
      const values = new Array<unknown>(args.length);
      for (let i = 0; i < args.length; i++) values[i] = (params[i] as ParameterPlan).read(args[i] as Uint8Array);
      return values;
    },
  };
}

/** Parameters up to the last one that is not optional. */
function countRequired(params: readonly ParameterPlan[]): number {
  let required = params.length;
  while (required > 0 && (params[required - 1] as ParameterPlan).optional) required--;
  return required;
}

function describe(input: PlanInput, name: string): string {
  return `parameter '${name}' of transaction '${input.transaction.name}' in contract '${input.contractName}'`;
}

function planParameter(input: PlanInput, param: ParameterMetadata, index: number): ParameterPlan {
  const name = typeof param.name === 'string' ? param.name : `#${index}`;
  const optional = param.required === false;
  const where = describe(input, name);
  const schema = (param as { schema?: SchemaObject }).schema;
  if (schema === undefined || typeof schema !== 'object') {
    return failingParameter(name, optional, `Unable to use ${where}: it has no schema`);
  }
  let check: ValueCheck;
  try {
    check = input.compiler.compile(schema);
  } catch (err) {
    return failingParameter(
      name,
      optional,
      `Unable to use ${where}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (input.serializer.compileReader === undefined) {
    return { name, optional, read: customRead(input.serializer, schema, input.components, where, check) };
  }
  const reader = input.serializer.compileReader(schema, input.components);
  return {
    name,
    optional,
    read: (data) => {
      let json: unknown;
      try {
        json = reader.parse(text(data));
      } catch (err) {
        throw conversionError(where, err);
      }
      const problem = validate(where, check, json);
      if (problem !== undefined) throw new Error(`Unable to validate ${where}: ${problem}`);
      try {
        return reader.materialize(json);
      } catch (err) {
        // e.g. a RangeError from an argument nested thousands of levels deep
        throw conversionError(where, err);
      }
    },
  };
}

function conversionError(where: string, err: unknown): Error {
  const reason = err instanceof ParameterConversionError ? err.reason : errorMessage(err);
  return new Error(`Unable to convert ${where}: ${reason}`, { cause: err });
}

/** Run a compiled check; a check that throws (a value nested too deeply for it) names the parameter. */
function validate(where: string, check: ValueCheck, value: unknown): string | undefined {
  try {
    return check(value);
  } catch (err) {
    throw new Error(`Unable to validate ${where}: ${errorMessage(err)}`, { cause: err });
  }
}

function failingParameter(name: string, optional: boolean, message: string): ParameterPlan {
  return {
    name,
    optional,
    read: () => {
      throw new Error(message);
    },
  };
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
  where: string,
  check: ValueCheck,
): (data: Uint8Array) => unknown {
  const fullschema: FullSchema = {
    properties: { prop: schema },
    components: { schemas: withConstructors(components) },
  };
  return (data) => {
    let out: { value: unknown; validateData?: unknown };
    try {
      out = serializer.fromBuffer(Buffer.from(data.buffer, data.byteOffset, data.byteLength), fullschema);
    } catch (err) {
      throw conversionError(where, err);
    }
    const problem = validate(where, check, out.validateData ?? out.value);
    if (problem !== undefined) throw new Error(`Unable to validate ${where}: ${problem}`);
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
