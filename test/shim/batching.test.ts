import { Contract, type Context } from '@chaincode/contract-api';
import { DevPeer } from '@chaincode/dev-peer';
import { createContractChaincode, serveChaincode, Shim, startChaincode } from '@chaincode/shim';
import { MessageType, protos, type ChaincodeMessage } from '@chaincode/shim/internal';
import { FunctionTable, json, quietLogs, recordMessages, startPair, text, type Pair } from './harness';
import { RawPeer } from './raw-peer';

/**
 * Write batching, as Fabric's Go shim does it: on a peer that advertises WRITE_BATCH_STATE
 * (Fabric 3.1), writes are buffered only between startWriteBatch() and finishWriteBatch() (or
 * throughout a transaction with the autoWriteBatch option, or `static autoWriteBatch = true` on a
 * contract class). By default each write is sent and answered at its own await, as fabric-shim
 * does, so a write the peer refuses can be caught where it is made.
 */
const table = new FunctionTable();
const RecordType = protos.WriteRecord.Type;
const BATCHING = { useWriteBatch: true, maxSizeWriteBatch: 10, useGetMultipleKeys: true, maxSizeGetMultipleKeys: 20 };

function batches(messages: ChaincodeMessage[], txId: string): protos.WriteRecord.$Properties[][] {
  return messages
    .filter((m) => m.txid === txId && m.type === MessageType.WRITE_BATCH_STATE)
    .map((m) => protos.WriteBatchState.decode(m.payload).rec);
}

function typesOf(messages: ChaincodeMessage[], txId: string): string[] {
  return messages.filter((m) => m.txid === txId).map((m) => MessageType[m.type]);
}

/** Submit `fn` (registered in the table) and record what the chaincode sent for it. */
async function traced(
  pair: Pair,
  fn: Parameters<FunctionTable['add']>[0],
  options: { init?: boolean } = {},
): Promise<{ status: number; message: string; payload: unknown; types: string[]; messages: ChaincodeMessage[] }> {
  const recorder = recordMessages(pair);
  const result = await pair.peer.submit(pair.name, [table.add(fn)], options);
  recorder.stop();
  return {
    status: result.status,
    message: result.message,
    payload: result.status === 200 ? json(result.payload) : null,
    types: typesOf(recorder.messages, result.txId),
    messages: recorder.messages.filter((m) => m.txid === result.txId),
  };
}

/** A paginated query, after which the peer refuses every write of the transaction (Fabric's rule). */
async function pagedQuery(stub: Parameters<Parameters<FunctionTable['add']>[0]>[0]): Promise<void> {
  const { iterator } = await stub.getStateByRangeWithPagination('a', 'z', 1);
  await iterator.close();
}

const REFUSED_AFTER_PAGED_QUERY = /Transaction has already performed a paginated query. Writes are not allowed/;
const REFUSED_IN_INIT = /private data APIs are not allowed in chaincode Init\(\)/;

beforeAll(() => {
  quietLogs();
});

describe('on a peer that advertises WRITE_BATCH_STATE, by default (as fabric-shim)', () => {
  let pair: Pair;
  beforeAll(async () => {
    pair = await startPair(table, { peer: { capabilities: BATCHING } });
  });
  afterAll(async () => {
    await pair.stop();
  });

  it('sends each write as its own message, answered at its own await', async () => {
    const run = await traced(pair, async (stub) => {
      await stub.putState('d1', 'one');
      await stub.deleteState('d0');
      await stub.setStateValidationParameter('d1', Buffer.from('ep'));
      await stub.putPrivateData('col', 'pd', 'secret');
      await stub.purgePrivateData('col', 'px');
      return 'done';
    });
    expect(run.status).toBe(200);
    expect(run.types).toEqual([
      'PUT_STATE',
      'DEL_STATE',
      'PUT_STATE_METADATA',
      'PUT_STATE',
      'PURGE_PRIVATE_DATA',
      'COMPLETED',
    ]);
    expect(text(pair.peer.getState(pair.name, 'd1'))).toBe('one');
  });

  it('lets a contract catch a write the peer refuses, at its await, and go on', async () => {
    const run = await traced(pair, async (stub) => {
      await pagedQuery(stub);
      try {
        await stub.putState('refused', 'x');
        return 'not refused';
      } catch (err) {
        return (err as Error).message;
      }
    });
    expect(run.status).toBe(200);
    expect(run.payload).toMatch(REFUSED_AFTER_PAGED_QUERY);
    expect(run.types).toEqual(['GET_STATE_BY_RANGE', 'PUT_STATE', 'COMPLETED']);
  });

  it("catches putPrivateData to a collection the peer refuses (in Init: Fabric's rule) at its await", async () => {
    const run = await traced(
      pair,
      async (stub) => {
        let caught = '';
        try {
          await stub.putPrivateData('nosuchcoll', 'k', 'v');
        } catch (err) {
          caught = (err as Error).message;
        }
        await stub.putState('after-catch', 'kept');
        return caught;
      },
      { init: true },
    );
    expect(run.status).toBe(200);
    expect(run.payload).toMatch(REFUSED_IN_INIT);
    expect(text(pair.peer.getState(pair.name, 'after-catch'))).toBe('kept');
  });

  it('batches between startWriteBatch() and finishWriteBatch(): last write per key wins, one message', async () => {
    await pair.peer.submit(pair.name, [table.add(async (stub) => stub.putState('gone', 'soon'))]);
    const run = await traced(pair, async (stub) => {
      await stub.putState('before', 'sent alone');
      stub.startWriteBatch();
      await stub.putState('b1', 'one');
      await stub.putState('b2', Buffer.from('two'));
      await stub.deleteState('gone');
      await stub.setStateValidationParameter('b1', Buffer.from('ep'));
      await stub.putPrivateData('col', 'p1', 'secret');
      await stub.deletePrivateData('col', 'p0');
      await stub.purgePrivateData('col', 'p9');
      await stub.putState('b1', 'one-again');
      await stub.finishWriteBatch();
      await stub.putState('after', 'sent alone too');
    });
    expect(run.status).toBe(200);
    expect(run.types).toEqual(['PUT_STATE', 'WRITE_BATCH_STATE', 'PUT_STATE', 'COMPLETED']);
    const [batch] = batches(run.messages, run.messages[0]!.txid);
    // One record per (collection, key, data or metadata), in the order of each one's last write.
    expect(batch!.map((r) => [r.type, r.collection, r.key, text(r.value)])).toEqual([
      [RecordType.PUT_STATE, '', 'b2', 'two'],
      [RecordType.DEL_STATE, '', 'gone', ''],
      [RecordType.PUT_STATE_METADATA, '', 'b1', ''],
      [RecordType.PUT_STATE, 'col', 'p1', 'secret'],
      [RecordType.DEL_STATE, 'col', 'p0', ''],
      [RecordType.PURGE_PRIVATE_DATA, 'col', 'p9', ''],
      [RecordType.PUT_STATE, '', 'b1', 'one-again'],
    ]);
    expect(batch![2]!.metadata).toMatchObject({ metakey: 'VALIDATION_PARAMETER' });
    expect(text(pair.peer.getState(pair.name, 'b1'))).toBe('one-again');
    expect(pair.peer.getState(pair.name, 'gone')).toBeUndefined();
    expect(text(pair.peer.getStateMetadata(pair.name, 'b1').VALIDATION_PARAMETER)).toBe('ep');
    expect(text(pair.peer.getState(pair.name, 'p1', { collection: 'col' }))).toBe('secret');
    expect(text(pair.peer.getState(pair.name, 'after'))).toBe('sent alone too');
  });

  it('sends an open batch before COMPLETED, in chunks of the advertised size (raised to 100)', async () => {
    const run = await traced(pair, async (stub) => {
      stub.startWriteBatch();
      for (let i = 0; i < 250; i++) await stub.putState(`chunk${String(i).padStart(3, '0')}`, String(i));
    });
    expect(run.status).toBe(200);
    const sent = batches(run.messages, run.messages[0]!.txid);
    expect(sent.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(sent.flat().map((r) => text(r.value))).toEqual(Array.from({ length: 250 }, (_, i) => String(i)));
    expect(run.types.at(-1)).toBe('COMPLETED');
    expect(text(pair.peer.getState(pair.name, 'chunk249'))).toBe('249');
  });

  it('inside a batch, a refused write fails the transaction when the batch is sent', async () => {
    const run = await traced(pair, async (stub) => {
      await pagedQuery(stub);
      stub.startWriteBatch();
      await stub.putState('refused-later', 'x'); // buffered: nothing to refuse yet
      return 'returned';
    });
    expect(run.status).toBe(500);
    expect(run.message).toMatch(REFUSED_AFTER_PAGED_QUERY);
    expect(run.types).toEqual(['GET_STATE_BY_RANGE', 'WRITE_BATCH_STATE', 'COMPLETED']);
  });

  it('finishWriteBatch() rejects with the peer refusal, which the contract can catch', async () => {
    const run = await traced(pair, async (stub) => {
      await pagedQuery(stub);
      stub.startWriteBatch();
      await stub.putState('refused', 'x');
      try {
        await stub.finishWriteBatch();
        return 'sent';
      } catch (err) {
        return (err as Error).message;
      }
    });
    expect(run.status).toBe(200);
    expect(run.payload).toMatch(REFUSED_AFTER_PAGED_QUERY);
  });

  it('does not send the batch of a transaction that answers 400 or more', async () => {
    const run = await traced(pair, async (stub) => {
      stub.startWriteBatch();
      await stub.putState('never', 'x');
      throw new Error('refused by the contract');
    });
    expect(run.status).toBe(500);
    expect(run.types).toEqual(['COMPLETED']);
    expect(pair.peer.getState(pair.name, 'never')).toBeUndefined();
  });

  it('reads many keys with GET_STATE_MULTIPLE in chunks, values in key order, absent keys empty', async () => {
    await pair.peer.submit(pair.name, [
      table.add(async (stub) => {
        for (let i = 0; i < 250; i += 2) await stub.putState(`multi${String(i).padStart(3, '0')}`, `v${String(i)}`);
        await stub.putPrivateData('col', 'pm1', 'private-1');
      }),
    ]);
    const run = await traced(pair, async (stub) => {
      const keys = Array.from({ length: 250 }, (_, i) => `multi${String(i).padStart(3, '0')}`);
      const values = (await stub.getMultipleStates(...keys)).map(text);
      const priv = (await stub.getMultiplePrivateData('col', 'pm1', 'pm2')).map(text);
      return { values, priv };
    });
    const body = run.payload as { values: string[]; priv: string[] };
    expect(body.values).toEqual(Array.from({ length: 250 }, (_, i) => (i % 2 === 0 ? `v${String(i)}` : '')));
    expect(body.priv).toEqual(['private-1', '']);
    const requests = run.messages
      .filter((m) => m.type === MessageType.GET_STATE_MULTIPLE)
      .map((m) => protos.GetStateMultiple.decode(m.payload));
    expect(requests.map((r) => [r.keys.length, r.collection])).toEqual([
      [100, ''],
      [100, ''],
      [50, ''],
      [2, 'col'],
    ]);
    expect(run.types).not.toContain('GET_STATE');
  });
});

describe('with automatic batching (the autoWriteBatch option)', () => {
  let pair: Pair;
  beforeAll(async () => {
    pair = await startPair(table, { peer: { capabilities: BATCHING }, client: { autoWriteBatch: true }, name: 'auto' });
  });
  afterAll(async () => {
    await pair.stop();
  });

  it('sends every write of the transaction in one WRITE_BATCH_STATE before COMPLETED', async () => {
    const run = await traced(pair, async (stub) => {
      for (let i = 0; i < 10; i++) await stub.putState(`auto${String(i)}`, String(i));
      await stub.putPrivateData('col', 'auto-p', 'p');
      return (await stub.getState('auto0')).length; // a transaction does not read its own writes
    });
    expect(run.status).toBe(200);
    expect(run.payload).toBe(0);
    expect(run.types).toEqual(['GET_STATE', 'WRITE_BATCH_STATE', 'COMPLETED']);
    expect(batches(run.messages, run.messages[0]!.txid)[0]).toHaveLength(11);
    expect(text(pair.peer.getState(pair.name, 'auto9'))).toBe('9');
  });

  it('a refused write is not seen at its await: the whole transaction fails at the flush', async () => {
    const run = await traced(pair, async (stub) => {
      await pagedQuery(stub);
      try {
        await stub.putState('refused', 'x');
        return 'not refused here';
      } catch (err) {
        return (err as Error).message;
      }
    });
    expect(run.status).toBe(500);
    expect(run.message).toMatch(REFUSED_AFTER_PAGED_QUERY);
  });

  it('putPrivateData to a collection the peer refuses fails the transaction, not the await', async () => {
    const run = await traced(
      pair,
      async (stub) => {
        try {
          await stub.putPrivateData('nosuchcoll', 'k', 'v');
        } catch {
          return 'caught';
        }
        return 'not caught';
      },
      { init: true },
    );
    expect(run.status).toBe(500);
    expect(run.message).toMatch(REFUSED_IN_INIT);
  });

  it('finishWriteBatch() sends what is buffered and ends batching for the rest of the transaction', async () => {
    const run = await traced(pair, async (stub) => {
      await stub.putState('early', '1');
      await stub.finishWriteBatch();
      await stub.putState('late', '2');
    });
    expect(run.types).toEqual(['WRITE_BATCH_STATE', 'PUT_STATE', 'COMPLETED']);
    expect(text(pair.peer.getState(pair.name, 'late'))).toBe('2');
  });
});

describe('when the peer advertises nothing (Fabric 2.x)', () => {
  let pair: Pair;
  beforeAll(async () => {
    pair = await startPair(table, { peer: { capabilities: false }, client: { autoWriteBatch: true }, name: 'old' });
  });
  afterAll(async () => {
    await pair.stop();
  });

  it('sends each write as its own message even with startWriteBatch() or autoWriteBatch, and multi-gets as GET_STATE', async () => {
    const run = await traced(pair, async (stub) => {
      stub.startWriteBatch();
      await stub.putState('a', '1');
      await stub.deleteState('b');
      await stub.setStateValidationParameter('a', Buffer.from('ep'));
      await stub.putPrivateData('col', 'p', 'x');
      await stub.purgePrivateData('col', 'q');
      await stub.finishWriteBatch();
      return (await stub.getMultipleStates('a', 'b', 'c')).length;
    });
    expect(run.status).toBe(200);
    expect(run.payload).toBe(3);
    expect(run.types).toEqual([
      'PUT_STATE',
      'DEL_STATE',
      'PUT_STATE_METADATA',
      'PUT_STATE',
      'PURGE_PRIVATE_DATA',
      'GET_STATE',
      'GET_STATE',
      'GET_STATE',
      'COMPLETED',
    ]);
    expect(text(pair.peer.getState(pair.name, 'a'))).toBe('1');
  });
});

describe('per contract: static autoWriteBatch = true', () => {
  class Batched extends Contract {
    static override autoWriteBatch = true;
    constructor() {
      super('batched');
    }
    async put(ctx: Context, key: string, value: string): Promise<void> {
      await ctx.stub.putState(key, value);
      await ctx.stub.putState(`${key}-copy`, value);
    }
  }
  class Plain extends Contract {
    constructor() {
      super('plain');
    }
    async put(ctx: Context, key: string, value: string): Promise<void> {
      await ctx.stub.putState(key, value);
      await ctx.stub.putState(`${key}-copy`, value);
    }
  }
  let pair: Pair;
  beforeAll(async () => {
    pair = await startPair(createContractChaincode([Batched, Plain]), {
      peer: { capabilities: BATCHING },
      name: 'contracts',
    });
  });
  afterAll(async () => {
    await pair.stop();
  });

  it("batches that contract's transactions, and only that contract's", async () => {
    for (const [contract, expected] of [
      ['batched', ['WRITE_BATCH_STATE', 'COMPLETED']],
      ['plain', ['PUT_STATE', 'PUT_STATE', 'COMPLETED']],
    ] as const) {
      const recorder = recordMessages(pair);
      const result = await pair.peer.submit(pair.name, [`${contract}:put`, contract, 'v']);
      recorder.stop();
      expect(result.status).toBe(200);
      expect(typesOf(recorder.messages, result.txId)).toEqual(expected);
      expect(text(pair.peer.getState(pair.name, `${contract}-copy`))).toBe('v');
    }
  });
});

describe('a peer that refuses the batch (a scripted peer: the collection does not exist)', () => {
  async function refusing(autoWriteBatch: boolean): Promise<protos.Response> {
    const raw = await RawPeer.start();
    const session = await startChaincode(
      {
        Init: () => Shim.success(),
        Invoke: async (stub) => {
          try {
            await stub.putPrivateData('nosuchcoll', 'k', 'v');
            return Shim.success(Buffer.from('not refused at the await'));
          } catch (err) {
            return Shim.success(Buffer.from(`caught: ${(err as Error).message}`));
          }
        },
      },
      { peerAddress: raw.address, chaincodeIdName: 'cc', autoWriteBatch },
    );
    try {
      await raw.waitForCount(1);
      raw.send({ type: MessageType.REGISTERED });
      raw.send({
        type: MessageType.READY,
        payload: protos.ChaincodeAdditionalParams.encode({ useWriteBatch: true, maxSizeWriteBatch: 1000 }).finish(),
      });
      await session.ready;
      raw.send({
        type: MessageType.TRANSACTION,
        txid: 't',
        channelId: 'ch',
        payload: protos.ChaincodeInput.encode({ args: [Buffer.from('x')] }).finish(),
      });
      const write = await raw.waitForCount(2);
      expect(write.type).toBe(autoWriteBatch ? MessageType.WRITE_BATCH_STATE : MessageType.PUT_STATE);
      const refusal = 'PUT_STATE failed: transaction ID: t: collection nosuchcoll could not be found';
      raw.send({ type: MessageType.ERROR, txid: 't', channelId: 'ch', payload: Buffer.from(refusal) });
      const completed = await raw.waitForCount(3);
      expect(completed.type).toBe(MessageType.COMPLETED);
      return protos.Response.decode(completed.payload);
    } finally {
      await session.close();
      await raw.stop();
    }
  }

  it('by default the contract catches the refusal at its await', async () => {
    const response = await refusing(false);
    expect([response.status, text(response.payload)]).toEqual([
      200,
      'caught: PUT_STATE failed: transaction ID: t: collection nosuchcoll could not be found',
    ]);
  });

  it('with autoWriteBatch the transaction fails with 500 and the peer’s text', async () => {
    const response = await refusing(true);
    expect([response.status, response.message, response.payload.length]).toEqual([
      500,
      'PUT_STATE failed: transaction ID: t: collection nosuchcoll could not be found',
      0,
    ]);
  });
});

describe('in server mode (chaincode as a service)', () => {
  it('Shim.server passes autoWriteBatch on (what `server --auto-write-batch true` resolves to)', async () => {
    const server = Shim.server(table, { ccid: 'srv:1', address: '127.0.0.1:0', autoWriteBatch: true });
    await server.start();
    const peer = await DevPeer.start({ capabilities: BATCHING });
    try {
      await peer.connectToChaincode('srv', { address: server.address! });
      const messages: ChaincodeMessage[] = [];
      const stop = peer.connection('srv').onMessage((message) => {
        messages.push(message);
      });
      const result = await peer.submit('srv', [
        table.add(async (stub) => {
          await stub.putState('s1', 'one');
          await stub.putState('s2', 'two');
        }),
      ]);
      stop();
      expect(result.status).toBe(200);
      expect(typesOf(messages, result.txId)).toEqual(['WRITE_BATCH_STATE', 'COMPLETED']);
      expect(text(peer.getState('srv', 's2'))).toBe('two');
    } finally {
      await peer.stop();
      await server.close();
    }
  });
});

describe('a bad autoWriteBatch option', () => {
  it('is refused before anything is dialled or bound, naming the value', async () => {
    const raw = await RawPeer.start();
    try {
      const options = { peerAddress: raw.address, chaincodeIdName: 'cc', autoWriteBatch: 'true' as unknown as boolean };
      await expect(startChaincode(table, options)).rejects.toMatchObject({
        code: 'CC_SHIM_INVALID_OPTIONS',
        message: 'autoWriteBatch must be true or false, got "true"',
      });
      await expect(
        serveChaincode(table, { address: '127.0.0.1:0', ccid: 'cc:1', autoWriteBatch: 1 as unknown as boolean }),
      ).rejects.toMatchObject({
        code: 'CC_SHIM_INVALID_OPTIONS',
        message: 'autoWriteBatch must be true or false, got number',
      });
      expect(raw.received).toEqual([]);
    } finally {
      await raw.stop();
    }
  });
});
