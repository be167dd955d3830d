import { JSONSerializer, type FromBufferResult } from '@chaincode/contract-api';
import { SchemaCompiler, type ParameterMetadata } from '@chaincode/contract-api/internal';
import { ArgumentError, DispatchError } from './dispatch-error';
import type { TransactionSerializer } from './serializers';
import { planTransaction } from './transaction-plan';

const components = {
  Pet: { $id: 'Pet', type: 'object' as const, properties: { name: { type: 'string' } }, required: ['name'] },
};

function plan(parameters: ParameterMetadata[], serializer: TransactionSerializer = new JSONSerializer()) {
  return planTransaction({
    contractName: 'zoo',
    transaction: { name: 'adopt', parameters },
    components,
    compiler: new SchemaCompiler(components),
    serializer,
  });
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('nothing was thrown');
}

const bytes = (...args: string[]): Uint8Array[] => args.map((a) => Buffer.from(a));

describe('planTransaction errors', () => {
  const pet: ParameterMetadata = { name: 'pet', schema: { $ref: '#/components/schemas/Pet' } };
  const count: ParameterMetadata = { name: 'count', schema: { type: 'integer' } };

  it('a wrong number of arguments is CC_SHIM_ARGUMENT_COUNT with the official text', () => {
    const err = thrown(() => plan([pet, count]).convert(bytes('{"name":"rex"}')));
    expect(err).toBeInstanceOf(DispatchError);
    expect(err).toMatchObject({
      name: 'DispatchError',
      code: 'CC_SHIM_ARGUMENT_COUNT',
      message: 'Expected 2 parameters, but 1 have been supplied',
    });
  });

  it('an argument that cannot be converted names the parameter and the reason', () => {
    const err = thrown(() => plan([pet, count]).convert(bytes('{"name":"rex"}', 'ten')));
    expect(err).toBeInstanceOf(ArgumentError);
    expect(err).toMatchObject({
      code: 'CC_SHIM_ARGUMENT_CONVERSION',
      contract: 'zoo',
      transaction: 'adopt',
      parameter: 'count',
      reason: '"ten" is not a number',
      message: `Unable to convert parameter 'count' of transaction 'adopt' in contract 'zoo': "ten" is not a number`,
    });
    expect((err as ArgumentError).cause).toMatchObject({ code: 'CC_API_PARAMETER_CONVERSION' });
  });

  it('an argument its schema refuses names the parameter and every problem', () => {
    const err = thrown(() => plan([pet, count]).convert(bytes('{"age":1}', '1.5')));
    expect(err).toMatchObject({
      code: 'CC_SHIM_ARGUMENT_INVALID',
      parameter: 'pet',
      reason: "must have required property 'name'",
    });
  });

  it('a parameter whose schema cannot be used fails only its calls, naming why', () => {
    const broken = plan([{ name: 'ghost', schema: { $ref: '#/components/schemas/Ghost' } }]);
    const err = thrown(() => broken.convert(bytes('{}')));
    expect(err).toMatchObject({ code: 'CC_SHIM_PARAMETER_UNUSABLE', parameter: 'ghost' });
    expect((err as Error).message).toMatch(
      /^Unable to use parameter 'ghost' of transaction 'adopt' in contract 'zoo': /,
    );
    const schemaless = plan([{ name: 'bare' } as unknown as ParameterMetadata]);
    expect(thrown(() => schemaless.convert(bytes('x')))).toMatchObject({
      code: 'CC_SHIM_PARAMETER_UNUSABLE',
      reason: 'it has no schema',
    });
  });

  it('compiles a check on the first argument it sees, once; a schema that cannot compile is tried once', () => {
    class Counting extends SchemaCompiler {
      compiled = 0;
      override compile(schema: Parameters<SchemaCompiler['compile']>[0]) {
        this.compiled++;
        return super.compile(schema);
      }
    }
    const compiler = new Counting(components);
    const planned = planTransaction({
      contractName: 'zoo',
      transaction: { name: 'adopt', parameters: [pet, { name: 'ghost', schema: { $ref: 'Ghost' } }] },
      components,
      compiler,
      serializer: new JSONSerializer(),
    });
    expect(compiler.compiled).toBe(0);
    for (let i = 0; i < 3; i++) {
      expect(thrown(() => planned.convert(bytes('{"name":"rex"}', '{}')))).toMatchObject({
        code: 'CC_SHIM_PARAMETER_UNUSABLE',
        parameter: 'ghost',
      });
    }
    expect(compiler.compiled).toBe(2);
    expect(thrown(() => planned.convert(bytes('{"age":1}', '{}')))).toMatchObject({
      code: 'CC_SHIM_ARGUMENT_INVALID',
      parameter: 'pet',
    });
    expect(compiler.compiled).toBe(2);
    // what `chaincode package` asks before a peer would find it
    expect(planned.compileChecks()).toEqual([
      expect.objectContaining({ code: 'CC_SHIM_PARAMETER_UNUSABLE', parameter: 'ghost' }),
    ]);
  });

  it('a custom serializer that throws gives a conversion error; what it answers is validated', () => {
    class Strict extends JSONSerializer {
      override fromBuffer(data: Uint8Array): FromBufferResult {
        const text = Buffer.from(data).toString();
        if (text === 'boom') throw new RangeError('cannot read boom');
        return { value: text, validateData: Number(text), jsonForValidation: Number(text) };
      }
    }
    const p = plan([count], new Strict());
    expect(thrown(() => p.convert(bytes('boom')))).toMatchObject({
      code: 'CC_SHIM_ARGUMENT_CONVERSION',
      reason: 'cannot read boom',
    });
    expect(thrown(() => p.convert(bytes('2.5')))).toMatchObject({
      code: 'CC_SHIM_ARGUMENT_INVALID',
      reason: 'must be integer',
    });
    expect(p.convert(bytes('2'))).toEqual(['2']);
  });

  it('a subclass that keeps fromBuffer reads arguments the same way as JSONSerializer', () => {
    class Same extends JSONSerializer {}
    expect(plan([pet], new Same()).convert(bytes('{"name":"rex"}'))).toEqual([{ name: 'rex' }]);
  });
});
