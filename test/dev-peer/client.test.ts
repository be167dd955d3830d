/**
 * The typed contract client against a real contract: the contract runs in this process on
 * @chaincode/shim, registered with a DevPeer over gRPC on 127.0.0.1, and every call below is a
 * real proposal (simulation, read/write set, commit for a submit).
 */
import { X509Certificate } from 'node:crypto';
import { Contract, type Context } from '@chaincode/contract-api';
import {
  CallRefusedError,
  ClientOptionsError,
  ContractMetadataError,
  DevPeer,
  InvalidContractError,
  ResultTypeError,
  TransactionFailedError,
  contractClient,
  type PeerCallOptions,
  type TransactionPeer,
  type TransactionResult,
} from '@chaincode/dev-peer';
import { configureLogging, createContractChaincode } from '@chaincode/shim';
import { Asset, AssetContract } from './fixtures/client';

const CHAINCODE = 'assets';
let peer: DevPeer;

const logs: string[] = [];

beforeAll(async () => {
  // quiet: the shim's connection logs go to a list (and a warning or error would fail the file)
  configureLogging({ level: 'info', sink: (line) => logs.push(line) });
  peer = await DevPeer.start();
  await peer.deployChaincode(CHAINCODE, createContractChaincode([AssetContract]));
});

afterAll(async () => {
  await peer.stop();
  expect(logs.filter((line) => / (WARNING|ERROR|CRITICAL) /.test(line))).toEqual([]);
});

const assetsOf = (target: TransactionPeer<PeerCallOptions, TransactionResult> = peer) =>
  contractClient(target, AssetContract, { chaincode: CHAINCODE });

/** A peer that records the raw calls it passes on, to show what the client sends (or does not). */
function recording(): { peer: TransactionPeer<PeerCallOptions, TransactionResult>; calls: string[][] } {
  const calls: string[][] = [];
  const record = (args: readonly (string | Uint8Array)[]): void => {
    calls.push(args.map((a) => (typeof a === 'string' ? a : Buffer.from(a).toString('utf8'))));
  };
  return {
    calls,
    peer: {
      submit: (name, args, options) => {
        record(args);
        return peer.submit(name, args, options);
      },
      evaluate: (name, args, options) => {
        record(args);
        return peer.evaluate(name, args, options);
      },
    },
  };
}

/** A call map as JavaScript sees it: any name, any arguments (to test what the types forbid). */
const untyped = (calls: object) => calls as Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined>;

const stored = (id: string): unknown => {
  const value = peer.getState(CHAINCODE, id);
  return value === undefined ? undefined : JSON.parse(Buffer.from(value).toString('utf8'));
};

describe('typed calls: arguments and results', () => {
  it('sends strings as they are and numbers as text, and answers the @Returns object as plain data', async () => {
    const { peer: rec, calls } = recording();
    const asset = await assetsOf(rec).submit.CreateAsset('typed-1', 'blue', 5, 'Tomoko');
    expect(calls).toEqual([['AssetContract:CreateAsset', 'typed-1', 'blue', '5', 'Tomoko']]);
    expect(asset).toStrictEqual({ id: 'typed-1', color: 'blue', size: 5, owner: 'Tomoko', tags: [] });
    expect(Object.getPrototypeOf(asset)).toBe(Object.prototype);
    expect(stored('typed-1')).toEqual(asset);
  });

  it('sends an object argument as JSON; the contract receives an instance of its @Object class', async () => {
    const assets = assetsOf();
    const plain = { id: 'obj-1', color: 'red', size: 2, owner: 'Ana', tags: ['x'] };
    expect(await assets.submit.PutAsset(plain)).toEqual(plain);
    const instance = Object.assign(new Asset(), { ...plain, id: 'obj-2' });
    expect(await assets.submit.PutAsset(instance)).toEqual({ ...plain, id: 'obj-2' });
    expect(stored('obj-2')).toEqual({ ...plain, id: 'obj-2' });
  });

  it('sends arrays as JSON and answers arrays of objects', async () => {
    const assets = assetsOf();
    await assets.submit.CreateAsset('arr-1', 'green', 1, 'Max');
    const tagged = await assets.submit.SetTags('arr-1', ['fragile', 'blue "ish"']);
    expect(tagged.tags).toEqual(['fragile', 'blue "ish"']);
    const all = await assets.evaluate.GetAllAssets();
    expect(Array.isArray(all)).toBe(true);
    expect(all.find((a) => a.id === 'arr-1')).toEqual({ ...tagged });
  });

  it('sends numbers and booleans as the dispatcher reads them, and answers numbers and booleans', async () => {
    const { peer: rec, calls } = recording();
    const assets = assetsOf(rec);
    await assets.submit.CreateAsset('num-1', 'blue', 3, 'Ana');
    expect(await assets.submit.Resize('num-1', 1.5, true)).toBe(5);
    expect(await assets.submit.Resize('num-1', 0.5, false)).toBe(2);
    expect(calls[1]).toEqual(['AssetContract:Resize', 'num-1', '1.5', 'true']);
    expect(calls[2]).toEqual(['AssetContract:Resize', 'num-1', '0.5', 'false']);
    expect(await assets.evaluate.AssetExists('num-1')).toBe(true);
    expect(await assets.evaluate.AssetExists('num-none')).toBe(false);
    const count = await assets.evaluate.CountAssets();
    expect(typeof count).toBe('number');
    expect(count).toBeGreaterThan(0);
  });

  it('answers undefined for an empty payload (a void transaction)', async () => {
    const assets = assetsOf();
    await assets.submit.CreateAsset('void-1', 'blue', 1, 'Ana');
    await expect(assets.submit.DeleteAsset('void-1')).resolves.toBeUndefined();
    expect(stored('void-1')).toBeUndefined();
  });

  it('leaves out an optional parameter at the end, given or not', async () => {
    const { peer: rec, calls } = recording();
    const assets = assetsOf(rec);
    expect(await assets.submit.Annotate('opt-1')).toBe('(none)');
    expect(await assets.submit.Annotate('opt-1', undefined)).toBe('(none)');
    expect(await assets.submit.Annotate('opt-1', 'hello')).toBe('hello');
    expect(calls).toEqual([
      ['AssetContract:Annotate', 'opt-1'],
      ['AssetContract:Annotate', 'opt-1'],
      ['AssetContract:Annotate', 'opt-1', 'hello'],
    ]);
  });

  it('sends a Date for a date-time parameter as its ISO text', async () => {
    const when = new Date(Date.UTC(2024, 1, 29, 12, 30));
    expect(await assetsOf().evaluate.EchoDate(when)).toBe('2024-02-29T12:30:00.000Z');
    expect(await assetsOf().evaluate.EchoDate('2024-03-01T00:00:00.000Z')).toBe('2024-03-01T00:00:00.000Z');
  });

  it('parses a JSON object result of a transaction without @Returns', async () => {
    const assets = assetsOf();
    await assets.submit.CreateAsset('loose-1', 'blue', 7, 'Ana');
    expect(await assets.evaluate.Summary('loose-1')).toEqual({ id: 'loose-1', size: 7 });
  });

  it('answers the whole result with detailed: txId, event, read/write set, committed', async () => {
    const created = await assetsOf().detailed.submit.CreateAsset('det-1', 'blue', 1, 'Ana');
    expect(created.value).toEqual({ id: 'det-1', color: 'blue', size: 1, owner: 'Ana', tags: [] });
    expect(created.committed).toBe(true);
    expect(created.txId).toMatch(/^[0-9a-f]{64}$/);
    expect(created.event).toMatchObject({ name: 'AssetCreated', payload: Buffer.from('det-1') });
    expect(created.rwset.writes.map((w) => w.key)).toEqual(['det-1']);
  });
});

describe('evaluate and submit', () => {
  it('evaluate never commits, even for a submit transaction (a dry run)', async () => {
    const assets = assetsOf();
    const dry = await assets.detailed.evaluate.CreateAsset('dry-1', 'blue', 1, 'Ana');
    expect(dry.value).toMatchObject({ id: 'dry-1' });
    expect(dry.committed).toBe(false);
    expect(stored('dry-1')).toBeUndefined();
    expect(await assets.evaluate.AssetExists('dry-1')).toBe(false);
  });

  it('refuses an evaluate transaction through submit before sending it', async () => {
    const { peer: rec, calls } = recording();
    const submit = untyped(assetsOf(rec).submit);
    const error = await submit.ReadAsset?.('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallRefusedError);
    expect(error).toMatchObject({
      code: 'CC_DEVPEER_CLIENT_NOT_SUBMITTABLE',
      contract: 'AssetContract',
      transaction: 'ReadAsset',
    });
    expect((error as Error).message).toContain('AssetContract.ReadAsset is an evaluate transaction');
    expect(calls).toEqual([]);
  });
});

describe('failures', () => {
  it('throws a ContractError as a TransactionFailedError with its status, message and payload', async () => {
    const error = await assetsOf()
      .evaluate.ReadAsset('missing-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionFailedError);
    const failed = error as TransactionFailedError;
    expect(failed).toMatchObject({
      code: 'CC_DEVPEER_CLIENT_TRANSACTION_FAILED',
      name: 'TransactionFailedError',
      status: 404,
      message: 'asset missing-1 does not exist',
      chaincode: CHAINCODE,
      contract: 'AssetContract',
      transaction: 'ReadAsset',
    });
    expect(failed.txId).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(failed.payloadText)).toEqual({ reason: 'NOT_FOUND', id: 'missing-1' });
    expect(Buffer.from(failed.payload).toString('utf8')).toBe(failed.payloadText);
  });

  it('throws any other error of the contract with status 500, and a failed submit commits nothing', async () => {
    const assets = assetsOf();
    await assets.submit.CreateAsset('fail-1', 'blue', 1, 'Ana');
    await expect(assets.submit.CreateAsset('fail-1', 'red', 9, 'Max')).rejects.toMatchObject({
      status: 500,
      message: 'asset fail-1 already exists',
      payload: new Uint8Array(0),
    });
    expect(stored('fail-1')).toMatchObject({ color: 'blue' });
    await expect(assets.submit.Explode('boom')).rejects.toThrow(TransactionFailedError);
  });

  it('throws a ResultTypeError when the payload is not of the @Returns type', async () => {
    const error = await assetsOf()
      .evaluate.BrokenNumber()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResultTypeError);
    expect(error).toMatchObject({ code: 'CC_DEVPEER_CLIENT_RESULT_TYPE', transaction: 'BrokenNumber' });
    expect((error as ResultTypeError).message).toContain('"many"');
    expect(Buffer.from((error as ResultTypeError).payload).toString()).toBe('many');
  });

  it('refuses an unknown transaction before sending, naming the close one', async () => {
    const { peer: rec, calls } = recording();
    const submit = untyped(assetsOf(rec).submit);
    const error = await submit.CreateAset?.('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallRefusedError);
    expect(error).toMatchObject({ code: 'CC_DEVPEER_CLIENT_UNKNOWN_TRANSACTION', transaction: 'CreateAset' });
    expect((error as Error).message).toMatch(
      /has no transaction "CreateAset" \(its transactions: CreateAsset, .*\)\. Did you mean CreateAsset\?$/,
    );
    // a helper method taking ctx is not a transaction either
    await expect(submit.exists?.('x')).rejects.toMatchObject({ code: 'CC_DEVPEER_CLIENT_UNKNOWN_TRANSACTION' });
    expect(calls).toEqual([]);
  });

  it('refuses a wrong number of arguments before sending', async () => {
    const { peer: rec, calls } = recording();
    const submit = untyped(assetsOf(rec).submit);
    await expect(submit.CreateAsset?.('a', 'blue')).rejects.toMatchObject({
      code: 'CC_DEVPEER_CLIENT_ARGUMENT_COUNT',
      message: 'AssetContract.CreateAsset takes 4 arguments (id, color, size, owner), 2 given',
    });
    await expect(submit.Annotate?.('a', 'b', 'c')).rejects.toMatchObject({
      message: 'AssetContract.Annotate takes 1 to 2 arguments (id, note), 3 given',
    });
    expect(calls).toEqual([]);
  });

  it('refuses an argument of the wrong type before sending, naming the parameter', async () => {
    const { peer: rec, calls } = recording();
    const submit = untyped(assetsOf(rec).submit);
    const refused = (promise: Promise<unknown> | undefined) => expect(promise).rejects.toBeInstanceOf(CallRefusedError);
    await expect(submit.CreateAsset?.('a', 'blue', '5', 'Ana')).rejects.toMatchObject({
      code: 'CC_DEVPEER_CLIENT_ARGUMENT_TYPE',
      parameter: 'size',
      message: `argument 'size' of AssetContract.CreateAsset must be a number, got the string "5"`,
    });
    await refused(submit.CreateAsset?.(7, 'blue', 5, 'Ana'));
    await refused(submit.Resize?.('a', 1, 'yes'));
    await refused(submit.SetTags?.('a', { 0: 'x' }));
    await refused(submit.PutAsset?.(null));
    await refused(submit.PutAsset?.([{ id: 'x' }]));
    const cyclic: Record<string, unknown> = { id: 'c' };
    cyclic.self = cyclic;
    await expect(submit.PutAsset?.(cyclic)).rejects.toThrow(/a value JSON cannot hold/);
    expect(calls).toEqual([]);
  });
});

describe('identity, transient data and channel', () => {
  it('as(identity) signs with another identity; the original client keeps its own', async () => {
    const assets = assetsOf();
    const alice = peer.createIdentity({ commonName: 'alice', mspId: 'Org2MSP' });
    const asAlice = await assets.as(alice).evaluate.WhoAmI();
    expect(asAlice).toMatch(/^Org2MSP\|x509::\/.*CN=alice::/);
    expect(await assets.evaluate.WhoAmI()).toMatch(/^Org1MSP\|x509::\/.*CN=User1::/);
    expect(new X509Certificate(alice.certificate).subject).toContain('CN=alice');
  });

  it('sends transient data (strings as UTF-8, bytes as they are, values as JSON)', async () => {
    const secret = assetsOf().with({
      transient: { text: 'hush', bytes: Buffer.from([0x68, 0x69]), price: { amount: 10 } },
    });
    expect(await secret.evaluate.ReadTransient('text')).toBe('hush');
    expect(await secret.evaluate.ReadTransient('bytes')).toBe('hi');
    expect(await secret.evaluate.ReadTransient('price')).toBe('{"amount":10}');
    await expect(assetsOf().evaluate.ReadTransient('text')).rejects.toMatchObject({ status: 400 });
    const both = secret.as(peer.createIdentity({ commonName: 'bob' }));
    expect(await both.evaluate.ReadTransient('text')).toBe('hush');
    expect(await both.evaluate.WhoAmI()).toContain('CN=bob');
  });

  it('sends to another channel with with({ channelId })', async () => {
    const assets = assetsOf();
    expect(await assets.evaluate.Channel()).toBe('mychannel');
    expect(await assets.with({ channelId: 'other' }).evaluate.Channel()).toBe('other');
  });

  it('refuses bad options with a ClientOptionsError', () => {
    const assets = assetsOf();
    expect(() => assets.with({ channelId: '' })).toThrow(ClientOptionsError);
    expect(() => assets.with({ transient: { n: 1n as never } })).toThrow(/transient value 'n' cannot be sent as JSON/);
    expect(() => assets.as(undefined as never)).toThrow(ClientOptionsError);
    expect(() => contractClient(peer, AssetContract, {} as never)).toThrow(/needs the chaincode name/);
    expect(() => contractClient({} as never, AssetContract, { chaincode: 'x' })).toThrow(ClientOptionsError);
  });
});

describe('making a client', () => {
  it('refuses what is not a contract class', () => {
    expect(() => contractClient(peer, class NotAContract {} as never, { chaincode: CHAINCODE })).toThrow(
      InvalidContractError,
    );
    expect(() => contractClient(peer, 42 as never, { chaincode: CHAINCODE })).toThrow(/number is not a contract class/);
  });

  it('by name, reads the chaincode metadata on the first call', async () => {
    const { peer: rec, calls } = recording();
    const assets = contractClient<AssetContract>(rec, 'AssetContract', { chaincode: CHAINCODE });
    expect(await assets.evaluate.AssetExists('nobody')).toBe(false);
    await expect(untyped(assets.submit).ReadAsset?.('x')).rejects.toMatchObject({
      code: 'CC_DEVPEER_CLIENT_NOT_SUBMITTABLE',
    });
    expect(calls).toEqual([['org.hyperledger.fabric:GetMetadata'], ['AssetContract:AssetExists', 'nobody']]);
    expect(Object.keys(assets.evaluate)).toContain('GetAllAssets');
  });

  it('by name, a missing contract or chaincode is a ContractMetadataError, and a later call tries again', async () => {
    const wrongContract = contractClient(peer, 'NoSuchContract', { chaincode: CHAINCODE });
    await expect(untyped(wrongContract.evaluate).X?.()).rejects.toThrow(
      /chaincode assets has no contract "NoSuchContract" \(its contracts: AssetContract\)/,
    );
    const later = contractClient<AssetContract>(peer, 'AssetContract', { chaincode: 'deployed-later' });
    const error = await later.evaluate.CountAssets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractMetadataError);
    expect((error as Error).message).toMatch(/cannot read the metadata of chaincode deployed-later/);
    await peer.deployChaincode('deployed-later', createContractChaincode([AssetContract]));
    expect(await later.evaluate.CountAssets()).toBe(0);
  });

  it('lists the transactions, is not a promise, and cannot be changed', async () => {
    const assets = assetsOf();
    expect(Object.keys(assets.submit)).toEqual(expect.arrayContaining(['CreateAsset', 'ReadAsset', 'Explode']));
    expect('CreateAsset' in assets.submit).toBe(true);
    expect('exists' in assets.submit).toBe(false);
    expect(await Promise.resolve(assets.submit)).toBe(assets.submit);
    const toString: unknown = Reflect.get(assets.evaluate, 'toString'); // so String(client.evaluate) works
    expect(toString === Object.prototype.toString).toBe(true);
    expect(() => {
      (assets.submit as Record<string, unknown>).CreateAsset = null;
    }).toThrow(TypeError);
    expect(assets.contractName).toBe('AssetContract');
    expect(assets.chaincode).toBe(CHAINCODE);
  });

  it('calls an undecorated contract with string arguments, as its metadata declares', async () => {
    class NotesContract extends Contract {
      async put(ctx: Context, key: string, value: string): Promise<string> {
        await ctx.stub.putState(key, Buffer.from(value));
        return value;
      }
    }
    await peer.deployChaincode('notes', createContractChaincode([NotesContract]));
    const notes = contractClient(peer, NotesContract, { chaincode: 'notes' });
    expect(await notes.submit.put('k', 'text')).toBe('text');
    expect(await notes.submit.put('k', '{"a":1}')).toEqual({ a: 1 }); // no @Returns: JSON text is parsed
    await expect(notes.submit.put('k', { a: 1 } as never)).rejects.toMatchObject({
      code: 'CC_DEVPEER_CLIENT_ARGUMENT_TYPE',
      message: "argument 'arg1' of NotesContract.put must be a string, got an object",
    });
  });
});

describe('the raw API stays', () => {
  it('answers bytes and never throws for a chaincode failure', async () => {
    const r = await peer.evaluate(CHAINCODE, ['AssetContract:ReadAsset', 'raw-missing']);
    expect(r.status).toBe(404);
    expect(JSON.parse(Buffer.from(r.payload).toString())).toEqual({ reason: 'NOT_FOUND', id: 'raw-missing' });
  });
});
