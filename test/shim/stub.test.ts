import { createHash } from 'node:crypto';
import type { CommonIterator, KV } from '@chaincode/contract-api';
import { InvalidArgumentError, PeerRequestError, Shim, startChaincode, type ChaincodeSession } from '@chaincode/shim';
import { MessageType, msp, protos } from '@chaincode/shim/internal';
import { FunctionTable, json, quietLogs, recordMessages, startPair, text, type Pair } from './harness';

const table = new FunctionTable();
let pair: Pair;

async function run(fn: Parameters<FunctionTable['add']>[0], params: (string | Uint8Array)[] = [], submit = true) {
  const name = table.add(fn);
  const result = submit
    ? await pair.peer.submit(pair.name, [name, ...params])
    : await pair.peer.evaluate(pair.name, [name, ...params]);
  return result;
}

/** Run and expect 200; returns the JSON result (loosely typed: each test knows its own shape). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ok(fn: Parameters<FunctionTable['add']>[0], params: (string | Uint8Array)[] = []): Promise<any> {
  const result = await run(fn, params);
  if (result.status !== 200) throw new Error(`status ${result.status}: ${result.message}`);
  return json(result.payload);
}

/** Run and expect the function to fail with a 500; returns the message. */
async function fails(fn: Parameters<FunctionTable['add']>[0]): Promise<string> {
  const result = await run(fn);
  expect(result.status).toBe(500);
  return result.message;
}

function errorOf(err: unknown): { name: string; code: string; message: string } {
  const e = err as Error & { code?: string };
  return { name: e.constructor.name, code: e.code ?? '', message: e.message };
}

async function collect(iterable: AsyncIterable<KV>): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  for await (const kv of iterable) rows.push([kv.key, text(kv.value)]);
  return rows;
}

/** The rows of an iterator through next(), then close(). */
async function rowsOf(iterator: CommonIterator<KV>): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  for (let r = await iterator.next(); !r.done; r = await iterator.next()) rows.push([r.value.key, text(r.value.value)]);
  await iterator.close();
  return rows;
}

/** The code our typed errors of this class carry. */

beforeAll(async () => {
  quietLogs();
  // No batching here: the capabilities are covered in batching.test.ts.
  pair = await startPair(table, { peer: { capabilities: false }, client: { localMspId: 'PeerOrgMSP' } });
});
afterAll(async () => {
  await pair.stop();
});

describe('arguments and transaction facts', () => {
  it('gives the args as strings, buffers and {fcn, params}', async () => {
    const binary = Uint8Array.from([0xff, 0x00, 0x41]);
    const result = await ok(
      (stub) => ({
        args: stub.getArgs(),
        strings: stub.getStringArgs(),
        buffers: stub.getBufferArgs().map((b) => [Buffer.isBuffer(b), b.toString('hex')]),
        fp: stub.getFunctionAndParameters(),
      }),
      ['a', 'ü', binary],
    );
    expect(result.args.slice(1)).toEqual(['a', 'ü', '\ufffd\u0000A']);
    expect(result.strings).toEqual(result.args);
    expect(result.buffers.slice(1)).toEqual([
      [true, '61'],
      [true, 'c3bc'],
      [true, 'ff0041'],
    ]);
    expect(result.fp).toEqual({ fcn: result.args[0], params: ['a', 'ü', '\ufffd\u0000A'] });
  });

  it('gives txid, channel, creator, timestamp, binding and the signed proposal', async () => {
    const identity = pair.peer.defaultIdentity;
    const name = table.add((stub) => {
      const proposal = stub.getSignedProposal();
      const header = proposal.proposal.header;
      const creator = stub.getCreator();
      const ts = stub.getTxTimestamp();
      const epoch = Buffer.alloc(8);
      epoch.writeBigUInt64LE(BigInt(header.channelHeader.epoch));
      const creatorBytes = msp.SerializedIdentity.encode({ mspid: creator.mspid, idBytes: creator.idBytes }).finish();
      return {
        txId: stub.getTxID(),
        channelId: stub.getChannelID(),
        mspid: creator.mspid,
        idBytes: text(creator.idBytes),
        headerTxId: header.channelHeader.txId,
        headerChannel: header.channelHeader.channelId,
        headerCreator: header.signatureHeader.creator.mspid,
        seconds: typeof ts.seconds === 'number' ? ts.seconds : ts.seconds.toNumber(),
        secondsIsLong: typeof ts.seconds === 'object',
        nanos: ts.nanos,
        date: stub.getDateTimestamp().getTime(),
        binding: stub.getBinding(),
        expectedBinding: createHash('sha256')
          .update(header.signatureHeader.nonce)
          .update(creatorBytes)
          .update(epoch)
          .digest('hex'),
        input: proposal.proposal.payload.input.length > 0,
        signature: proposal.signature.length > 0,
      };
    });
    const result = await pair.peer.submit(pair.name, [name]);
    const r = json(result.payload) as Record<string, unknown>;
    expect(r.txId).toBe(result.txId);
    expect(r.channelId).toBe('mychannel');
    expect(r.mspid).toBe(identity.mspId);
    expect(r.idBytes).toBe(identity.certificate);
    expect(r.headerTxId).toBe(result.txId);
    expect(r.headerChannel).toBe('mychannel');
    expect(r.headerCreator).toBe(identity.mspId);
    expect(r.secondsIsLong).toBe(true);
    expect(Math.abs((r.seconds as number) - Date.now() / 1000)).toBeLessThan(60);
    expect(r.date).toBe((r.seconds as number) * 1000 + Math.floor((r.nanos as number) / 1e6));
    expect(r.binding).toMatch(/^[0-9a-f]{64}$/);
    expect(r.binding).toBe(r.expectedBinding);
    expect(r.input).toBe(true);
    expect(r.signature).toBe(true);
  });

  it('gives the transient map', async () => {
    const name = table.add((stub) => Object.fromEntries([...stub.getTransient()].map(([k, v]) => [k, text(v)])));
    const result = await pair.peer.submit(pair.name, [name], {
      transient: { price: Buffer.from('42'), secret: Buffer.from('s3cr3t') },
    });
    expect(json(result.payload)).toEqual({ price: '42', secret: 's3cr3t' });
    const none = await pair.peer.submit(pair.name, [name]);
    expect(json(none.payload)).toEqual({});
  });

  it("gives the peer's MSP id, and a clear error when it is not configured", async () => {
    expect(await ok((stub) => stub.getMspID())).toBe('PeerOrgMSP');

    const other = new FunctionTable();
    const fn = other.add((stub) => stub.getMspID());
    const session: ChaincodeSession = await startChaincode(other, {
      peerAddress: pair.peer.address,
      chaincodeIdName: 'nomsp',
    });
    try {
      await session.ready;
      await pair.peer.waitForChaincode('nomsp');
      const result = await pair.peer.evaluate('nomsp', [fn]);
      expect(result.status).toBe(500);
      expect(result.message).toContain('CORE_PEER_LOCALMSPID');
    } finally {
      await session.close();
    }
  });
});

describe('world state', () => {
  it('puts, gets and deletes; a transaction does not see its own writes', async () => {
    const seen = await ok(async (stub) => {
      await stub.putState('k1', 'v1');
      await stub.putState('k2', Uint8Array.from([1, 2, 3]));
      return text(await stub.getState('k1'));
    });
    expect(seen).toBe('');
    expect(text(pair.peer.getState(pair.name, 'k1'))).toBe('v1');
    expect(Buffer.from(pair.peer.getState(pair.name, 'k2') ?? []).toString('hex')).toBe('010203');

    const read = await ok(async (stub) => {
      const v = await stub.getState('k1');
      const missing = await stub.getState('never-written');
      await stub.deleteState('k1');
      return { v: text(v), missing: missing.length, isBuffer: Buffer.isBuffer(missing) };
    });
    expect(read).toEqual({ v: 'v1', missing: 0, isBuffer: true });
    expect(pair.peer.getState(pair.name, 'k1')).toBeUndefined();
  });

  it("sends an empty key to the peer, as fabric-shim does, and rejects with the peer's text", async () => {
    const result = await ok(async (stub) => {
      const errors = [];
      for (const attempt of [() => stub.putState('', 'x'), () => stub.deleteState('')]) {
        try {
          await attempt();
          errors.push(null);
        } catch (err) {
          errors.push(errorOf(err));
        }
      }
      return errors;
    });
    expect(result).toHaveLength(2);
    for (const e of result) {
      expect(e).toMatchObject({ name: 'PeerRequestError', code: 'CC_SHIM_PEER_ERROR' });
      expect(e.message).toMatch(/^(PUT|DEL)_STATE failed: transaction ID: [0-9a-f]+: /);
    }
  });

  it('refuses a key or value of the wrong type with InvalidArgumentError, before sending anything', async () => {
    const recorder = recordMessages(pair);
    const fn = table.add(async (stub) => {
      const errors = [];
      for (const attempt of [
        () => stub.putState(5 as unknown as string, 'x'),
        () => stub.putState('k', 5 as unknown as string),
        () => stub.putState('k', undefined as unknown as string),
        () => stub.deleteState({} as unknown as string),
        () => stub.getState(Buffer.from('k') as unknown as string),
        () => stub.setStateValidationParameter('k', 7 as unknown as Uint8Array),
      ]) {
        try {
          await attempt();
          errors.push(null);
        } catch (err) {
          errors.push(errorOf(err));
        }
      }
      return errors;
    });
    const result = await pair.peer.submit(pair.name, [fn]);
    recorder.stop();
    const errors = json(result.payload) as ReturnType<typeof errorOf>[];
    expect(errors.map((e) => e.message)).toEqual([
      'key must be a string, got number 5',
      'value must be a Uint8Array, a Buffer or a string, got number 5',
      'value must be a Uint8Array, a Buffer or a string, got undefined',
      'key must be a string, got a object',
      'key must be a string, got a Buffer',
      'ep must be a Uint8Array, a Buffer or a string, got number 7',
    ]);
    for (const e of errors) expect(e).toMatchObject({ name: 'InvalidArgumentError', code: 'CC_SHIM_INVALID_ARGUMENT' });
    expect(recorder.messages.filter((m) => m.txid === result.txId).map((m) => m.type)).toEqual([MessageType.COMPLETED]);
  });

  it('sets and gets key-level validation parameters (VALIDATION_PARAMETER)', async () => {
    await ok(async (stub) => {
      await stub.putState('vp', 'x');
      await stub.setStateValidationParameter('vp', Buffer.from('policy-bytes'));
    });
    expect(text(pair.peer.getStateMetadata(pair.name, 'vp').VALIDATION_PARAMETER)).toBe('policy-bytes');
    const got = await ok(async (stub) => ({
      set: text(await stub.getStateValidationParameter('vp')),
      unset: ((await stub.getStateValidationParameter('nothing')) as Uint8Array | undefined) === undefined,
    }));
    expect(got).toEqual({ set: 'policy-bytes', unset: true });
  });

  describe('range queries', () => {
    beforeAll(async () => {
      await ok(async (stub) => {
        for (const k of ['r1', 'r2', 'r3', 'r4', 'r5']) await stub.putState(k, `val-${k}`);
      });
    });

    it('iterates with for await (end exclusive), with next(), and an empty start key', async () => {
      const rows = await ok(async (stub) => {
        const viaFor = await collect(stub.getStateByRange('r2', 'r4'));
        const iterator = await stub.getStateByRange('r4', '');
        const viaNext = await rowsOf(iterator);
        const fromStart = await collect(stub.getStateByRange('', 'r2'));
        return { viaFor, viaNext, fromStart };
      });
      expect(rows.viaFor).toEqual([
        ['r2', 'val-r2'],
        ['r3', 'val-r3'],
      ]);
      // An empty end key leaves the range open: everything from r4 on, in key order.
      expect(rows.viaNext.slice(0, 2)).toEqual([
        ['r4', 'val-r4'],
        ['r5', 'val-r5'],
      ]);
      const keys = rows.viaNext.map(([k]: string[]) => k);
      expect(keys).toEqual([...keys].sort());
      expect(keys.every((k: string) => k >= 'r4')).toBe(true);
      const fromStart = (rows.fromStart as string[][]).map(([k]) => k);
      expect(fromStart).toContain('r1');
      expect(fromStart).not.toContain('r2');
    });

    it('closes the iterator when a for await loop breaks, and when it throws', async () => {
      const result = await ok(async (stub) => {
        const seen: string[] = [];
        for await (const kv of stub.getStateByRange('r1', 'r9')) {
          seen.push(kv.key);
          if (seen.length === 2) break;
        }
        let thrown = '';
        try {
          for await (const kv of stub.getStateByRange('r1', 'r9')) {
            throw new Error(`stop at ${kv.key}`);
          }
        } catch (err) {
          thrown = (err as Error).message;
        }
        // The stream is still usable afterwards: nothing left pending on this transaction.
        const after = text(await stub.getState('r1'));
        return { seen, thrown, after };
      });
      expect(result).toEqual({ seen: ['r1', 'r2'], thrown: 'stop at r1', after: 'val-r1' });
    });

    it('fetches further pages with QUERY_STATE_NEXT beyond the page size', async () => {
      const many = await ok(async (stub) => {
        for (let i = 0; i < 250; i++) await stub.putState(`page${String(i).padStart(3, '0')}`, String(i));
      });
      expect(many).toBeNull();
      const count = await ok(async (stub) => (await collect(stub.getStateByRange('page', 'page~'))).length);
      expect(count).toBe(250);
    });

    it('sends QUERY_STATE_CLOSE only while the peer still holds the query (not after its last page)', async () => {
      await ok(async (stub) => {
        for (let i = 0; i < 150; i++) await stub.putState(`qc${String(i).padStart(3, '0')}`, String(i));
      });
      const typesOf = async (fn: Parameters<FunctionTable['add']>[0]): Promise<string[]> => {
        const recorder = recordMessages(pair);
        const result = await run(fn);
        recorder.stop();
        expect(result.status).toBe(200);
        return recorder.messages
          .filter((m) => m.txid === result.txId && m.type !== MessageType.COMPLETED)
          .map((m) => (MessageType[m.type] as string | undefined) ?? String(m.type));
      };
      // One page, read to the end: the peer released the query with it, so one request in all.
      expect(await typesOf(async (stub) => (await collect(stub.getStateByRange('r1', 'r6'))).length)).toEqual([
        'GET_STATE_BY_RANGE',
      ]);
      // One page, left early or closed explicitly: still nothing to release.
      expect(
        await typesOf(async (stub) => {
          for await (const _ of stub.getStateByRange('r1', 'r6')) break;
          const iterator = await stub.getStateByRange('r1', 'r6');
          await iterator.next();
          await iterator.close();
          await iterator.close();
        }),
      ).toEqual(['GET_STATE_BY_RANGE', 'GET_STATE_BY_RANGE']);
      // Several pages (100 rows each), left during the first: the peer holds the rest, so close.
      expect(
        await typesOf(async (stub) => {
          for await (const _ of stub.getStateByRange('qc', 'qc~')) break;
        }),
      ).toEqual(['GET_STATE_BY_RANGE', 'QUERY_STATE_CLOSE']);
      // Several pages read to the end: the last page released it.
      expect(await typesOf(async (stub) => (await collect(stub.getStateByRange('qc', 'qc~'))).length)).toEqual([
        'GET_STATE_BY_RANGE',
        'QUERY_STATE_NEXT',
      ]);
      // A page of a paginated query is always the last the peer sends for it.
      expect(
        await typesOf(async (stub) => {
          const { iterator } = await stub.getStateByRangeWithPagination('qc', 'qc~', 5);
          await iterator.next();
          await iterator.close();
        }),
      ).toEqual(['GET_STATE_BY_RANGE']);
    });

    it('paginates with bookmarks and gives {fetchedRecordsCount, bookmark}', async () => {
      const pages = await ok(async (stub) => {
        const first = await stub.getStateByRangeWithPagination('r1', 'r6', 2);
        const firstKeys = await rowsOf(first.iterator);
        const second = await stub.getStateByRangeWithPagination('r1', 'r6', 2, first.metadata.bookmark);
        const secondKeys = await rowsOf(second.iterator);
        const viaFor = await collect(stub.getStateByRangeWithPagination('r1', 'r6', 3));
        const empty = await stub.getStateByRangeWithPagination('zz1', 'zz9', 5);
        return {
          first: [firstKeys.map(([k]) => k), first.metadata],
          second: [secondKeys.map(([k]) => k), second.metadata.fetchedRecordsCount],
          viaFor: viaFor.map(([k]) => k),
          empty: empty.metadata,
        };
      });
      expect(pages.first[0]).toEqual(['r1', 'r2']);
      expect(pages.first[1]).toEqual({ bookmark: 'r3', fetchedRecordsCount: 2 });
      expect(Object.keys(pages.first[1])).toEqual(['bookmark', 'fetchedRecordsCount']);
      expect(pages.second).toEqual([['r3', 'r4'], 2]);
      expect(pages.viaFor).toEqual(['r1', 'r2', 'r3']);
      // The peer sends no metadata for an empty page; as with fabric-shim, there is none.
      expect(pages.empty).toBeUndefined();
    });

    it('refuses range keys in the composite-key namespace with a clear error', async () => {
      const result = await ok(async (stub) => {
        const out = [];
        for (const [s, e] of [
          ['\u0000a', 'b'],
          ['a', '\u0000b'],
        ]) {
          try {
            await stub.getStateByRange(s!, e!);
            out.push(null);
          } catch (err) {
            out.push(errorOf(err));
          }
        }
        try {
          for await (const _ of stub.getStateByRange('\u0000x', '')) out.push('row');
        } catch (err) {
          out.push(errorOf(err));
        }
        try {
          // a page size that is not an int32 throws at once, as in fabric-shim
          void stub.getStateByRangeWithPagination('a', 'b', 1.5);
        } catch (err) {
          out.push(errorOf(err));
        }
        return out;
      });
      expect(result).toHaveLength(4);
      for (const e of result.slice(0, 3)) {
        expect(e).toMatchObject({
          name: 'InvalidArgumentError',
          message: expect.stringContaining('first character of the key [\u0000'),
        });
      }
      expect(result[3]).toMatchObject({ name: 'InvalidArgumentError', message: expect.stringContaining('pageSize') });
    });
  });

  it('creates, splits and queries composite keys (with pagination)', async () => {
    await ok(async (stub) => {
      for (const [color, id] of [
        ['blue', '1'],
        ['blue', '2'],
        ['red', '3'],
      ]) {
        await stub.putState(stub.createCompositeKey('color~id', [color!, id!]), `${color!}-${id!}`);
      }
      await stub.putState('colorless', 'x');
    });
    const result = await ok(async (stub) => {
      const blue = [];
      for await (const kv of stub.getStateByPartialCompositeKey('color~id', ['blue'])) {
        blue.push(stub.splitCompositeKey(kv.key));
      }
      const all = (await collect(stub.getStateByPartialCompositeKey('color~id', []))).map(([, v]) => v);
      const page = await stub.getStateByPartialCompositeKeyWithPagination('color~id', [], 2);
      const pageRows = (await rowsOf(page.iterator)).map(([, v]) => v);
      return { blue, all, pageRows, count: page.metadata.fetchedRecordsCount };
    });
    expect(result.blue).toEqual([
      { objectType: 'color~id', attributes: ['blue', '1'] },
      { objectType: 'color~id', attributes: ['blue', '2'] },
    ]);
    expect(result.all).toEqual(['blue-1', 'blue-2', 'red-3']);
    expect(result.pageRows).toEqual(['blue-1', 'blue-2']);
    expect(result.count).toBe(2);
  });

  it('surfaces a peer ERROR as PeerRequestError (rich query on a peer without CouchDB-style queries)', async () => {
    const result = await ok(async (stub) => {
      try {
        const rows = await collect(stub.getQueryResult('{"selector":{}}'));
        return { rows: rows.length };
      } catch (err) {
        return errorOf(err);
      }
    });
    if ('rows' in result) {
      expect(typeof result.rows).toBe('number');
    } else {
      expect(result).toMatchObject({ name: 'PeerRequestError', code: 'CC_SHIM_PEER_ERROR' });
      expect(result.message.length).toBeGreaterThan(0);
    }
    expect(PeerRequestError.name).toBe('PeerRequestError');
  });

  it('sends QueryMetadata{pageSize, bookmark} with the paginated rich query', async () => {
    const recorder = recordMessages(pair);
    const outcome = await ok(async (stub) => {
      try {
        const { iterator, metadata } = await stub.getQueryResultWithPagination('{"selector":{}}', 7, 'mark');
        await iterator.close();
        return { metadata };
      } catch (err) {
        return errorOf(err);
      }
    });
    recorder.stop();
    const request = recorder.messages.find((m) => m.type === MessageType.GET_QUERY_RESULT);
    const decoded = protos.GetQueryResult.decode(request!.payload);
    expect(decoded.query).toBe('{"selector":{}}');
    expect(decoded.collection).toBe('');
    const metadata = protos.QueryMetadata.decode(decoded.metadata);
    expect([metadata.pageSize, metadata.bookmark]).toEqual([7, 'mark']);
    if ('metadata' in outcome)
      expect(outcome.metadata).toEqual(expect.objectContaining({ bookmark: expect.any(String) }));
    else expect(outcome).toMatchObject({ name: 'PeerRequestError' });
  });

  it('gives the history of a key: txId, value, isDelete, timestamp', async () => {
    const first = await run(async (stub) => stub.putState('h', 'one'));
    const second = await run(async (stub) => stub.putState('h', 'two'));
    const third = await run(async (stub) => stub.deleteState('h'));
    const history = await ok(async (stub) => {
      const out = [];
      for await (const m of stub.getHistoryForKey('h')) {
        const seconds = typeof m.timestamp.seconds === 'number' ? m.timestamp.seconds : m.timestamp.seconds.toNumber();
        out.push({ txId: m.txId, value: text(m.value), isDelete: m.isDelete, seconds });
      }
      return out;
    });
    expect(history.map((h: { txId: string }) => h.txId)).toEqual([third.txId, second.txId, first.txId]);
    expect(history.map((h: { value: string; isDelete: boolean }) => [h.value, h.isDelete])).toEqual([
      ['', true],
      ['two', false],
      ['one', false],
    ]);
    for (const h of history) expect(h.seconds).toBeGreaterThan(1_600_000_000);
  });
});

describe('events, chaincode-to-chaincode, batching markers', () => {
  it('sets the event (last call wins, strings as UTF-8) and refuses an empty name', async () => {
    const result = await run((stub) => {
      stub.setEvent('first', 'ignored');
      stub.setEvent('Transfer', 'héllo');
      let refused = '';
      try {
        stub.setEvent('', 'x');
      } catch (err) {
        refused = errorOf(err).name;
      }
      return refused;
    });
    expect(result.status).toBe(200);
    expect(json(result.payload)).toBe('InvalidArgumentError');
    expect(result.event?.name).toBe('Transfer');
    expect(text(result.event?.payload)).toBe('héllo');
  });

  it('invokes another chaincode and gets {status, message, payload}; an unknown one throws', async () => {
    const callee = new FunctionTable();
    const echo = callee.add(async (stub, params) => {
      await stub.putState('called', params.join(','));
      return { from: 'callee', params };
    });
    const failing = callee.add(() => {
      throw new Error('callee says no');
    });
    const session = await startChaincode(callee, { peerAddress: pair.peer.address, chaincodeIdName: 'callee' });
    try {
      await session.ready;
      await pair.peer.waitForChaincode('callee');
      const result = await ok(async (stub) => {
        const r = await stub.invokeChaincode('callee', [echo, 'a', Buffer.from('b')], 'mychannel');
        const bad = await stub.invokeChaincode('callee', [failing]);
        let missing: unknown;
        try {
          await stub.invokeChaincode('nobody', ['x']);
        } catch (err) {
          missing = errorOf(err);
        }
        return {
          status: r.status,
          message: r.message,
          payload: json(r.payload ?? new Uint8Array(0)),
          bad: [bad.status, bad.message],
          missing,
        };
      });
      expect(result.status).toBe(200);
      expect(result.message).toBe('');
      expect(result.payload).toEqual({ from: 'callee', params: ['a', 'b'] });
      expect(result.bad).toEqual([500, 'callee says no']);
      expect(result.missing).toMatchObject({ name: 'PeerRequestError' });
      expect(text(pair.peer.getState('callee', 'called'))).toBe('a,b');
    } finally {
      await session.close();
    }
  });

  it('reads many keys with getMultipleStates (one GET_STATE per key without the capability)', async () => {
    await ok(async (stub) => {
      await stub.putState('m1', 'one');
      await stub.putState('m3', 'three');
    });
    const values = await ok(async (stub) => {
      stub.startWriteBatch();
      await stub.putState('m4', 'four');
      await stub.finishWriteBatch();
      return {
        values: (await stub.getMultipleStates('m1', 'm2', 'm3')).map(text),
        none: await stub.getMultipleStates(),
      };
    });
    expect(values).toEqual({ values: ['one', '', 'three'], none: [] });
    expect(text(pair.peer.getState(pair.name, 'm4'))).toBe('four');
  });
});

describe('private data', () => {
  it('puts, gets, hashes, deletes and purges private data', async () => {
    await ok(async (stub) => {
      await stub.putPrivateData('col1', 'p1', 'secret-1');
      await stub.putPrivateData('col1', 'p2', Buffer.from('secret-2'));
      await stub.putPrivateData('col1', 'p3', 'secret-3');
    });
    expect(text(pair.peer.getState(pair.name, 'p1', { collection: 'col1' }))).toBe('secret-1');
    const read = await ok(async (stub) => ({
      p1: text(await stub.getPrivateData('col1', 'p1')),
      missing: (await stub.getPrivateData('col1', 'nope')).length,
      hash: Buffer.from(await stub.getPrivateDataHash('col1', 'p1')).toString('hex'),
      multi: (await stub.getMultiplePrivateData('col1', 'p1', 'nope', 'p2')).map(text),
      range: (await collect(stub.getPrivateDataByRange('col1', 'p1', 'p3'))).map(([k]) => k),
    }));
    expect(read.p1).toBe('secret-1');
    expect(read.missing).toBe(0);
    expect(read.hash).toBe(createHash('sha256').update('secret-1').digest('hex'));
    expect(read.multi).toEqual(['secret-1', '', 'secret-2']);
    expect(read.range).toEqual(['p1', 'p2']);

    await ok(async (stub) => {
      await stub.deletePrivateData('col1', 'p1');
      await stub.purgePrivateData('col1', 'p2');
    });
    expect(pair.peer.getState(pair.name, 'p1', { collection: 'col1' })).toBeUndefined();
    expect(pair.peer.getState(pair.name, 'p2', { collection: 'col1' })).toBeUndefined();
    expect(text(pair.peer.getState(pair.name, 'p3', { collection: 'col1' }))).toBe('secret-3');
  });

  it('queries private data by partial composite key and validation parameters', async () => {
    await ok(async (stub) => {
      await stub.putPrivateData('col2', stub.createCompositeKey('owner', ['alice', '1']), 'a1');
      await stub.putPrivateData('col2', stub.createCompositeKey('owner', ['bob', '2']), 'b2');
      await stub.putPrivateData('col2', 'vp', 'x');
      await stub.setPrivateDataValidationParameter('col2', 'vp', Buffer.from('pdc-policy'));
    });
    const result = await ok(async (stub) => {
      let query: unknown;
      try {
        query = (await collect(stub.getPrivateDataQueryResult('col2', '{"selector":{}}'))).length;
      } catch (err) {
        query = errorOf(err).name;
      }
      return {
        alice: (await collect(stub.getPrivateDataByPartialCompositeKey('col2', 'owner', ['alice']))).map(([, v]) => v),
        vp: text(await stub.getPrivateDataValidationParameter('col2', 'vp')),
        query,
      };
    });
    expect(result.alice).toEqual(['a1']);
    expect(result.vp).toBe('pdc-policy');
    expect(['PeerRequestError', 3]).toContain(result.query);
  });

  it("refuses an empty collection name on every private data call, with fabric-shim's text", async () => {
    const names = await ok(async (stub) => {
      const attempts: (() => unknown)[] = [
        () => stub.getPrivateData('', 'k'),
        () => stub.getPrivateDataHash('', 'k'),
        () => stub.putPrivateData('', 'k', 'v'),
        () => stub.deletePrivateData('', 'k'),
        () => stub.purgePrivateData('', 'k'),
        () => stub.setPrivateDataValidationParameter('', 'k', Buffer.from('p')),
        () => stub.getPrivateDataValidationParameter('', 'k'),
        () => stub.getPrivateDataByRange('', 'a', 'b'),
        () => stub.getPrivateDataByPartialCompositeKey('', 't', []),
        () => stub.getPrivateDataQueryResult('', '{}'),
        () => stub.getMultiplePrivateData('', 'k'),
      ];
      const out = [];
      for (const attempt of attempts) {
        try {
          await attempt();
          out.push('resolved');
        } catch (err) {
          out.push(`${errorOf(err).name}: ${errorOf(err).message}`);
        }
      }
      return out;
    });
    expect(names).toHaveLength(11);
    for (const n of names) expect(n).toBe('InvalidArgumentError: collection must be a valid string');
  });
});

describe('the answer to the peer', () => {
  it('answers 500 for a throwing, rejecting or status-less Invoke, with fabric-shim wording', async () => {
    expect(
      await fails(() => {
        throw new Error('sync boom');
      }),
    ).toBe('sync boom');
    expect(await fails(() => Promise.reject(new InvalidArgumentError('async boom')))).toBe('async boom');

    const name = table.add(() => null);
    table.functions.set(name, () => null);
    const noStatus = new FunctionTable();
    const session = await startChaincode(
      { Init: () => Shim.success(), Invoke: () => undefined as never },
      { peerAddress: pair.peer.address, chaincodeIdName: 'nostatus' },
    );
    try {
      await session.ready;
      await pair.peer.waitForChaincode('nostatus');
      const result = await pair.peer.evaluate('nostatus', ['x']);
      expect(result.status).toBe(500);
      expect(result.message).toMatch(
        /^\[mychannel-[0-9a-f]{8}\] Calling chaincode Invoke\(\) has not called success or error\.$/,
      );
      const init = await pair.peer.evaluate('nostatus', ['x'], { init: true });
      expect(init.status).toBe(200);
    } finally {
      await session.close();
    }
    expect(noStatus.functions.size).toBe(0);
  });

  it('passes a chosen status, message and payload through', async () => {
    const session = await startChaincode(
      {
        Init: () => Shim.success(),
        Invoke: (stub) => {
          const [kind] = stub.getStringArgs();
          if (kind === 'client-error') return { status: 404, message: 'not found', payload: Buffer.from('p') };
          if (kind === 'string-payload') return { status: 200, message: 'm', payload: 'as text' as never };
          return Shim.error('plain error');
        },
      },
      { peerAddress: pair.peer.address, chaincodeIdName: 'statuses' },
    );
    try {
      await session.ready;
      await pair.peer.waitForChaincode('statuses');
      const notFound = await pair.peer.evaluate('statuses', ['client-error']);
      expect([notFound.status, notFound.message, text(notFound.payload)]).toEqual([404, 'not found', 'p']);
      const str = await pair.peer.evaluate('statuses', ['string-payload']);
      expect([str.status, str.message, text(str.payload)]).toEqual([200, 'm', 'as text']);
      const err = await pair.peer.evaluate('statuses', ['other']);
      expect([err.status, err.message, err.payload.length]).toEqual([500, 'plain error', 0]);
    } finally {
      await session.close();
    }
  });
});
