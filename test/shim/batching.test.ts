import { Shim, startChaincode } from '@chaincode/shim';
import { MessageType, protos, type ChaincodeMessage } from '@chaincode/shim/internal';
import { FunctionTable, json, quietLogs, recordMessages, startPair, text, type Pair } from './harness';
import { RawPeer } from './raw-peer';

const table = new FunctionTable();
const RecordType = protos.WriteRecord.Type;

function batches(messages: ChaincodeMessage[], txId: string): protos.WriteRecord.$Properties[][] {
  return messages
    .filter((m) => m.txid === txId && m.type === MessageType.WRITE_BATCH_STATE)
    .map((m) => protos.WriteBatchState.decode(m.payload).rec);
}

function typesOf(messages: ChaincodeMessage[], txId: string): MessageType[] {
  return messages.filter((m) => m.txid === txId).map((m) => m.type);
}

beforeAll(() => {
  quietLogs();
});

describe('when the peer advertises WRITE_BATCH_STATE and GET_STATE_MULTIPLE', () => {
  let pair: Pair;
  beforeAll(async () => {
    // 10 and 20 are below Fabric's floor: the shim uses 100 for both.
    pair = await startPair(table, {
      peer: {
        capabilities: {
          useWriteBatch: true,
          maxSizeWriteBatch: 10,
          useGetMultipleKeys: true,
          maxSizeGetMultipleKeys: 20,
        },
      },
    });
  });
  afterAll(async () => {
    await pair.stop();
  });

  it('sends every kind of write in one WRITE_BATCH_STATE, in call order, before COMPLETED', async () => {
    await pair.peer.submit(pair.name, [table.add(async (stub) => stub.putState('gone', 'soon'))]);
    const recorder = recordMessages(pair);
    const fn = table.add(async (stub) => {
      await stub.putState('b1', 'one');
      await stub.putState('b2', Buffer.from('two'));
      await stub.deleteState('gone');
      await stub.setStateValidationParameter('b1', Buffer.from('ep'));
      await stub.putPrivateData('col', 'p1', 'secret');
      await stub.deletePrivateData('col', 'p0');
      await stub.purgePrivateData('col', 'p9');
      await stub.putState('b1', 'one-again');
    });
    const result = await pair.peer.submit(pair.name, [fn]);
    expect(result.status).toBe(200);
    recorder.stop();
    expect(typesOf(recorder.messages, result.txId)).toEqual([MessageType.WRITE_BATCH_STATE, MessageType.COMPLETED]);
    const [batch] = batches(recorder.messages, result.txId);
    expect(batch!.map((r) => [r.type, r.collection, r.key, text(r.value)])).toEqual([
      [RecordType.PUT_STATE, '', 'b1', 'one'],
      [RecordType.PUT_STATE, '', 'b2', 'two'],
      [RecordType.DEL_STATE, '', 'gone', ''],
      [RecordType.PUT_STATE_METADATA, '', 'b1', ''],
      [RecordType.PUT_STATE, 'col', 'p1', 'secret'],
      [RecordType.DEL_STATE, 'col', 'p0', ''],
      [RecordType.PURGE_PRIVATE_DATA, 'col', 'p9', ''],
      [RecordType.PUT_STATE, '', 'b1', 'one-again'],
    ]);
    expect(batch![3]!.metadata).toMatchObject({ metakey: 'VALIDATION_PARAMETER' });
    expect(text(batch![3]!.metadata!.value)).toBe('ep');
    expect(text(pair.peer.getState(pair.name, 'b1'))).toBe('one-again');
    expect(text(pair.peer.getState(pair.name, 'b2'))).toBe('two');
    expect(pair.peer.getState(pair.name, 'gone')).toBeUndefined();
    expect(text(pair.peer.getState(pair.name, 'p1', { collection: 'col' }))).toBe('secret');
    expect(text(pair.peer.getStateMetadata(pair.name, 'b1').VALIDATION_PARAMETER)).toBe('ep');
  });

  it('chunks a large batch by the advertised size (raised to 100) and keeps the order', async () => {
    const recorder = recordMessages(pair);
    const fn = table.add(async (stub) => {
      for (let i = 0; i < 250; i++) await stub.putState(`chunk${String(i).padStart(3, '0')}`, String(i));
    });
    const result = await pair.peer.submit(pair.name, [fn]);
    recorder.stop();
    expect(result.status).toBe(200);
    const sent = batches(recorder.messages, result.txId);
    expect(sent.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(sent.flat().map((r) => text(r.value))).toEqual(Array.from({ length: 250 }, (_, i) => String(i)));
    expect(text(pair.peer.getState(pair.name, 'chunk249'))).toBe('249');
  });

  it('sends the buffered writes early at finishWriteBatch(); startWriteBatch() changes nothing', async () => {
    const recorder = recordMessages(pair);
    const fn = table.add(async (stub) => {
      stub.startWriteBatch();
      await stub.putState('early', '1');
      await stub.finishWriteBatch();
      await stub.getState('early');
      await stub.putState('late', '2');
      await stub.finishWriteBatch();
      await stub.finishWriteBatch();
    });
    const result = await pair.peer.submit(pair.name, [fn]);
    recorder.stop();
    expect(typesOf(recorder.messages, result.txId)).toEqual([
      MessageType.WRITE_BATCH_STATE,
      MessageType.GET_STATE,
      MessageType.WRITE_BATCH_STATE,
      MessageType.COMPLETED,
    ]);
    expect(text(pair.peer.getState(pair.name, 'late'))).toBe('2');
  });

  it('does not send the writes of a transaction that answers 400 or more', async () => {
    const recorder = recordMessages(pair);
    const name = table.add(async (stub) => {
      await stub.putState('never', 'x');
      throw new Error('refused');
    });
    const result = await pair.peer.submit(pair.name, [name]);
    recorder.stop();
    expect(result.status).toBe(500);
    expect(typesOf(recorder.messages, result.txId)).toEqual([MessageType.COMPLETED]);
    expect(pair.peer.getState(pair.name, 'never')).toBeUndefined();
  });

  it('reads many keys with GET_STATE_MULTIPLE in chunks, values in key order, absent keys empty', async () => {
    await pair.peer.submit(pair.name, [
      table.add(async (stub) => {
        for (let i = 0; i < 250; i += 2) await stub.putState(`multi${String(i).padStart(3, '0')}`, `v${String(i)}`);
        await stub.putPrivateData('col', 'pm1', 'private-1');
      }),
    ]);
    const recorder = recordMessages(pair);
    const fn = table.add(async (stub) => {
      const keys = Array.from({ length: 250 }, (_, i) => `multi${String(i).padStart(3, '0')}`);
      const values = (await stub.getMultipleStates(...keys)).map(text);
      const priv = (await stub.getMultiplePrivateData('col', 'pm1', 'pm2')).map(text);
      return { values, priv };
    });
    const result = await pair.peer.submit(pair.name, [fn]);
    recorder.stop();
    const body = json(result.payload) as { values: string[]; priv: string[] };
    expect(body.values).toEqual(Array.from({ length: 250 }, (_, i) => (i % 2 === 0 ? `v${String(i)}` : '')));
    expect(body.priv).toEqual(['private-1', '']);
    const requests = recorder.messages
      .filter((m) => m.txid === result.txId && m.type === MessageType.GET_STATE_MULTIPLE)
      .map((m) => protos.GetStateMultiple.decode(m.payload));
    expect(requests.map((r) => [r.keys.length, r.collection])).toEqual([
      [100, ''],
      [100, ''],
      [50, ''],
      [2, 'col'],
    ]);
    expect(typesOf(recorder.messages, result.txId)).not.toContain(MessageType.GET_STATE);
  });
});

describe('when the peer advertises nothing (Fabric 2.x)', () => {
  let pair: Pair;
  beforeAll(async () => {
    pair = await startPair(table, { peer: { capabilities: false } });
  });
  afterAll(async () => {
    await pair.stop();
  });

  it('sends each write as its own message and each multi-get key as GET_STATE', async () => {
    const recorder = recordMessages(pair);
    const fn = table.add(async (stub) => {
      stub.startWriteBatch();
      await stub.putState('a', '1');
      await stub.deleteState('b');
      await stub.setStateValidationParameter('a', Buffer.from('ep'));
      await stub.putPrivateData('col', 'p', 'x');
      await stub.purgePrivateData('col', 'q');
      await stub.finishWriteBatch();
      return (await stub.getMultipleStates('a', 'b', 'c')).length;
    });
    const result = await pair.peer.submit(pair.name, [fn]);
    recorder.stop();
    expect(result.status).toBe(200);
    expect(json(result.payload)).toBe(3);
    expect(typesOf(recorder.messages, result.txId)).toEqual([
      MessageType.PUT_STATE,
      MessageType.DEL_STATE,
      MessageType.PUT_STATE_METADATA,
      MessageType.PUT_STATE,
      MessageType.PURGE_PRIVATE_DATA,
      MessageType.GET_STATE,
      MessageType.GET_STATE,
      MessageType.GET_STATE,
      MessageType.COMPLETED,
    ]);
    expect(text(pair.peer.getState(pair.name, 'a'))).toBe('1');
  });
});

describe('a failing batch flush', () => {
  it("answers 500 with the peer's error", async () => {
    const raw = await RawPeer.start();
    const session = await startChaincode(
      {
        Init: () => Shim.success(),
        Invoke: async (stub) => {
          await stub.putState('k', 'v');
          return Shim.success(Buffer.from('would have been fine'));
        },
      },
      { peerAddress: raw.address, chaincodeIdName: 'cc' },
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
      const batch = await raw.waitForCount(2);
      expect(batch.type).toBe(MessageType.WRITE_BATCH_STATE);
      raw.send({ type: MessageType.ERROR, txid: 't', channelId: 'ch', payload: Buffer.from('batch refused by peer') });
      const completed = await raw.waitForCount(3);
      expect(completed.type).toBe(MessageType.COMPLETED);
      const response = protos.Response.decode(completed.payload);
      expect([response.status, response.message, response.payload.length]).toEqual([500, 'batch refused by peer', 0]);
    } finally {
      await session.close();
      await raw.stop();
    }
  });
});
