/**
 * `require('@chaincode/contract-api')` is a plain object with ordinary data properties, as
 * fabric-contract-api's is: a unit test can stub a member with sinon (or assign it), and code
 * calling it through the module object sees the replacement. Checked on the built package (what
 * users install), against the official package's own shape.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as sinon from 'sinon';

const dist = join(__dirname, '..', '..', 'packages', 'contract-api', 'dist', 'index.js');

type Api = typeof import('@chaincode/contract-api');

function load(): Api {
  if (!existsSync(dist)) throw new Error(`${dist} is missing: run npm run build first`);
  return require(dist) as Api;
}

describe('the module object of @chaincode/contract-api', () => {
  afterEach(() => {
    sinon.restore();
  });

  it('has only enumerable, writable, configurable data properties (no getters)', () => {
    const api = load();
    const odd = Object.keys(api).filter((key) => {
      const d = Object.getOwnPropertyDescriptor(api, key);
      return d === undefined || !('value' in d) || d.writable !== true || d.configurable !== true || !d.enumerable;
    });
    expect(odd).toEqual([]);
    expect(Object.keys(api).length).toBeGreaterThan(10);
  });

  it('has the shape of the official module for every name the official exports', () => {
    const api = load() as unknown as Record<string, unknown>;
    const official = require('fabric-contract-api') as Record<string, unknown>;
    const shape = (o: Record<string, unknown>, key: string) => {
      const d = Object.getOwnPropertyDescriptor(o, key);
      return {
        key,
        type: typeof o[key],
        data: d !== undefined && 'value' in d,
        writable: d?.writable,
        configurable: d?.configurable,
      };
    };
    for (const key of Object.keys(official)) expect(shape(api, key)).toEqual(shape(official, key));
  });

  it('lets sinon stub an export that code reaches through the module object, and restore it', async () => {
    const { ShapeContract, api } = require('./fixtures/module-shape/contract.js') as {
      ShapeContract: new () => { put(ctx: unknown, key: string, value: string): Promise<void> };
      api: Api;
    };
    expect(api).toBe(load());
    const real = api.canonicalJson;
    const stub = sinon.stub(api, 'canonicalJson').returns('"stubbed"');
    const writes: [string, string][] = [];
    const ctx = {
      stub: {
        putState: (key: string, value: Uint8Array) => {
          writes.push([key, Buffer.from(value).toString()]);
          return Promise.resolve();
        },
      },
    };
    await new ShapeContract().put(ctx, 'k', '{"b":1,"a":2}');
    expect(stub.calledOnceWithExactly({ b: 1, a: 2 })).toBe(true);
    expect(writes).toEqual([['k', '"stubbed"']]);

    sinon.restore();
    expect(api.canonicalJson).toBe(real);
    await new ShapeContract().put(ctx, 'k', '{"b":1,"a":2}');
    expect(writes[1]).toEqual(['k', '{"a":2,"b":1}']);
  });

  it('lets a test replace a decorator or a class by assignment in strict mode, and put it back', () => {
    const api = load();
    const { Transaction, Contract } = api;
    const calls: unknown[] = [];
    const fake = ((submit?: boolean) => {
      calls.push(submit);
      return () => undefined;
    }) as typeof Transaction;
    try {
      api.Transaction = fake;
      expect(api.Transaction).toBe(fake);
      api.Transaction(false);
      expect(calls).toEqual([false]);
      class Fake extends Contract {}
      api.Contract = Fake;
      expect(api.Contract).toBe(Fake);
    } finally {
      api.Transaction = Transaction;
      api.Contract = Contract;
    }
    expect(api.Transaction).toBe(Transaction);
    expect(api.Contract).toBe(Contract);
  });

  it('still answers an error for a name it does not have (sinon refuses to stub it)', () => {
    const api = load() as unknown as Record<string, () => void>;
    expect(() => sinon.stub(api, 'buildContractMetadata')).toThrow(/buildContractMetadata/);
  });
});
