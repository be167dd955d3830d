import {
  Contract,
  Context,
  Default,
  Info,
  Object as ObjectType,
  Param,
  Property,
  Returns,
  Transaction,
} from '../index';
import { isDefaultContract } from './contract-flags';
import { buildContractMetadata, type ContractEntry } from './build-metadata';
import type { ContractMetadataJson, TransactionMetadata } from './contract-metadata';
import { validateContractMetadata } from '../validation/metadata-schema';
import { MetadataError } from '../errors/metadata-error';

function entry(cls: new () => Contract, isDefault = false): ContractEntry {
  const instance = new cls();
  return { name: instance.getName(), instance, isDefault, contextClass: instance.createContext().constructor };
}

function build(...classes: (new () => Contract)[]): ContractMetadataJson {
  return buildContractMetadata({
    contracts: classes.map((c, i) => entry(c, i === 0)),
    info: { title: 't', version: '1' },
  });
}

function transactions(metadata: ContractMetadataJson, contract: string): TransactionMetadata[] {
  return metadata.contracts[contract]?.transactions ?? [];
}

@ObjectType()
class BmAsset {
  @Property()
  id: string = '';

  @Property('size', 'number', { integer: true, minimum: 0, required: true })
  size: number = 0;

  @Property()
  labels: string[] = [];

  @Property()
  created: Date = new Date(0);

  @Property({ required: true, pattern: '^[A-Z]' })
  owner: string = '';
}

@ObjectType({ discriminator: 'kind' })
class BmBase {
  @Property()
  kind: string = '';
}

@ObjectType()
export class BmDerived extends BmBase {
  @Property()
  extra: number = 0;
}

class BmParent extends Contract {
  @Transaction()
  async parentTx(_ctx: Context, a: string): Promise<void> {
    await Promise.resolve(a);
  }
}

class BmChildA extends BmParent {
  constructor() {
    super('childA');
  }

  @Transaction(false)
  @Returns('string')
  async childTx(_ctx: Context, n: number): Promise<string> {
    return String(n);
  }
}

class BmChildB extends BmParent {
  constructor() {
    super('childB');
  }

  @Transaction()
  async otherTx(_ctx: Context): Promise<void> {
    await Promise.resolve();
  }
}

describe('transactions from decorators', () => {
  it('lists decorated methods with tags, design types and parsed names, without the context', () => {
    class Shop extends Contract {
      @Transaction()
      async buy(ctx: Context, item: string, count: number, gift: boolean, asset: BmAsset): Promise<void> {
        await Promise.resolve([ctx, item, count, gift, asset]);
      }

      @Transaction(false)
      async look(_ctx: Context): Promise<void> {
        await Promise.resolve();
      }

      async notExposed(): Promise<void> {
        await Promise.resolve();
      }
    }
    expect(transactions(build(Shop), 'Shop')).toEqual([
      {
        name: 'buy',
        tag: ['SUBMIT', 'submitTx'],
        parameters: [
          { name: 'item', description: '', schema: { type: 'string' } },
          { name: 'count', description: '', schema: { type: 'number' } },
          { name: 'gift', description: '', schema: { type: 'boolean' } },
          { name: 'asset', description: '', schema: { $ref: '#/components/schemas/BmAsset' } },
        ],
      },
      { name: 'look', tag: ['EVALUATE'], parameters: [] },
    ]);
  });

  it('keeps the official key order whichever decorator runs first', () => {
    class Order extends Contract {
      @Transaction()
      @Param('ids', 'string[]', 'the ids')
      @Returns('BmAsset')
      async below(_ctx: Context, ids: string[]): Promise<BmAsset> {
        return Promise.resolve(Object.assign(new BmAsset(), { id: ids[0] }));
      }

      @Returns('string')
      @Param('x', 'number', { integer: true, optional: true })
      @Transaction(false)
      async above(_ctx: Context, x: number): Promise<string> {
        return Promise.resolve(String(x));
      }
    }
    const [below, above] = transactions(build(Order), 'Order');
    expect(JSON.stringify(below)).toBe(
      '{"returns":{"$ref":"#/components/schemas/BmAsset"},"name":"below","parameters":[{"name":"ids","description":"the ids","schema":{"type":"array","items":{"type":"string"}}}],"tag":["SUBMIT","submitTx"]}',
    );
    expect(JSON.stringify(above)).toBe(
      '{"tag":["EVALUATE"],"parameters":[{"name":"x","description":"","schema":{"type":"integer"},"required":false}],"name":"above","returns":{"type":"string"}}',
    );
  });

  it('treats @Param or @Returns alone as exposing the method', () => {
    class Partial extends Contract {
      @Returns('string')
      async onlyReturns(): Promise<string> {
        return Promise.resolve('');
      }

      @Param('a', 'string')
      async onlyParam(_ctx: Context, a: string): Promise<string> {
        return Promise.resolve(a);
      }
    }
    expect(transactions(build(Partial), 'Partial')).toEqual([
      { returns: { type: 'string' }, name: 'onlyReturns' },
      { parameters: [{ name: 'a', description: '', schema: { type: 'string' } }], name: 'onlyParam' },
    ]);
  });

  it('inherits parent transactions without changing the parent (copy on write, merge on read)', () => {
    const names = (cls: new () => Contract, name: string): string[] =>
      transactions(build(cls), name).map((t) => t.name);
    expect(names(BmChildA, 'childA')).toEqual(['parentTx', 'childTx']);
    expect(names(BmChildB, 'childB')).toEqual(['parentTx', 'otherTx']);
    expect(names(BmParent, 'BmParent')).toEqual(['parentTx']);
  });

  it('does not list a custom context (or any Context subclass) as a parameter', () => {
    class MyCtx extends Context {}
    class WithCtx extends Contract {
      override createContext(): MyCtx {
        return new MyCtx();
      }

      @Transaction()
      async a(_ctx: Context, x: string): Promise<string> {
        return Promise.resolve(x);
      }

      @Transaction()
      async b(_ctx: MyCtx, x: string): Promise<string> {
        return Promise.resolve(x);
      }
    }
    const [a, b] = transactions(build(WithCtx), 'WithCtx');
    expect(a?.parameters).toEqual([{ name: 'x', description: '', schema: { type: 'string' } }]);
    expect(b?.parameters).toEqual(a?.parameters);
  });

  it('refuses a parameter typed Object with the official message (at chaincode creation)', () => {
    class Loose extends Contract {
      @Transaction()
      async a(_ctx: Context, x: unknown): Promise<unknown> {
        return Promise.resolve(x);
      }
    }
    let thrown: unknown;
    try {
      build(Loose);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(MetadataError);
    expect(thrown).toMatchObject({ code: 'CC_API_TYPE_NOT_RECORDED' });
    expect((thrown as Error).message).toMatch(
      /^Type not properly specified for parameter x, can not process pure Object types: .*transaction a in contract Loose/,
    );
  });
});

describe('undecorated contracts', () => {
  it('exposes own prototype methods except _names and the base class methods, tagged SUBMIT with argN', () => {
    class Base extends Contract {
      baseMethod(): void {
        // inherited: not listed (as the official)
      }
    }
    class Plain extends Base {
      async get(_ctx: Context, _key: string, _other: string): Promise<void> {
        await Promise.resolve();
      }
      async none(_ctx: Context): Promise<void> {
        await Promise.resolve();
      }
      async _private(): Promise<void> {
        await Promise.resolve();
      }
      override async beforeTransaction(): Promise<void> {
        await Promise.resolve();
      }
      get accessor(): string {
        return 'x';
      }
    }
    expect(transactions(build(Plain), 'Plain')).toEqual([
      {
        name: 'get',
        tag: ['SUBMIT', 'submitTx'],
        parameters: [
          { name: 'arg0', description: 'Argument 0', schema: { type: 'string' } },
          { name: 'arg1', description: 'Argument 1', schema: { type: 'string' } },
        ],
      },
      { name: 'none', tag: ['SUBMIT', 'submitTx'] },
    ]);
  });
});

describe('the metadata document', () => {
  @Info({ title: 'Nice', description: 'described' })
  @Default()
  class Described extends Contract {
    constructor() {
      super('  described  ');
    }
    field = 'kept';
    _secret = 'dropped';

    @Transaction()
    async t(): Promise<void> {
      await Promise.resolve();
    }
  }

  it('has $schema, contracts (with contractInstance and info), info and components, in that order', () => {
    const metadata = build(Described);
    expect(Object.keys(metadata)).toEqual(['$schema', 'contracts', 'info', 'components']);
    expect(metadata.info).toEqual({ version: '1', title: 't' });
    const described = metadata.contracts.described;
    expect(described?.contractInstance).toEqual({ name: 'described', field: 'kept', default: true });
    expect(described?.info).toEqual({ title: 'Nice', description: 'described', name: 'Described', version: '' });
    expect(isDefaultContract(Described)).toBe(true);
    expect(validateContractMetadata(metadata)).toBe(metadata);
  });

  it('describes @Object classes with our JSON Schema extensions, and allOf for subclasses', () => {
    const schemas = build(Described).components?.schemas ?? {};
    expect(schemas.BmAsset).toEqual({
      $id: 'BmAsset',
      type: 'object',
      properties: {
        id: { type: 'string' },
        size: { type: 'integer', minimum: 0 },
        labels: { type: 'array' },
        created: { type: 'string', format: 'date-time' },
        owner: { type: 'string', pattern: '^[A-Z]' },
      },
      required: ['size', 'owner'],
    });
    expect(schemas.BmBase).toEqual({
      $id: 'BmBase',
      type: 'object',
      properties: { kind: { type: 'string' } },
      discriminator: { propertyName: 'kind' },
    });
    expect(schemas.BmDerived).toEqual({
      $id: 'BmDerived',
      allOf: [{ type: 'object', properties: { extra: { type: 'number' } } }, { $ref: 'BmBase' }],
    });
  });

  it('lets each section of a metadata file replace the generated one', () => {
    const file = { info: { title: 'from file', version: '9' }, extra: true };
    const metadata = buildContractMetadata({ contracts: [entry(Described, true)], file });
    expect(Object.keys(metadata)).toEqual(['info', 'extra', '$schema', 'contracts', 'components']);
    expect(metadata.info).toEqual({ title: 'from file', version: '9' });
    expect(file).toEqual({ info: { title: 'from file', version: '9' }, extra: true });
  });

  it('requires a metadata file listing contracts to list every contract of the code', () => {
    const file = { contracts: { other: { name: 'other', transactions: [] } } };
    expect(() => buildContractMetadata({ contracts: [entry(Described, true)], file })).toThrow(
      '["Missing contract described in metadata"]',
    );
  });

  it('rejects metadata that does not match the schema, naming the problem', () => {
    expect(() => validateContractMetadata({ contracts: {} })).toThrow(/must have required property 'info'/);
    expect(() =>
      validateContractMetadata({
        info: { title: 'x', version: '1' },
        contracts: {
          c: { name: 'c', transactions: [{ name: 't', parameters: [{ name: 'p', schema: { bogus: 1 } }] }] },
        },
      }),
    ).toThrow(/does not match the schema/);
  });
});
