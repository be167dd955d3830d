/**
 * Our dispatcher over the wire (DevPeer ↔ startChaincode): what a contract author would report as
 * a bug if it broke. Differences from the official are marked "(fix)".
 */
import { DevPeer } from '@chaincode/dev-peer';
import {
  Contract,
  Context,
  ContractError,
  Default,
  JSONSerializer,
  MetadataError,
  Object as ObjectType,
  Param,
  Property,
  Returns,
  Transaction,
} from '@chaincode/contract-api';
import { validateContractMetadata } from '@chaincode/contract-api/internal';
import { configureLogging, createContractChaincode } from '@chaincode/shim';
import { quietLogs, runOurs, type Running } from './harness';

@ObjectType()
class DpItem {
  @Property({ required: true, pattern: '^[a-z]+$' })
  id: string = '';

  @Property('qty', 'number', { integer: true, minimum: 1 })
  qty: number = 1;

  @Property()
  note: string = 'default note';
}

const seen: string[] = [];

class Shop extends Contract {
  constructor() {
    super('shop');
  }

  override async beforeTransaction(ctx: Context): Promise<void> {
    seen.push(`before:${ctx.stub.getFunctionAndParameters().fcn}`);
    if (ctx.stub.getFunctionAndParameters().fcn === 'shop:guarded')
      throw new ContractError('not allowed', { status: 403 });
  }

  override async afterTransaction(_ctx: Context, result: unknown): Promise<void> {
    seen.push(`after:${String(result)}`);
  }

  @Transaction()
  async put(ctx: Context, key: string, value: string): Promise<void> {
    await ctx.stub.putState(key, Buffer.from(value));
  }

  @Transaction()
  async guarded(ctx: Context): Promise<void> {
    await ctx.stub.putState('guarded', Buffer.from('ran'));
  }

  @Transaction(false)
  @Returns('DpItem')
  async echo(_ctx: Context, item: DpItem): Promise<DpItem> {
    return Promise.resolve(item);
  }

  @Transaction(false)
  @Param('count', 'number', 'how many', { integer: true, minimum: 0, maximum: 10 })
  @Param('label', 'string', { optional: true, maxLength: 3 })
  async range(_ctx: Context, count: number, label?: string): Promise<string> {
    return Promise.resolve(`${String(count)}:${String(label)}`);
  }

  @Transaction(false)
  async when(_ctx: Context, at: Date): Promise<string> {
    return Promise.resolve(`${at instanceof Date ? 'Date' : typeof at}:${at.getTime()}`);
  }

  @Transaction(false)
  async structured(): Promise<void> {
    throw new ContractError('insufficient funds', { status: 409, payload: '{"balance":3}', code: 'FUNDS' });
  }

  @Transaction(false)
  async throwsValue(_ctx: Context, kind: string): Promise<void> {
    const values: Record<string, unknown> = {
      null: null,
      undefined,
      string: 'plain string',
      number: 42,
      object: { a: 1 },
    };
    throw values[kind];
  }

  @Transaction(false)
  async badResult(): Promise<unknown> {
    return Promise.resolve({ big: 10n });
  }

  @Transaction(false)
  async unsorted(): Promise<object> {
    return Promise.resolve({ b: 1, a: { d: 2, c: 3 } });
  }

  @Transaction(false)
  async contexts(ctx: Context): Promise<string> {
    const mark = ctx as Context & { mark?: number };
    const before = mark.mark;
    mark.mark = 1;
    return Promise.resolve(String(before));
  }
}

describe('dispatcher over the wire', () => {
  let peer: DevPeer;
  let shop: Running;

  beforeAll(async () => {
    peer = await DevPeer.start();
    shop = await runOurs(peer, [Shop]);
  });

  afterAll(async () => {
    await shop.stop();
    await peer.stop();
  });

  it('runs before → method → after, and commits the writes', async () => {
    seen.length = 0;
    const r = await peer.submit(shop.name, ['shop:put', 'k', 'v']);
    expect(r.status).toBe(200);
    expect(Buffer.from(peer.getState(shop.name, 'k') ?? []).toString()).toBe('v');
    expect(seen).toEqual(['before:shop:put', 'after:undefined']);
  });

  it('a throwing beforeTransaction stops the method; a ContractError keeps its status (fix: 4xx)', async () => {
    seen.length = 0;
    const r = await peer.submit(shop.name, ['shop:guarded']);
    expect({ status: r.status, message: r.message }).toEqual({ status: 403, message: 'not allowed' });
    expect(peer.getState(shop.name, 'guarded')).toBeUndefined();
    expect(seen).toEqual(['before:shop:guarded']);
  });

  it('answers a ContractError with its status, message and payload (fix: the official drops the payload)', async () => {
    expect(await shop.call(['shop:structured'])).toEqual({
      status: 409,
      message: 'insufficient funds',
      payload: '{"balance":3}',
    });
  });

  it.each([
    ['null', 'The transaction threw null'],
    ['undefined', 'The transaction threw undefined'],
    ['string', 'plain string'],
    ['number', '42'],
    ['object', 'The transaction threw {"a":1}'],
  ])(
    'answers 500 with a message when a transaction throws %s (fix: the official hangs or sends "")',
    async (kind, message) => {
      expect(await shop.call(['shop:throwsValue', kind])).toEqual({ status: 500, message, payload: '' });
    },
  );

  it('answers 500 when the result cannot be serialized', async () => {
    const r = await shop.call(['shop:badResult']);
    expect(r.status).toBe(500);
    expect(r.message).toMatch(/BigInt/);
  });

  it('validates the JSON form of an object argument, applies defaults, then makes an instance', async () => {
    expect(await shop.call(['shop:echo', '{"id":"abc","qty":2}'])).toEqual({
      status: 200,
      message: '',
      payload: '{"id":"abc","qty":2,"note":"default note"}',
    });
    const missing = await shop.call(['shop:echo', '{"qty":2}']);
    expect(missing.status).toBe(500);
    expect(missing.message).toBe(
      "Unable to validate parameter 'item' of transaction 'echo' in contract 'shop': must have required property 'id'",
    );
    const bad = await shop.call(['shop:echo', '{"id":"ABC","qty":1.5}']);
    expect(bad.message).toBe(
      "Unable to validate parameter 'item' of transaction 'echo' in contract 'shop': /id must match pattern \"^[a-z]+$\"; /qty must be integer",
    );
  });

  it('checks integer/minimum/maximum/maxLength options and allows an optional trailing parameter', async () => {
    expect((await shop.call(['shop:range', '3', 'abc'])).payload).toBe('3:abc');
    expect((await shop.call(['shop:range', '3'])).payload).toBe('3:undefined');
    expect((await shop.call(['shop:range', '11'])).message).toBe(
      "Unable to validate parameter 'count' of transaction 'range' in contract 'shop': must be <= 10",
    );
    expect((await shop.call(['shop:range', '2.5'])).message).toMatch(/must be integer$/);
    expect((await shop.call(['shop:range', '1', 'abcd'])).message).toMatch(/must NOT have more than 3 characters$/);
    expect((await shop.call(['shop:range'])).message).toBe('Expected 2 parameters, but 0 have been supplied');
    expect((await shop.call(['shop:range', '1', 'a', 'b'])).message).toBe(
      'Expected 2 parameters, but 3 have been supplied',
    );
  });

  it('validates a Date parameter as an ISO date-time string and hands over a Date', async () => {
    expect((await shop.call(['shop:when', '1970-01-01T00:00:01Z'])).payload).toBe('Date:1000');
    expect((await shop.call(['shop:when', 'tuesday'])).message).toMatch(/must match format "date-time"$/);
  });

  it('gives every transaction a fresh context', async () => {
    expect((await shop.call(['shop:contexts'])).payload).toBe('undefined');
    expect((await shop.call(['shop:contexts'])).payload).toBe('undefined');
  });

  it('refuses bad calls with the official texts, and logs the stable code of each (debug)', async () => {
    const lines: string[] = [];
    configureLogging({ level: 'warning', shimLevel: 'debug', sink: (line) => lines.push(line) });
    const failed = (): { code: string | undefined; message: string | undefined }[] =>
      lines
        .filter((line) => line.includes('transaction failed'))
        .map((line) => ({
          code: /code=(\S+)/.exec(line)?.[1],
          message: /message=(.*?)(?= stack=|$)/m.exec(line)?.[1],
        }));
    try {
      const answers = [
        await shop.call(['nope:put', 'k', 'v']),
        await shop.call(['shop:put', 'k']),
        await shop.call(['shop:range', 'many']),
        await shop.call(['shop:range', '11']),
        await shop.call(['shop:missing']),
        await shop.call(['shop:structured']),
      ];
      const where = (p: string, t: string): string => `parameter '${p}' of transaction '${t}' in contract 'shop'`;
      const expected = [
        { code: 'CC_SHIM_UNKNOWN_CONTRACT', message: 'Contract name is not known: nope' },
        { code: 'CC_SHIM_ARGUMENT_COUNT', message: 'Expected 2 parameters, but 1 have been supplied' },
        {
          code: 'CC_SHIM_ARGUMENT_CONVERSION',
          message: `Unable to convert ${where('count', 'range')}: "many" is not a number`,
        },
        { code: 'CC_SHIM_ARGUMENT_INVALID', message: `Unable to validate ${where('count', 'range')}: must be <= 10` },
        {
          code: 'CC_API_UNKNOWN_TRANSACTION',
          message: "You've asked to invoke a function that does not exist: shop:missing",
        },
        // a ContractError carries its author's code
        { code: 'FUNDS', message: 'insufficient funds' },
      ];
      expect(answers.map((a) => a.message)).toEqual(expected.map((e) => e.message));
      expect(failed()).toEqual(expected);
    } finally {
      quietLogs();
    }
  });

  it('answers GetMetadata with metadata that matches the shipped schema', async () => {
    const r = await shop.call(['org.hyperledger.fabric:GetMetadata']);
    expect(r.status).toBe(200);
    const metadata = JSON.parse(r.payload) as Record<string, unknown>;
    expect(() => validateContractMetadata(metadata)).not.toThrow();
    expect(metadata).toMatchObject({ info: { title: 'differential', version: '1.0.0' } });
  });
});

describe('chaincode options', () => {
  let peer: DevPeer;
  const running: Running[] = [];

  beforeAll(async () => {
    peer = await DevPeer.start();
  });

  afterAll(async () => {
    for (const r of running) await r.stop();
    await peer.stop();
  });

  it('sorts result keys with deterministicJson', async () => {
    const r = await runOurs(peer, [Shop], { deterministicJson: true });
    running.push(r);
    expect((await r.call(['shop:unsorted'])).payload).toBe('{"a":{"c":3,"d":2},"b":1}');
  });

  it('uses a custom serializer given in the official serializers shape', async () => {
    class Upper extends JSONSerializer {
      override toBuffer(result: unknown): Buffer | undefined {
        return typeof result === 'string' ? Buffer.from(result.toUpperCase()) : super.toBuffer(result);
      }
    }
    class Plainly {
      toBuffer(result: unknown): Buffer {
        return Buffer.from(`<${String(result)}>`);
      }
      fromBuffer(data: Uint8Array): { value: unknown } {
        return { value: `[${Buffer.from(data).toString()}]` };
      }
    }
    const upper = await runOurs(peer, [Shop], { serializers: { transaction: 'upper', serializers: { upper: Upper } } });
    const plain = await runOurs(peer, [Shop], {
      serializers: { transaction: 'plain', serializers: { plain: Plainly } },
    });
    running.push(upper, plain);
    expect((await upper.call(['shop:range', '1', 'ab'])).payload).toBe('1:AB');
    expect((await plain.call(['shop:put', 'k', 'v'])).payload).toBe('<undefined>');
  });

  it('merges a metadata file and routes by its transactions', async () => {
    const file = {
      info: { title: 'file', version: '2' },
      contracts: {
        shop: { name: 'shop', transactions: [{ name: 'unsorted' }] },
        'org.hyperledger.fabric': { name: 'org.hyperledger.fabric', transactions: [{ name: 'GetMetadata' }] },
      },
    };
    const r = await runOurs(peer, [Shop], { metadataFile: file });
    running.push(r);
    expect((await r.call(['shop:unsorted'])).status).toBe(200);
    expect((await r.call(['shop:range', '1'])).message).toBe(
      "You've asked to invoke a function that does not exist: shop:range",
    );
    const metadata = JSON.parse((await r.call(['org.hyperledger.fabric:GetMetadata'])).payload) as Record<
      string,
      unknown
    >;
    expect(Object.keys(metadata)).toEqual(['info', 'contracts', '$schema', 'components']);
    expect(metadata.info).toEqual({ title: 'file', version: '2' });
  });
});

describe('createContractChaincode refuses what cannot work', () => {
  it('rejects two @Default contracts', () => {
    @Default()
    class A extends Contract {}
    @Default()
    class B extends Contract {}
    expect(() => createContractChaincode([A, B])).toThrow(
      new MetadataError(
        'CC_API_DUPLICATE_DEFAULT',
        'A default has already been specified: A and B are both marked @Default()',
      ),
    );
  });

  it('rejects two contracts with one name, and classes that are not contracts', () => {
    class A extends Contract {}
    class A2 extends Contract {
      constructor() {
        super('A');
      }
    }
    expect(() => createContractChaincode([A, A2])).toThrow(/Two contracts are named A/);
    expect(() => createContractChaincode([class NotAContract {} as never])).toThrow(/does not extend Contract/);
  });

  it('tells an author who kept fabric-contract-api imports what to change', () => {
    const { Contract: OfficialContract } = require('fabric-contract-api') as { Contract: new () => object };
    class Old extends OfficialContract {}
    expect(() => createContractChaincode([Old as never])).toThrow(
      "invalid contract class Old: it extends fabric-contract-api's Contract: import Contract (and the decorators) from @chaincode/contract-api instead",
    );
  });

  it('does not change the array it is given', () => {
    class A extends Contract {}
    const list = [A];
    createContractChaincode(list);
    expect(list).toEqual([A]);
  });
});
