/**
 * Seeded, bounded fuzzing of the dev peer: a raw chaincode plays a hostile chaincode after a proper
 * handshake. What must hold: every request that names an active transaction is answered with
 * RESPONSE or ERROR (except where Fabric drops it: a second outstanding request of one
 * transaction), every `peer.submit` ends with a result, the peer keeps serving other chaincodes,
 * and nothing throws out of its handlers. Each transaction's script comes from its own seeded
 * generator (seed + case index), so a failure replays whatever the interleaving.
 */
import { DevPeer, type TransactionResult } from '@chaincode/dev-peer';
import { configureLogging, Shim, type ChaincodeSession } from '@chaincode/shim';
import { MessageType, messageTypeName, protos, type ChaincodeMessage } from '@chaincode/shim/internal';
import type { ChaincodeInterface } from '@chaincode/contract-api';
import { CHAINCODE_REQUEST_TYPES } from '../support/request-types';
import { SeededRandom } from '../support/seeded-random';
import { RawChaincode, dec, enc, type RawTx } from './support/raw-chaincode';

const SEED = 0xdee9_2026;
const CASES = 150;
const BATCH = 30;
/** Wall-clock budget of the case loop (it also stops at CASES). */
const LOOP_BUDGET_MS = 6000;
const EXECUTE_TIMEOUT_MS = 4000;
/** How long a request may wait for its answer before it counts as unanswered. */
const ANSWER_WAIT_MS = 5000;

/** Every request type the ready state serves. */
const REQUEST_TYPES = CHAINCODE_REQUEST_TYPES;

const logs: string[] = [];

beforeAll(() => {
  configureLogging({
    level: 'warning',
    shimLevel: 'warning',
    sink: (line) => {
      logs.push(line);
    },
  });
});

async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      resolve(undefined);
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A well-formed request of `type` with random content. */
function validRequest(rng: SeededRandom, type: MessageType): Uint8Array {
  const key = (): string => rng.pick(['k0', 'k1', 'k5', 'zz', rng.text(rng.int(1, 6)), 'ü\u0001']);
  const collection = (): string => (rng.chance(0.3) ? rng.pick(['c1', 'private']) : '');
  switch (type) {
    case MessageType.GET_STATE:
    case MessageType.GET_PRIVATE_DATA_HASH:
      return enc.getState(key(), collection());
    case MessageType.PUT_STATE:
      return enc.putState(key(), rng.bytes(rng.int(0, 8)), collection());
    case MessageType.DEL_STATE:
      return enc.delState(key(), collection());
    case MessageType.PURGE_PRIVATE_DATA:
      return protos.PurgePrivateState.encode({ key: key(), collection: collection() }).finish();
    case MessageType.GET_STATE_METADATA:
      return protos.GetStateMetadata.encode({ key: key(), collection: collection() }).finish();
    case MessageType.PUT_STATE_METADATA:
      return protos.PutStateMetadata.encode({
        key: key(),
        collection: collection(),
        ...(rng.chance(0.7) ? { metadata: { metakey: rng.text(4), value: rng.bytes(4) } } : {}),
      }).finish();
    case MessageType.GET_STATE_BY_RANGE:
      return rng.chance(0.5)
        ? enc.range(key(), rng.chance(0.5) ? '' : key(), { collection: collection() })
        : protos.GetStateByRange.encode({
            startKey: key(),
            endKey: '',
            collection: '',
            metadata: rng.chance(0.5)
              ? protos.QueryMetadata.encode({ pageSize: rng.int(-5, 5), bookmark: key() }).finish()
              : rng.bytes(rng.int(1, 12)),
          }).finish();
    case MessageType.GET_QUERY_RESULT:
      return protos.GetQueryResult.encode({ query: '{"selector":{}}', collection: collection() }).finish();
    case MessageType.GET_HISTORY_FOR_KEY:
      return enc.history(key());
    case MessageType.QUERY_STATE_NEXT:
      return enc.next(rng.text(rng.int(0, 36)));
    case MessageType.QUERY_STATE_CLOSE:
      return enc.close(rng.text(rng.int(0, 36)));
    case MessageType.INVOKE_CHAINCODE:
      return protos.ChaincodeSpec.encode({
        chaincodeId: { name: rng.pick(['good', 'good:1.0', 'good/other', 'hostile', 'nobody', '', rng.text(5)]) },
        input: { args: [Buffer.from(rng.pick(['put', 'get', 'echo', 'nope'])), Buffer.from(key()), rng.bytes(3)] },
      }).finish();
    case MessageType.WRITE_BATCH_STATE:
      return protos.WriteBatchState.encode({
        rec: Array.from({ length: rng.int(0, 4) }, () => {
          const rec = protos.WriteRecord.create({
            key: key(),
            value: rng.bytes(rng.int(0, 4)),
            collection: collection(),
          });
          // any number, including ones the enum does not define
          (rec as { type: number }).type = rng.pick([0, 9, 10, 21, 23, 77]);
          return rec;
        }),
      }).finish();
    case MessageType.GET_STATE_MULTIPLE:
      return protos.GetStateMultiple.encode({
        keys: Array.from({ length: rng.int(0, 5) }, key),
        collection: collection(),
      }).finish();
    default:
      return rng.bytes(8);
  }
}

type Ending = 'complete' | 'garbage-completed' | 'duplicate-completed' | 'error' | 'hang' | 'double-request';

/** What a case expects its submit to end with, and what went wrong inside its script. */
interface CaseRecord {
  ending: Ending;
  garbage?: Buffer;
  problems: string[];
  requests: number;
  dropped: number;
}

const good: ChaincodeInterface = {
  Init: () => Shim.success(),
  Invoke: async (stub) => {
    const { fcn, params } = stub.getFunctionAndParameters();
    if (fcn === 'put') {
      await stub.putState(params[0] || 'k', Buffer.from(params[1] ?? 'v'));
      return Shim.success();
    }
    if (fcn === 'get') return Shim.success(await stub.getState(params[0] || 'k'));
    if (fcn === 'echo') return Shim.success(Buffer.from(params.join(',')));
    return Shim.error(`good: unknown function ${fcn}`);
  },
};

describe('dev peer under a hostile chaincode (seeded fuzz)', () => {
  let peer: DevPeer;
  let session: ChaincodeSession;
  const clients: RawChaincode[] = [];

  beforeAll(async () => {
    peer = await DevPeer.start({ executeTimeoutMs: EXECUTE_TIMEOUT_MS });
    session = await peer.deployChaincode('good', good);
  });

  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    await peer.stop();
  });

  it('answers requests for no active transaction with ERROR, before any transaction ran', async () => {
    const { cc } = await RawChaincode.register(peer.address, 'early');
    clients.push(cc);
    const rng = new SeededRandom(SEED - 1);
    for (const type of REQUEST_TYPES) {
      const txid = `ghost-${rng.text(8)}`;
      const reply = await within(
        cc.request({ type, txid, channelId: rng.pick(['mychannel', 'other', '']), payload: rng.bytes(rng.int(0, 20)) }),
        ANSWER_WAIT_MS,
      );
      expect([messageTypeName(type), reply?.type, dec.text(reply?.payload ?? new Uint8Array(0))]).toEqual([
        messageTypeName(type),
        MessageType.ERROR,
        `${messageTypeName(type)} failed: transaction ID: ${txid}: ${type === MessageType.INVOKE_CHAINCODE ? 'could not get valid transaction' : 'no ledger context'}`,
      ]);
    }
    // COMPLETED and ERROR for nothing pending are ignored; the stream stays up.
    cc.send({ type: MessageType.COMPLETED, txid: 'ghost', channelId: 'mychannel', payload: rng.bytes(9) });
    cc.send({ type: MessageType.ERROR, txid: 'ghost', channelId: '', payload: rng.bytes(9) });
    cc.send({ type: MessageType.KEEPALIVE, payload: rng.bytes(3) });
    cc.serve((tx) => {
      tx.complete(200, 'alive');
    });
    const r = await peer.submit('early', ['x']);
    expect([r.status, dec.text(r.payload)]).toEqual([200, 'alive']);
  });

  it(`answers every request of an active transaction and ends every submit (seed ${String(SEED)}, ${String(CASES)} cases)`, async () => {
    const { cc } = await RawChaincode.register(peer.address, 'hostile');
    clients.push(cc);
    // Some committed state for queries and history to find.
    cc.serve(async (tx) => {
      for (const k of ['k0', 'k1', 'k2', 'k3', 'k5', 'untouched'])
        await tx.ok(MessageType.PUT_STATE, enc.putState(k, `v-${k}`));
      tx.complete(200);
    });
    expect((await peer.submit('hostile', ['seed'])).committed).toBe(true);

    const records = new Map<number, CaseRecord>();
    const scripts: Promise<void>[] = [];
    cc.serve(async (tx) => {
      const index = Number(tx.args[1]);
      const rng = new SeededRandom((SEED + index * 7919) >>> 0);
      const record: CaseRecord = {
        ending: rng.pick([
          'complete',
          'complete',
          'garbage-completed',
          'duplicate-completed',
          'error',
          'double-request',
          'hang',
        ] as const),
        problems: [],
        requests: 0,
        dropped: 0,
      };
      if (record.ending === 'hang' && rng.chance(0.6)) record.ending = 'complete'; // keep timeouts rare
      records.set(index, record);
      const script = runScript(tx, rng, record, cc);
      scripts.push(script);
      await script;
    });

    const goodChecks: Promise<string>[] = [];
    const hostile: Promise<[number, TransactionResult]>[] = [];
    const started = Date.now();
    let done = 0;
    for (let batch = 0; batch * BATCH < CASES && Date.now() - started < LOOP_BUDGET_MS; batch++) {
      const submits: Promise<unknown>[] = [];
      for (let i = batch * BATCH; i < Math.min(CASES, (batch + 1) * BATCH); i++, done++) {
        const submitted = peer.submit('hostile', ['case', String(i)]).then((r): [number, TransactionResult] => [i, r]);
        hostile.push(submitted);
        submits.push(submitted);
        if (i % 5 === 0) {
          const check = peer.submit('good', ['put', `g${String(i)}`, `gv${String(i)}`]).then(async (put) => {
            const got = await peer.evaluate('good', ['get', `g${String(i)}`]);
            return `${String(put.status)}|${String(put.committed)}|${dec.text(got.payload)}`;
          });
          goodChecks.push(check);
          submits.push(check);
        }
      }
      // The batches overlap: a pause lets each start before the next one is sent.
      await within(Promise.all(submits), 20);
    }
    expect(done).toBe(CASES);

    const results = await Promise.all(hostile);
    await Promise.all(scripts); // the checks a script makes after its transaction ended
    const problems: string[] = [];
    let requests = 0;
    let dropped = 0;
    const endings: Record<string, number> = {};
    for (const [index, r] of results) {
      const record = records.get(index);
      if (record === undefined) {
        problems.push(`case ${String(index)}: the transaction never reached the chaincode (${r.message})`);
        continue;
      }
      requests += record.requests;
      dropped += record.dropped;
      endings[record.ending] = (endings[record.ending] ?? 0) + 1;
      const where = `case ${String(index)} (seed ${String(SEED)}, ${record.ending})`;
      problems.push(...record.problems.map((p) => `${where}: ${p}`));
      const outcome = `${String(r.status)} ${r.message} ${dec.text(r.payload)}`;
      const expectOutcome = (ok: boolean): void => {
        if (!ok) problems.push(`${where}: unexpected result ${outcome}`);
      };
      switch (record.ending) {
        case 'complete':
        case 'double-request':
          expectOutcome(r.status === 200 && dec.text(r.payload) === 'done');
          break;
        case 'duplicate-completed':
          expectOutcome(r.status === 200 && dec.text(r.payload) === 'first');
          break;
        case 'error':
          expectOutcome(r.status === 500 && r.message === 'transaction returned with failure: hostile says no');
          break;
        case 'hang':
          expectOutcome(
            r.status === 500 &&
              r.message ===
                `failed to execute transaction ${r.txId}: error sending: timeout expired while executing transaction`,
          );
          break;
        case 'garbage-completed': {
          let decoded: protos.Response | undefined;
          try {
            decoded = protos.Response.decode(record.garbage ?? new Uint8Array(0));
          } catch {
            decoded = undefined;
          }
          expectOutcome(
            decoded === undefined
              ? r.status === 500 && r.message.startsWith(`failed to unmarshal response for transaction ${r.txId}: `)
              : r.status === decoded.status && r.message === decoded.message,
          );
          break;
        }
      }
    }
    expect(problems).toEqual([]);
    expect(requests).toBeGreaterThan(CASES * 2);
    // A second request is dropped only while the first is outstanding (timing decides, as on a Fabric
    // peer); each drop is the peer's "Another request pending" line, and nothing else goes unanswered.
    expect(dropped).toBeLessThanOrEqual(endings['double-request'] ?? 0);
    expect(logs.filter((l) => l.includes('Another request pending for this CC: hostile')).length).toBe(dropped);
    expect(Object.keys(endings).sort()).toEqual(
      ['complete', 'double-request', 'duplicate-completed', 'error', 'garbage-completed', 'hang'].sort(),
    );
    for (const line of await Promise.all(goodChecks)) {
      const n = /\|gv(\d+)$/.exec(line)?.[1] ?? '?';
      expect(line).toBe(`200|true|gv${n}`);
    }

    // Still registered and serving, on both streams.
    expect(peer.chaincodes().sort()).toEqual(expect.arrayContaining(['good', 'hostile']));
    cc.serve(async (tx) => {
      const value = await tx.ok(MessageType.GET_STATE, enc.getState('untouched'));
      tx.complete(200, dec.text(value));
    });
    const last = await peer.submit('hostile', ['last']);
    expect([last.status, dec.text(last.payload)]).toEqual([200, 'v-untouched']);
    const echo = await peer.submit('good', ['echo', 'a', 'b']);
    expect([echo.status, dec.text(echo.payload)]).toEqual([200, 'a,b']);
    expect(session).toBeDefined();
    expect(logs.filter((l) => /failed to handle a message|message tap threw/.test(l))).toEqual([]);
  });

  it('ends the stream on a message the ready state cannot take, and keeps serving other chaincodes', async () => {
    const rng = new SeededRandom(SEED + 1);
    const types = [
      MessageType.UNDEFINED,
      MessageType.REGISTER,
      MessageType.REGISTERED,
      MessageType.INIT,
      MessageType.READY,
      MessageType.TRANSACTION,
      MessageType.RESPONSE,
      99,
      -1,
    ];
    for (const type of types) {
      const name = `end${String(type).replace('-', 'm')}`;
      const { cc } = await RawChaincode.register(peer.address, name);
      clients.push(cc);
      cc.serve((tx) => {
        const message = protos.ChaincodeMessage.create({
          txid: tx.txId,
          channelId: tx.channelId,
          payload: rng.bytes(rng.int(0, 16)),
        });
        (message as { type: number }).type = type;
        cc.send(message);
      });
      const r = await peer.submit(name, ['x']);
      expect([type, r.status, r.message]).toEqual([
        type,
        500,
        `failed to execute transaction ${r.txId}: error sending: chaincode stream terminated`,
      ]);
      const error = await cc.next((m) => m.type === MessageType.ERROR);
      expect(dec.text(error.payload)).toBe(
        `error handling message, ending stream: [${r.txId}] Fabric side handler cannot handle message ` +
          `(${messageTypeName(type)}) while in ready state`,
      );
      await cc.closed;
      expect(peer.chaincodes()).not.toContain(name);
      const ok = await peer.submit('good', ['echo', name]);
      expect([ok.status, dec.text(ok.payload)]).toEqual([200, name]);
    }
    expect(logs.filter((l) => /failed to handle a message|message tap threw/.test(l))).toEqual([]);
  });
});

/** One hostile transaction: random requests, then the chosen ending. Violations go to `record.problems`. */
async function runScript(tx: RawTx, rng: SeededRandom, record: CaseRecord, cc: RawChaincode): Promise<void> {
  const ask = async (type: MessageType, payload: Uint8Array, label: string): Promise<ChaincodeMessage | undefined> => {
    record.requests++;
    const reply = await within(tx.call(type, payload), ANSWER_WAIT_MS);
    const name = messageTypeName(type);
    if (reply === undefined) {
      record.problems.push(`${label} ${name}: no answer`);
    } else if (reply.type === MessageType.ERROR) {
      const text = dec.text(reply.payload);
      if (!text.startsWith(`${name} failed: transaction ID: ${tx.txId}: `)) {
        record.problems.push(`${label} ${name}: ERROR text ${JSON.stringify(text)}`);
      }
    } else if (reply.type !== MessageType.RESPONSE) {
      record.problems.push(`${label} ${name}: answered with type ${String(reply.type)}`);
    }
    return reply;
  };

  const steps = rng.int(1, 5);
  for (let s = 0; s < steps; s++) {
    const type = rng.pick(REQUEST_TYPES);
    switch (rng.int(0, 4)) {
      case 0:
        await ask(type, rng.bytes(rng.int(0, 40)), 'random bytes');
        break;
      case 1: {
        const full = validRequest(rng, type);
        await ask(type, full.subarray(0, rng.int(0, full.length)), 'truncated');
        break;
      }
      case 2: {
        const reply = await ask(type, validRequest(rng, type), 'valid');
        if (type === MessageType.QUERY_STATE_NEXT && reply?.type !== MessageType.ERROR) {
          record.problems.push('QUERY_STATE_NEXT of a random id was not refused');
        }
        if (type === MessageType.QUERY_STATE_CLOSE && reply?.type !== MessageType.RESPONSE) {
          record.problems.push('QUERY_STATE_CLOSE of a random id was not answered with RESPONSE');
        }
        break;
      }
      case 3: {
        // The same request naming another transaction or channel: no ledger context.
        const other = rng.chance(0.5)
          ? { txid: `${tx.txId}-x`, channelId: tx.channelId }
          : { txid: tx.txId, channelId: rng.pick(['other', '', 'MYCHANNEL']) };
        record.requests++;
        const reply = await within(cc.request({ type, payload: validRequest(rng, type), ...other }), ANSWER_WAIT_MS);
        const reason = type === MessageType.INVOKE_CHAINCODE ? 'could not get valid transaction' : 'no ledger context';
        const expected = `${messageTypeName(type)} failed: transaction ID: ${other.txid}: ${reason}`;
        if (reply?.type !== MessageType.ERROR || dec.text(reply.payload) !== expected) {
          record.problems.push(`${messageTypeName(type)} for another transaction: ${JSON.stringify(reply ?? null)}`);
        }
        break;
      }
      default: {
        // A real query, then NEXT/CLOSE on its id.
        const reply = await ask(MessageType.GET_STATE_BY_RANGE, enc.range('', ''), 'range');
        if (reply?.type === MessageType.RESPONSE) {
          const id = dec.queryResponse(reply.payload).id;
          if (rng.chance(0.5)) await ask(MessageType.QUERY_STATE_NEXT, enc.next(id), 'next of a real id');
          await ask(MessageType.QUERY_STATE_CLOSE, enc.close(id), 'close of a real id');
          await ask(MessageType.QUERY_STATE_CLOSE, enc.close(id), 'second close');
        }
      }
    }
  }

  switch (record.ending) {
    case 'complete':
      tx.complete(200, 'done');
      break;
    case 'garbage-completed':
      record.garbage = rng.bytes(rng.int(0, 24));
      cc.send({ type: MessageType.COMPLETED, txid: tx.txId, channelId: tx.channelId, payload: record.garbage });
      break;
    case 'duplicate-completed':
      tx.complete(200, 'first');
      tx.complete(500, 'second', 'second');
      tx.fail('after the fact');
      break;
    case 'error':
      tx.fail('hostile says no');
      break;
    case 'hang':
      break;
    case 'double-request': {
      // Two outstanding requests at once: Fabric answers the first and drops the second.
      const first = within(tx.call(MessageType.GET_STATE, enc.getState('k1')), ANSWER_WAIT_MS);
      const second = within(tx.call(MessageType.GET_STATE, enc.getState('k2')), 1000);
      record.requests += 2;
      const [a, b] = await Promise.all([first, second]);
      if (a?.type !== MessageType.RESPONSE) {
        record.problems.push(`first of two outstanding requests: ${JSON.stringify(a ?? null)}`);
      }
      if (b === undefined) record.dropped++;
      tx.complete(200, 'done');
      break;
    }
  }
  if (record.ending !== 'double-request' && record.ending !== 'hang' && rng.chance(0.5)) {
    // A request after the transaction ended: no ledger context any more.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const reply = await within(tx.call(MessageType.GET_STATE, enc.getState('k0')), ANSWER_WAIT_MS);
    const expected = `GET_STATE failed: transaction ID: ${tx.txId}: no ledger context`;
    if (reply?.type !== MessageType.ERROR || dec.text(reply.payload) !== expected) {
      record.problems.push(`request after the end: ${JSON.stringify(reply ?? null)}`);
    }
  }
}
