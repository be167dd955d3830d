/**
 * Seeded, bounded fuzzing of the shim: the dev peer plays a hostile peer (raw messages through
 * `peer.connection(name)`), and hostile arguments go through a decorated contract. What must hold:
 * bad input never kills the process, every transaction the peer sends is answered exactly once,
 * normal transactions keep their correct answers and nothing pollutes Object.prototype.
 * A failure names the seed and the case index, so it can be replayed.
 */
import type { ChaincodeInterface, ChaincodeStub } from '@chaincode/contract-api';
import {
  Contract,
  Context,
  Object as ObjectType,
  Param,
  Property,
  Returns,
  Transaction,
} from '@chaincode/contract-api';
import { DevPeer, type TransactionResult } from '@chaincode/dev-peer';
import { createContractChaincode, Shim, type ChaincodeSession } from '@chaincode/shim';
import {
  MessageType,
  ProtocolState,
  protos,
  type ChaincodeMessage,
  type ChaincodeMessageInit,
} from '@chaincode/shim/internal';
import { CHAINCODE_REQUEST_TYPES } from '../support/request-types';
import { SeededRandom } from '../support/seeded-random';
import { quietLogs, text, waitFor } from './harness';

const SEED = 0x5eed_2026;
const CASES = 300;
/** Wall-clock budget of the generation loop; the loop also stops at CASES. */
const LOOP_BUDGET_MS = 4000;
/** How long to wait for every expected answer once the loop is done. */
const SETTLE_MS = 6000;

// No unhandled rejection: jest-circus listens for 'unhandledRejection' on the real process and fails
// the running test with it (a listener on the test's sandboxed `process` would never be called).
const logs: string[] = [];

beforeAll(() => {
  quietLogs(logs);
});

/** Released at the end of the protocol fuzz: transactions calling 'hold' wait for it. */
let releaseHeld!: () => void;
const held = new Promise<void>((resolve) => {
  releaseHeld = resolve;
});

const fuzzChaincode: ChaincodeInterface = {
  Init: () => Shim.success(Buffer.from('init')),
  Invoke: async (stub: ChaincodeStub) => {
    const { fcn, params } = stub.getFunctionAndParameters();
    switch (fcn) {
      case 'put':
        await stub.putState(params[0] ?? 'k', Buffer.from(params[1] ?? ''));
        return Shim.success();
      case 'get':
        return Shim.success(await stub.getState(params[0] ?? 'k'));
      case 'echo':
        return Shim.success(Buffer.from(params.join(',')));
      case 'count':
        return Shim.success(Buffer.from(String(params.length)));
      case 'creator':
        return Shim.success(Buffer.from(stub.getCreator().mspid));
      case 'range': {
        let n = 0;
        for await (const kv of stub.getStateByRange('', '')) if (kv.key !== '') n++;
        return Shim.success(Buffer.from(String(n)));
      }
      case 'hold':
        await held;
        return Shim.success(Buffer.from('released'));
      case 'throw':
        throw new Error('thrown on purpose');
      default:
        return Shim.error(`unknown function ${fcn}`);
    }
  },
};

const key = (channelId: string, txId: string): string => `${channelId}\u0000${txId}`;
const input = (args: readonly (string | Uint8Array)[]): Uint8Array =>
  protos.ChaincodeInput.encode({ args: args.map((a) => (typeof a === 'string' ? Buffer.from(a) : a)) }).finish();

function decodes(payload: Uint8Array): boolean {
  try {
    protos.ChaincodeInput.decode(payload);
    return true;
  } catch {
    return false;
  }
}

/** What the shim must send back for one fuzz message (keyed by channel and txid). */
type Expectation =
  | { readonly kind: 'answer'; readonly what: string; readonly check?: (answers: ChaincodeMessage[]) => void }
  | { readonly kind: 'echo'; readonly payload: Buffer }
  | { readonly kind: 'duplicate' };

/** Types the shim's ready state refuses (every type but TRANSACTION, INIT, RESPONSE, ERROR, KEEPALIVE). */
const REFUSED_TYPES: readonly number[] = [
  MessageType.UNDEFINED,
  MessageType.REGISTER,
  MessageType.REGISTERED,
  MessageType.READY,
  MessageType.COMPLETED,
  ...CHAINCODE_REQUEST_TYPES,
  99,
  1000,
  2147483647,
];

function hostilePayload(rng: SeededRandom): Buffer {
  switch (rng.int(0, 4)) {
    case 0:
      return rng.bytes(rng.int(0, 48));
    case 1: {
      const full = protos.QueryResponse.encode({
        results: [{ resultBytes: rng.bytes(20) }, { resultBytes: rng.bytes(5) }],
        hasMore: rng.chance(0.5),
        id: rng.text(8),
      }).finish();
      return Buffer.from(full.subarray(0, rng.int(0, full.length - 1)));
    }
    case 2: {
      const full = input(['echo', rng.text(10), rng.text(3)]);
      return Buffer.from(full.subarray(0, rng.int(1, full.length - 1)));
    }
    case 3:
      return Buffer.from(
        protos.QueryResponse.encode({
          hasMore: true,
          id: rng.text(6),
          results: [{ resultBytes: rng.bytes(3) }],
        }).finish(),
      );
    default:
      return Buffer.alloc(0);
  }
}

describe('shim under a hostile peer (seeded protocol fuzz)', () => {
  let peer: DevPeer;
  let session: ChaincodeSession;

  beforeAll(async () => {
    peer = await DevPeer.start({ executeTimeoutMs: 8000 });
    session = await peer.deployChaincode('fuzzcc', fuzzChaincode);
  });

  afterAll(async () => {
    releaseHeld();
    await peer.stop();
  });

  it(`answers every TRANSACTION exactly once and keeps serving (seed ${String(SEED)}, ${String(CASES)} cases)`, async () => {
    const rng = new SeededRandom(SEED);
    const conn = peer.connection('fuzzcc');
    const fromShim = new Map<string, ChaincodeMessage[]>();
    const expected = new Map<string, Expectation>();
    /** txids whose first stub request the fuzzer answers itself with a hostile payload. */
    const hijack = new Set<string>();
    const unsubscribe = conn.onMessage((m) => {
      const k = key(m.channelId, m.txid);
      let list = fromShim.get(k);
      if (list === undefined) fromShim.set(k, (list = []));
      list.push(m);
      if (hijack.has(k) && m.type !== MessageType.COMPLETED && m.type !== MessageType.ERROR) {
        hijack.delete(k);
        conn.send({
          type: rng.chance(0.7) ? MessageType.RESPONSE : MessageType.ERROR,
          txid: m.txid,
          channelId: m.channelId,
          payload: hostilePayload(rng),
        });
      }
    });

    const normal: Promise<string>[] = [];
    const normalTxIds = new Set<string>();
    const counts: Record<string, number> = {};
    const channels = ['mychannel', '', 'other', 'ch-é', 'x'.repeat(300)];
    const started = Date.now();
    let done = 0;
    for (let i = 0; i < CASES && Date.now() - started < LOOP_BUDGET_MS; i++, done++) {
      const txid = `fz${String(i)}-${rng.text(6)}`;
      const channelId = rng.pick(channels);
      const k = key(channelId, txid);
      const kind = rng.pick([
        'normal',
        'refused',
        'refused',
        'keepalive',
        'answer',
        'answer',
        'garbage-input',
        'truncated-input',
        'garbage-proposal',
        'huge-args',
        'hostile-stub-answer',
        'throws',
        'duplicate',
      ] as const);
      counts[kind] = (counts[kind] ?? 0) + 1;
      const send = (message: ChaincodeMessageInit): void => {
        conn.send(message);
      };
      switch (kind) {
        case 'normal': {
          const n = i;
          normal.push(
            peer.submit('fuzzcc', ['put', `key${String(n)}`, `value${String(n)}`]).then(async (put) => {
              const got = await peer.evaluate('fuzzcc', ['get', `key${String(n)}`]);
              const echo = await peer.evaluate('fuzzcc', ['echo', 'a', String(n)]);
              for (const r of [put, got, echo]) normalTxIds.add(key('mychannel', r.txId));
              return [put.status, put.committed, got.status, text(got.payload), echo.status, text(echo.payload)].join(
                '|',
              );
            }),
          );
          break;
        }
        case 'refused': {
          const type = rng.pick(REFUSED_TYPES);
          const payload = rng.bytes(rng.int(0, 40));
          const named = rng.chance(0.8);
          const message = protos.ChaincodeMessage.create({ txid: named ? txid : '', channelId, payload });
          (message as { type: number }).type = type; // any number, including ones the enum does not define
          send(message);
          if (named) {
            const name = (MessageType as unknown as Record<number, string | undefined>)[type] ?? String(type);
            expected.set(k, {
              kind: 'answer',
              what: `refused ${name}`,
              check: (answers) => {
                expect(answers.map((a) => [a.type, text(a.payload)])).toEqual([
                  [
                    MessageType.ERROR,
                    `Chaincode handler FSM cannot handle message (${name}) with payload size (${String(payload.length)}) while in state: ready`,
                  ],
                ]);
              },
            });
          }
          break;
        }
        case 'keepalive': {
          const payload = rng.bytes(rng.int(0, 16));
          send({ type: MessageType.KEEPALIVE, txid, channelId, payload });
          expected.set(k, { kind: 'echo', payload });
          break;
        }
        case 'answer':
          // RESPONSE/ERROR for nothing pending: logged and ignored, never answered.
          send({
            type: rng.chance(0.5) ? MessageType.RESPONSE : MessageType.ERROR,
            txid: rng.chance(0.9) ? txid : '',
            channelId,
            payload: hostilePayload(rng),
          });
          break;
        case 'garbage-input':
        case 'truncated-input': {
          const payload =
            kind === 'garbage-input'
              ? rng.bytes(rng.int(1, 64))
              : Buffer.from(input(['echo', rng.text(20), rng.text(4)]).subarray(0, rng.int(1, 20)));
          send({ type: rng.chance(0.8) ? MessageType.TRANSACTION : MessageType.INIT, txid, channelId, payload });
          const ok = decodes(payload);
          expected.set(k, {
            kind: 'answer',
            what: kind,
            check: (answers) => {
              expect(answers).toHaveLength(1);
              expect(answers[0]?.type).toBe(ok ? MessageType.COMPLETED : MessageType.ERROR);
              if (!ok) expect(text(answers[0]?.payload)).toMatch(/could not decode the ChaincodeInput of/);
            },
          });
          break;
        }
        case 'garbage-proposal': {
          const fcn = rng.pick(['echo', 'creator'] as const);
          send({
            type: MessageType.TRANSACTION,
            txid,
            channelId,
            payload: input([fcn, 'x']),
            proposal: { proposalBytes: rng.bytes(rng.int(0, 64)), signature: rng.bytes(rng.int(0, 8)) },
          });
          expected.set(k, {
            kind: 'answer',
            what: `garbage proposal (${fcn})`,
            check: (answers) => {
              expect(answers.map((a) => a.type)).toEqual([MessageType.COMPLETED]);
              const response = protos.Response.decode(answers[0]?.payload ?? new Uint8Array(0));
              if (fcn === 'echo') expect([response.status, text(response.payload)]).toEqual([200, 'x']);
              else if (response.status !== 200) expect(response.message).not.toBe('');
            },
          });
          break;
        }
        case 'huge-args': {
          const n = rng.int(1000, 10000);
          send({
            type: MessageType.TRANSACTION,
            txid,
            channelId,
            payload: input(['count', ...Array.from({ length: n }, (_, j) => String(j % 10))]),
          });
          expected.set(k, {
            kind: 'answer',
            what: `${String(n)} args`,
            check: (answers) => {
              expect(answers.map((a) => a.type)).toEqual([MessageType.COMPLETED]);
              const response = protos.Response.decode(answers[0]?.payload ?? new Uint8Array(0));
              expect([response.status, text(response.payload)]).toEqual([200, String(n)]);
            },
          });
          break;
        }
        case 'hostile-stub-answer':
          hijack.add(k);
          send({ type: MessageType.TRANSACTION, txid, channelId, payload: input([rng.pick(['get', 'range', 'put'])]) });
          expected.set(k, {
            kind: 'answer',
            what: 'hostile stub answer',
            check: (answers) => {
              expect(answers.map((a) => a.type)).toEqual([MessageType.COMPLETED]);
            },
          });
          break;
        case 'throws':
          send({ type: MessageType.TRANSACTION, txid, channelId, payload: input(['throw']) });
          expected.set(k, {
            kind: 'answer',
            what: 'throws',
            check: (answers) => {
              expect(answers.map((a) => a.type)).toEqual([MessageType.COMPLETED]);
              const response = protos.Response.decode(answers[0]?.payload ?? new Uint8Array(0));
              expect([response.status, response.message]).toEqual([500, 'thrown on purpose']);
            },
          });
          break;
        case 'duplicate':
          send({ type: MessageType.TRANSACTION, txid, channelId, payload: input(['hold']) });
          send({ type: MessageType.TRANSACTION, txid, channelId, payload: input(['hold']) });
          expected.set(k, { kind: 'duplicate' });
          break;
      }
      // Let the event loop breathe now and then, so fuzz messages interleave with the normal ones.
      if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
    }

    const answersOf = (k: string): ChaincodeMessage[] =>
      (fromShim.get(k) ?? []).filter((m) => m.type === MessageType.COMPLETED || m.type === MessageType.ERROR);
    // Everything but the held transactions answers without further help.
    const settled = (): boolean =>
      [...expected].every(([k, e]) =>
        e.kind === 'echo'
          ? (fromShim.get(k) ?? []).some((m) => m.type === MessageType.KEEPALIVE)
          : e.kind === 'duplicate' || answersOf(k).length >= 1,
      );
    await waitFor(settled, SETTLE_MS, 'an answer to every fuzz message');
    releaseHeld();
    await waitFor(
      () => [...expected].every(([k, e]) => e.kind !== 'duplicate' || answersOf(k).length >= 1),
      SETTLE_MS,
      'the held transactions',
    );
    const normalResults = await Promise.all(normal);
    // A little time for any stray extra answer to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 50));
    unsubscribe();

    expect(done).toBe(CASES);
    // The stray RESPONSE/ERROR messages reached the handler and were ignored there.
    expect(logs.some((l) => l.includes('ignoring an answer for no pending request'))).toBe(true);
    normalResults.forEach((line) => {
      const n = /\|value(\d+)\|/.exec(line)?.[1] ?? '?';
      expect(line).toBe(`200|true|200|value${n}|200|a,${n}`);
    });
    for (const [k, e] of expected) {
      const all = fromShim.get(k) ?? [];
      const label = `case ${k.replace('\u0000', ' / ')}`;
      try {
        if (e.kind === 'echo') {
          expect(all.map((m) => [m.type, Buffer.from(m.payload).toString('hex')])).toEqual([
            [MessageType.KEEPALIVE, e.payload.toString('hex')],
          ]);
        } else if (e.kind === 'duplicate') {
          const answers = answersOf(k).map((m) => [
            m.type,
            m.type === MessageType.ERROR ? text(m.payload).replace(/^\[.*?\] /, '') : '',
          ]);
          // the copy is not answered: an answer to it would reach the peer as the first one's
          expect(answers).toEqual([[MessageType.COMPLETED, '']]);
        } else {
          e.check?.(answersOf(k));
        }
      } catch (err) {
        throw new Error(`${label} (seed ${String(SEED)}): ${(err as Error).message}`, { cause: err });
      }
    }
    // Nothing answered that was not asked: every COMPLETED/ERROR names a fuzz TRANSACTION or a refused message.
    const strays = [...fromShim].filter(([k]) => !expected.has(k) && !normalTxIds.has(k) && answersOf(k).length > 0);
    expect(strays.map(([k]) => k)).toEqual([]);

    expect(Object.keys(counts).sort()).toEqual(
      [
        'answer',
        'duplicate',
        'garbage-input',
        'garbage-proposal',
        'huge-args',
        'hostile-stub-answer',
        'keepalive',
        'normal',
        'refused',
        'throws',
        'truncated-input',
      ].sort(),
    );
    const handler = (session as unknown as { handler: { state: ProtocolState; transactionsInFlight: number } }).handler;
    expect(handler.state).toBe(ProtocolState.Ready);
    expect(handler.transactionsInFlight).toBe(0);
    expect(peer.chaincodes()).toEqual(['fuzzcc']);
    const after = await peer.submit('fuzzcc', ['echo', 'still', 'alive']);
    expect([after.status, text(after.payload)]).toEqual([200, 'still,alive']);
    expect(logs.filter((l) => l.includes('failed to handle a message'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Contract level: hostile arguments through a decorated contract on the dev peer.

@ObjectType()
class FuzzAsset {
  @Property()
  id: string = '';

  @Property()
  size: number = 0;
}

class HostileArgs extends Contract {
  constructor() {
    super('hostile');
  }

  @Transaction(false)
  @Returns('string')
  async inspect(_ctx: Context, asset: FuzzAsset): Promise<string> {
    return Promise.resolve(
      JSON.stringify({
        instance: asset instanceof FuzzAsset,
        own: Object.keys(asset).sort(),
        inherited: (asset as unknown as { polluted?: unknown }).polluted ?? null,
      }),
    );
  }

  @Transaction(false)
  async echoAsset(_ctx: Context, asset: FuzzAsset): Promise<FuzzAsset> {
    return Promise.resolve(asset);
  }

  @Transaction(false)
  @Param('tags', 'string[]')
  async tags(_ctx: Context, tags: string[]): Promise<number> {
    return Promise.resolve(tags.length);
  }

  @Transaction(false)
  async length(_ctx: Context, value: string): Promise<number> {
    return Promise.resolve(value.length);
  }

  @Transaction(false)
  async add(_ctx: Context, a: number, b: number): Promise<number> {
    return Promise.resolve(a + b);
  }
}

describe('a decorated contract under hostile arguments', () => {
  let peer: DevPeer;

  beforeAll(async () => {
    peer = await DevPeer.start();
    await peer.deployChaincode('contract', createContractChaincode([HostileArgs]));
  });

  afterAll(async () => {
    await peer.stop();
  });

  const call = (args: (string | Uint8Array)[]): Promise<TransactionResult> => peer.evaluate('contract', args);
  const deep = (depth: number, open: string, close: string, inner: string): string =>
    open.repeat(depth) + inner + close.repeat(depth);

  /** Every hostile call: [label, args, what the answer must satisfy]. */
  const cases: [string, (string | Uint8Array)[], (r: TransactionResult) => void][] = [
    [
      '__proto__ key in an @Object argument',
      ['hostile:inspect', '{"id":"a","size":1,"__proto__":{"polluted":"yes"}}'],
      (r) => {
        expect([r.status, JSON.parse(text(r.payload))]).toEqual([
          200,
          { instance: true, own: ['id', 'size'], inherited: null },
        ]);
      },
    ],
    [
      'constructor.prototype key in an @Object argument',
      ['hostile:inspect', '{"id":"a","size":1,"constructor":{"prototype":{"polluted":"yes"}}}'],
      (r) => {
        expect([r.status, JSON.parse(text(r.payload))]).toEqual([
          200,
          { instance: true, own: ['id', 'size'], inherited: null },
        ]);
      },
    ],
    [
      'prototype key in an @Object argument',
      ['hostile:inspect', '{"id":"a","size":1,"prototype":{"polluted":"yes"}}'],
      (r) => {
        expect([r.status, JSON.parse(text(r.payload))]).toEqual([
          200,
          { instance: true, own: ['id', 'prototype', 'size'], inherited: null },
        ]);
      },
    ],
    [
      '__proto__ echoed back through the serializer',
      ['hostile:echoAsset', '{"id":"a","size":1,"__proto__":{"polluted":"yes"}}'],
      (r) => {
        expect([r.status, text(r.payload)]).toEqual([200, '{"id":"a","size":1}']);
      },
    ],
    [
      'hostile key names as array elements',
      ['hostile:tags', '["__proto__","constructor","prototype"]'],
      (r) => {
        expect([r.status, text(r.payload)]).toEqual([200, '3']);
      },
    ],
    [
      '__proto__ nested inside a property of an @Object argument',
      ['hostile:inspect', '{"id":"a","size":1,"x":{"__proto__":{"polluted":"yes"}}}'],
      (r) => {
        expect([r.status, JSON.parse(text(r.payload))]).toEqual([
          200,
          { instance: true, own: ['id', 'size', 'x'], inherited: null },
        ]);
      },
    ],
    [
      'objects nested 10k deep in an @Object argument',
      ['hostile:inspect', `{"id":"a","size":1,"x":${deep(10000, '{"a":', '}', '1')}}`],
      (r) => {
        expect([r.status, r.message]).toEqual([
          500,
          "Unable to convert parameter 'asset' of transaction 'inspect' in contract 'hostile': Maximum call stack size exceeded",
        ]);
      },
    ],
    [
      'objects nested 10k deep echoed back',
      ['hostile:echoAsset', `{"id":"a","size":1,"x":${deep(10000, '{"a":', '}', '1')}}`],
      (r) => {
        expect([r.status, r.message]).toEqual([
          500,
          "Unable to convert parameter 'asset' of transaction 'echoAsset' in contract 'hostile': Maximum call stack size exceeded",
        ]);
      },
    ],
    [
      'arrays nested 10k deep for string[]',
      ['hostile:tags', deep(10000, '[', ']', '"x"')],
      (r) => {
        expect(r.status).toBe(500);
        expect(r.message).toMatch(/^Unable to validate parameter 'tags'/);
      },
    ],
    [
      'arrays nested 10k deep inside an @Object argument',
      ['hostile:inspect', `{"id":"a","size":1,"x":${deep(10000, '[', ']', '1')}}`],
      (r) => {
        expect([r.status, r.message]).toEqual([
          500,
          "Unable to convert parameter 'asset' of transaction 'inspect' in contract 'hostile': Maximum call stack size exceeded",
        ]);
      },
    ],
    [
      'a 1 MB string',
      ['hostile:length', 'x'.repeat(1024 * 1024)],
      (r) => {
        expect([r.status, text(r.payload)]).toEqual([200, String(1024 * 1024)]);
      },
    ],
    [
      'a 1 MB non-JSON string for an @Object',
      ['hostile:inspect', '{'.repeat(1024 * 1024)],
      (r) => {
        expect(r.status).toBe(500);
        expect(r.message).toMatch(/^Unable to convert parameter 'asset'/);
        expect(r.message.length).toBeLessThan(1000);
      },
    ],
    [
      'invalid UTF-8 in a string argument',
      ['hostile:length', Buffer.from([0xff, 0xfe, 0xc3, 0x28])],
      (r) => {
        expect([r.status, text(r.payload)]).toEqual([200, '4']); // three U+FFFD and '('
      },
    ],
    [
      'invalid UTF-8 in an @Object argument',
      ['hostile:inspect', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
      (r) => {
        expect(r.status).toBe(500);
        expect(r.message).toMatch(/^Unable to convert parameter 'asset'/);
      },
    ],
    [
      'invalid UTF-8 as the function name',
      [Buffer.from([0xc3, 0x28, 0xff])],
      (r) => {
        expect([r.status, r.message]).toEqual([
          500,
          "You've asked to invoke a function that does not exist: \uFFFD(\uFFFD",
        ]);
      },
    ],
    ...(
      [
        ['NaN', 'convert', '"NaN" is not a number'],
        ['abc', 'convert', '"abc" is not a number'],
        ['0x1g', 'convert', '"0x1g" is not a number'],
        ['Infinity', 'validate', 'must be number'],
        ['-Infinity', 'validate', 'must be number'],
        ['1e400', 'validate', 'must be number'],
      ] as const
    ).map(([n, step, reason]): [string, string[], (r: TransactionResult) => void] => [
      `${n} for a number`,
      ['hostile:add', n, '1'],
      (r) => {
        expect([r.status, r.message]).toEqual([
          500,
          `Unable to ${step} parameter 'a' of transaction 'add' in contract 'hostile': ${reason}`,
        ]);
      },
    ]),
    ...([[], ['1'], ['1', '2', '3']] as const).map((extra): [string, string[], (r: TransactionResult) => void] => [
      `${String(extra.length)} arguments for 2 parameters`,
      ['hostile:add', ...extra],
      (r) => {
        expect([r.status, r.message]).toEqual([
          500,
          `Expected 2 parameters, but ${String(extra.length)} have been supplied`,
        ]);
      },
    ]),
    ...(
      ['__proto__', 'constructor', 'hasOwnProperty', 'hostile:__proto__', 'toString', '__proto__:inspect'] as const
    ).map((fcn): [string, string[], (r: TransactionResult) => void] => [
      `function name ${fcn}`,
      [fcn, '{}'],
      (r) => {
        expect([r.status, r.message]).toEqual([
          500,
          fcn === '__proto__:inspect'
            ? 'Contract name is not known: __proto__'
            : `You've asked to invoke a function that does not exist: ${fcn}`,
        ]);
      },
    ]),
  ];

  it.each(cases)('%s gets an answer with a clear message', async (_label, args, check) => {
    const r = await call(args);
    check(r);
    expect(r.message.length).toBeLessThan(2000);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect((FuzzAsset.prototype as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('still serves normal calls afterwards, with nothing polluted', async () => {
    const r = await call(['hostile:add', '2', '3']);
    expect([r.status, text(r.payload)]).toEqual([200, '5']);
    const inspected = await call(['hostile:inspect', '{"id":"a","size":1}']);
    expect(JSON.parse(text(inspected.payload))).toEqual({ instance: true, own: ['id', 'size'], inherited: null });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(logs.filter((l) => l.includes('failed to handle a message'))).toEqual([]);
  });
});
