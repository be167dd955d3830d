/**
 * The rule for members whose type the compiler did not record, with the design metadata written by
 * hand (`Reflect.decorate`) to stand for each compiler: tsc's `Object`, swc's and Babel's nothing,
 * Babel's enum object, and builds without decorator metadata. `test/contract/toolchains.test.ts`
 * builds the same sources with the real compilers.
 */
import { Contract, Context, Object as ObjectType, Param, Property, Transaction } from '../index';
import { MetadataError } from '../errors/metadata-error';
import { buildContractMetadata } from './build-metadata';
import type { ContractMetadataJson } from './contract-metadata';
import { instantiateContracts } from './contract-entries';
import { registeredObjectClasses } from './object-registry';

function build(cls: new () => Contract): ContractMetadataJson {
  return buildContractMetadata({ contracts: instantiateContracts([cls]), info: { title: 't', version: '1' } });
}

function failure(fn: () => unknown): { name: string; code: unknown; message: string } | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    const e = err as MetadataError;
    return { name: e.name, code: e.code, message: e.message };
  }
}

/** Decorate `member` of `target` as a compiler would, with the given design metadata (none: no metadata). */
function decorate(target: object, member: string, decorators: unknown[]): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, member);
  Reflect.decorate(decorators as PropertyDecorator[], target, member, descriptor);
}

const classes: string[] = [];

/** An @Object class built by hand; forgotten after the test so other builds do not list it. */
function objectClass(name: string, properties: Record<string, unknown[]>): new () => object {
  const cls = { [name]: class {} }[name] as new () => object;
  for (const [property, decorators] of Object.entries(properties)) decorate(cls.prototype, property, decorators);
  ObjectType()(cls);
  classes.push(name);
  return cls;
}

afterEach(() => {
  const registry = registeredObjectClasses() as Map<string, unknown>;
  for (const name of classes.splice(0)) registry.delete(name);
});

const paramtypes = (...types: unknown[]) => Reflect.metadata('design:paramtypes', types);
const designType = (type: unknown) => Reflect.metadata('design:type', type);

describe('parameters', () => {
  class Keys extends Contract {
    async put(_ctx: Context, _key: string, _value: string): Promise<void> {
      await Promise.resolve();
    }
  }

  it('without any metadata: the first parameter is the context, the others need @Param', () => {
    class Bare extends Keys {}
    decorate(Bare.prototype, 'put', [Transaction()]);
    expect(failure(() => build(Bare))).toEqual({
      name: 'MetadataError',
      code: 'CC_API_TYPE_NOT_RECORDED',
      message: expect.stringMatching(
        /^Type not properly specified for parameter _key, can not process pure Object types: the compiler recorded no usable type for parameter _key of transaction put in contract Bare/,
      ) as unknown,
    });

    class Described extends Keys {}
    decorate(Described.prototype, 'put', [Transaction(), Param('_key', 'string'), Param('_value', 'number')]);
    expect(build(Described).contracts.Described?.transactions).toEqual([
      {
        name: 'put',
        tag: ['SUBMIT', 'submitTx'],
        parameters: [
          { name: '_key', description: '', schema: { type: 'string' } },
          { name: '_value', description: '', schema: { type: 'number' } },
        ],
      },
    ]);
  });

  it('Object (tsc) and nothing (swc, Babel) give the same error, and @Param above or below gives the type', () => {
    const errors = [Object, undefined].map((type) => {
      class Typed extends Keys {}
      decorate(Typed.prototype, 'put', [Transaction(), paramtypes(Context, String, type)]);
      return failure(() => build(Typed))?.message.replace('Typed', '<contract>');
    });
    expect(errors[0]).toMatch(/^Type not properly specified for parameter _value, /);
    expect(errors[1]).toBe(errors[0]);

    class Below extends Keys {}
    decorate(Below.prototype, 'put', [Transaction(), Param('_value', 'boolean'), paramtypes(Context, String, Object)]);
    class Above extends Keys {}
    decorate(Above.prototype, 'put', [
      Param('_value', 'boolean'),
      Transaction(),
      paramtypes(Context, String, undefined),
    ]);
    for (const [cls, name] of [
      [Below, 'Below'],
      [Above, 'Above'],
    ] as const) {
      expect(build(cls).contracts[name]?.transactions[0]?.parameters?.map((p) => [p.name, p.schema])).toEqual([
        ['_key', { type: 'string' }],
        ['_value', { type: 'boolean' }],
      ]);
    }
  });

  it('a first parameter without a recorded type is the context (an unannotated ctx), not an argument', () => {
    for (const first of [Object, undefined]) {
      class Loose extends Keys {}
      decorate(Loose.prototype, 'put', [Transaction(), paramtypes(first, String, String)]);
      expect(build(Loose).contracts.Loose?.transactions[0]?.parameters?.map((p) => p.name)).toEqual(['_key', '_value']);
    }
  });

  it('a later parameter typed as the context class is still not an argument', () => {
    class Twice extends Keys {}
    decorate(Twice.prototype, 'put', [Transaction(), paramtypes(Object, Context, String)]);
    expect(build(Twice).contracts.Twice?.transactions[0]?.parameters?.map((p) => p.name)).toEqual(['_value']);
  });
});

describe('properties of @Object classes', () => {
  class Holder extends Contract {
    @Transaction()
    async noop(_ctx: Context): Promise<void> {
      await Promise.resolve();
    }
  }

  it('Object (tsc) and nothing (swc, Babel) give the same error when the chaincode is created', () => {
    const messages = [Object, undefined].map((type) => {
      const decorators = type === undefined ? [Property()] : [Property(), designType(type)];
      objectClass('UntypedThing', { id: [Property(), designType(String)], name: decorators });
      const error = failure(() => build(Holder));
      (registeredObjectClasses() as Map<string, unknown>).delete('UntypedThing');
      return error;
    });
    expect(messages[0]).toEqual({
      name: 'MetadataError',
      code: 'CC_API_TYPE_NOT_RECORDED',
      message: expect.stringMatching(
        /^Type not properly specified for property name of UntypedThing: .*@Property\('name', '<type>'\)/,
      ) as unknown,
    });
    expect(messages[1]).toEqual(messages[0]);
    expect(messages[0]).toBeDefined();
  });

  it('a type in the decorator wins over what was recorded; a name without a type is ignored, as the official does', () => {
    objectClass('DescribedThing', {
      a: [Property({ type: 'string' })],
      b: [Property('ignored'), designType(String)],
      c: [Property({ name: 'renamed', type: 'number', required: true })],
      d: [Property('dee', 'boolean'), designType(Object)],
    });
    expect(build(Holder).components?.schemas?.DescribedThing).toEqual({
      $id: 'DescribedThing',
      type: 'object',
      properties: {
        a: { type: 'string' },
        b: { type: 'string' },
        renamed: { type: 'number' },
        dee: { type: 'boolean' },
      },
      required: ['renamed'],
    });
  });

  it('an enum object (what Babel records) is the type of its values, as tsc and swc record it', () => {
    enum Size {
      S = 1,
      M,
    }
    enum Colour {
      Red = 'red',
    }
    objectClass('EnumThing', { size: [Property(), designType(Size)], colour: [Property(), designType(Colour)] });
    expect(build(Holder).components?.schemas?.EnumThing?.properties).toEqual({
      size: { type: 'number' },
      colour: { type: 'string' },
    });
  });
});
