import { createHash } from 'node:crypto';
import { DevPeer } from '@chaincode/dev-peer';
import { KeyEndorsementPolicy } from '@chaincode/shim';
import { MessageType, protos } from '@chaincode/shim/internal';
import { RawChaincode, dec, enc, type RawTx } from './support/raw-chaincode';
import { quietLogs } from './support/quiet-logs';

quietLogs();

type Script = (tx: RawTx) => Promise<void>;

describe('dev peer: request types with Fabric semantics', () => {
  let peer: DevPeer;
  let cc: RawChaincode;
  const scripts = new Map<string, Script>();

  beforeAll(async () => {
    peer = await DevPeer.start({ pageSize: 3 });
    cc = (await RawChaincode.register(peer.address, 'cc')).cc;
    cc.serve(async (tx) => {
      const script = scripts.get(tx.args[0] ?? '');
      if (script === undefined) {
        tx.complete(500, '', `no script ${tx.args[0] ?? ''}`);
        return;
      }
      await script(tx);
    });
  });

  afterAll(async () => {
    cc.close();
    await peer.stop();
  });

  /** Run `script` as one transaction. */
  function run(script: Script, submit = true, args: string[] = []): ReturnType<DevPeer['submit']> {
    const name = `s${String(scripts.size)}`;
    scripts.set(name, script);
    return submit ? peer.submit('cc', [name, ...args]) : peer.evaluate('cc', [name, ...args]);
  }

  async function put(pairs: Record<string, string>, collection = ''): Promise<void> {
    const r = await run(async (tx) => {
      for (const [k, v] of Object.entries(pairs)) await tx.ok(MessageType.PUT_STATE, enc.putState(k, v, collection));
      tx.complete(200);
    });
    expect(r.committed).toBe(true);
  }

  it('a transaction never sees its own writes; commit applies them with a version', async () => {
    const r = await run(async (tx) => {
      await tx.ok(MessageType.PUT_STATE, enc.putState('own', 'v1'));
      const read = await tx.ok(MessageType.GET_STATE, enc.getState('own'));
      tx.complete(200, read);
    });
    expect(r.status).toBe(200);
    expect(r.payload).toHaveLength(0);
    expect(r.committed).toBe(true);
    expect(r.rwset.reads).toEqual([{ namespace: 'cc', key: 'own', version: null }]);
    expect(r.rwset.writes).toEqual([{ namespace: 'cc', key: 'own', isDelete: false, value: Buffer.from('v1') }]);
    expect(dec.text(peer.getState('cc', 'own') ?? new Uint8Array())).toBe('v1');

    const second = await run(async (tx) => {
      tx.complete(200, await tx.ok(MessageType.GET_STATE, enc.getState('own')));
    });
    expect(dec.text(second.payload)).toBe('v1');
    const version = second.rwset.reads[0]?.version;
    expect(version).toEqual({ blockNum: expect.any(Number) as number, txNum: 0 });
  });

  it('evaluate and status >= 400 never commit; the event is kept only below 400', async () => {
    const ev = await run(async (tx) => {
      await tx.ok(MessageType.PUT_STATE, enc.putState('eval', 'x'));
      tx.complete(200, 'p', '', { name: 'E', payload: Buffer.from('ep') });
    }, false);
    expect(ev.committed).toBe(false);
    expect(ev.event).toEqual({ name: 'E', payload: Buffer.from('ep'), chaincodeId: 'cc', txId: ev.txId });
    expect(peer.getState('cc', 'eval')).toBeUndefined();

    const bad = await run(async (tx) => {
      await tx.ok(MessageType.PUT_STATE, enc.putState('bad', 'x'));
      tx.complete(400, '', 'nope', { name: 'E', payload: Buffer.from('ep') });
    });
    expect(bad).toMatchObject({ status: 400, message: 'nope', committed: false });
    expect(bad.event).toBeUndefined();
    expect(peer.getState('cc', 'bad')).toBeUndefined();

    const err = await run(async (tx) => {
      await tx.ok(MessageType.PUT_STATE, enc.putState('err', 'x'));
      tx.fail('boom');
    });
    expect(err).toMatchObject({ status: 500, message: 'transaction returned with failure: boom', committed: false });
  });

  it('last write per key wins; delete and an empty value delete; empty keys are refused', async () => {
    await put({ d1: 'a', d2: 'b' });
    const r = await run(async (tx) => {
      await tx.ok(MessageType.PUT_STATE, enc.putState('w', '1'));
      await tx.ok(MessageType.PUT_STATE, enc.putState('w', '2'));
      await tx.ok(MessageType.DEL_STATE, enc.delState('d1'));
      await tx.ok(MessageType.PUT_STATE, enc.putState('d2', ''));
      const empty = await tx.call(MessageType.PUT_STATE, enc.putState('', 'x'));
      tx.complete(200, dec.text(empty.payload));
    });
    expect(dec.text(r.payload)).toContain('PUT_STATE failed: transaction ID: ' + r.txId);
    expect(dec.text(r.payload)).toContain('invalid key. Empty string is not supported as a key by couchdb');
    expect(dec.text(peer.getState('cc', 'w') ?? new Uint8Array())).toBe('2');
    expect(peer.getState('cc', 'd1')).toBeUndefined();
    expect(peer.getState('cc', 'd2')).toBeUndefined();
    expect(peer.getHistory('cc', 'd1').map((h) => h.isDelete)).toEqual([true, false]);
  });

  it('private data: writes kept apart, hash of the committed value, purge removes value and hash', async () => {
    await put({ secret: 's1' }, 'col');
    expect(dec.text(peer.getState('cc', 'secret', { collection: 'col' }) ?? new Uint8Array())).toBe('s1');
    expect(peer.getState('cc', 'secret')).toBeUndefined();
    const r = await run(async (tx) => {
      const value = await tx.ok(MessageType.GET_STATE, enc.getState('secret', 'col'));
      const hash = await tx.ok(MessageType.GET_PRIVATE_DATA_HASH, enc.getState('secret', 'col'));
      await tx.ok(MessageType.PUT_STATE, enc.putState('secret', 's2', 'col'));
      const hashAfter = await tx.ok(MessageType.GET_PRIVATE_DATA_HASH, enc.getState('secret', 'col'));
      tx.complete(
        200,
        JSON.stringify([dec.text(value), Buffer.from(hash).toString('hex'), Buffer.from(hashAfter).toString('hex')]),
      );
    });
    const [value, hash, hashAfter] = JSON.parse(dec.text(r.payload)) as string[];
    const expected = createHash('sha256').update('s1').digest('hex');
    expect([value, hash, hashAfter]).toEqual(['s1', expected, expected]);
    expect(r.rwset.privateWrites).toEqual([
      { namespace: 'cc', collection: 'col', key: 'secret', isDelete: false, isPurge: false, value: Buffer.from('s2') },
    ]);
    expect(r.rwset.writes).toEqual([]);

    const purge = await run(async (tx) => {
      await tx.ok(
        MessageType.PURGE_PRIVATE_DATA,
        protos.PurgePrivateState.encode({ key: 'secret', collection: 'col' }).finish(),
      );
      const pub = await tx.call(MessageType.PURGE_PRIVATE_DATA, protos.PurgePrivateState.encode({ key: 'k' }).finish());
      tx.complete(200, dec.text(pub.payload));
    });
    expect(dec.text(purge.payload)).toContain('only applicable for private data');
    expect(peer.getState('cc', 'secret', { collection: 'col' })).toBeUndefined();
    const after = await run(async (tx) => {
      tx.complete(200, await tx.ok(MessageType.GET_PRIVATE_DATA_HASH, enc.getState('secret', 'col')));
    });
    expect(after.payload).toHaveLength(0);
  });

  it('private data APIs are refused in Init', async () => {
    scripts.set('init', async (tx) => {
      const reply = await tx.call(MessageType.GET_STATE, enc.getState('k', 'col'));
      tx.complete(200, `${String(tx.message.type)}:${dec.text(reply.payload)}`);
    });
    const r = await peer.submit('cc', ['init'], { init: true });
    expect(dec.text(r.payload)).toBe(
      `${String(MessageType.INIT)}:GET_STATE failed: transaction ID: ${r.txId}: private data APIs are not allowed in chaincode Init()`,
    );
  });

  it('key metadata: VALIDATION_PARAMETER for public and private keys; value writes keep it', async () => {
    await put({ m: 'v' });
    await put({ pm: 'v' }, 'col');
    // A real key-level policy (what ctx.stub.setStateValidationParameter stores): any Org1MSP member.
    const ep = new KeyEndorsementPolicy();
    ep.addOrgs('MEMBER', 'Org1MSP');
    const policy = Buffer.from(ep.getPolicy());
    const md = (key: string, collection = ''): Uint8Array =>
      protos.PutStateMetadata.encode({
        key,
        collection,
        metadata: { metakey: 'VALIDATION_PARAMETER', value: policy },
      }).finish();
    await run(async (tx) => {
      await tx.ok(MessageType.PUT_STATE_METADATA, md('m'));
      await tx.ok(MessageType.PUT_STATE_METADATA, md('pm', 'col'));
      await tx.ok(MessageType.PUT_STATE_METADATA, md('missing'));
      tx.complete(200);
    });
    expect(peer.getStateMetadata('cc', 'm')).toEqual({ VALIDATION_PARAMETER: policy });
    expect(peer.getStateMetadata('cc', 'pm', { collection: 'col' })).toEqual({ VALIDATION_PARAMETER: policy });
    expect(peer.getState('cc', 'missing')).toBeUndefined();
    await put({ m: 'v2' }); // the Org1 peer's endorsement satisfies the key's policy
    const r = await run(async (tx) => {
      tx.complete(
        200,
        await tx.ok(MessageType.GET_STATE_METADATA, protos.GetStateMetadata.encode({ key: 'm' }).finish()),
      );
    });
    const result = protos.StateMetadataResult.decode(r.payload);
    expect(result.entries.map((e) => [e.metakey, Buffer.from(e.value ?? new Uint8Array(0))])).toEqual([
      ['VALIDATION_PARAMETER', policy],
    ]);
    // Without metadata a Fabric peer stores metakey '' with an empty value (Go's nil-safe getters).
    const bare = await run(async (tx) => {
      const reply = await tx.call(
        MessageType.PUT_STATE_METADATA,
        protos.PutStateMetadata.encode({ key: 'm' }).finish(),
      );
      tx.complete(200, String(reply.type));
    });
    expect(dec.text(bare.payload)).toBe(String(MessageType.RESPONSE));
    expect(peer.getStateMetadata('cc', 'm')).toEqual({ '': Buffer.alloc(0) });
  });

  it('range queries: end exclusive, empty end open, UTF-8 byte order, pages with QUERY_STATE_NEXT', async () => {
    // '~' sorts after every other key these tests write, so the open-ended range ends with these
    await put({
      '~1': '1',
      '~2': '2',
      '~3': '3',
      '~4': '4',
      '~5': '5',
      '~6': '6',
      '~7': '7',
      '~\uffff': 'bmp',
      '~\u{10000}': 'astral',
    });
    const r = await run(async (tx) => {
      const keys: string[] = [];
      const first = dec.queryResponse(await tx.ok(MessageType.GET_STATE_BY_RANGE, enc.range('~1', '')));
      let page = first;
      const pages = [page.results.length];
      for (const res of page.results) keys.push(dec.kv(res).key);
      while (page.hasMore) {
        page = dec.queryResponse(await tx.ok(MessageType.QUERY_STATE_NEXT, enc.next(first.id)));
        pages.push(page.results.length);
        for (const res of page.results) keys.push(dec.kv(res).key);
      }
      const unknown = await tx.call(MessageType.QUERY_STATE_NEXT, enc.next(first.id));
      const bounded = dec.queryResponse(await tx.ok(MessageType.GET_STATE_BY_RANGE, enc.range('~2', '~4')));
      const kv = dec.kv(bounded.results[0]);
      tx.complete(
        200,
        JSON.stringify({
          keys,
          pages,
          unknown: dec.text(unknown.payload),
          bounded: bounded.results.map((x) => dec.kv(x).key),
          ns: kv.namespace,
        }),
      );
    });
    const out = JSON.parse(dec.text(r.payload)) as {
      keys: string[];
      pages: number[];
      unknown: string;
      bounded: string[];
      ns: string;
    };
    expect(out.keys).toEqual(['~1', '~2', '~3', '~4', '~5', '~6', '~7', '~\uffff', '~\u{10000}']);
    expect(out.pages).toEqual([3, 3, 3]);
    expect(out.unknown).toContain('query iterator not found');
    expect(out.bounded).toEqual(['~2', '~3']);
    expect(out.ns).toBe('cc');
    expect(r.rwset.rangeQueries[1]).toMatchObject({ startKey: '~2', endKey: '~4', itrExhausted: true });
    expect(r.rwset.rangeQueries[1]?.reads.map((x) => x.key)).toEqual(['~2', '~3']);
  });

  it('QUERY_STATE_CLOSE closes an iterator and answers an unknown id with an empty response, as Fabric', async () => {
    const r = await run(async (tx) => {
      const first = dec.queryResponse(await tx.ok(MessageType.GET_STATE_BY_RANGE, enc.range('~1', '')));
      const closed = dec.queryResponse(await tx.ok(MessageType.QUERY_STATE_CLOSE, enc.close(first.id)));
      const next = await tx.call(MessageType.QUERY_STATE_NEXT, enc.next(first.id));
      const unknown = dec.queryResponse(await tx.ok(MessageType.QUERY_STATE_CLOSE, enc.close('nope')));
      tx.complete(200, JSON.stringify([first.hasMore, closed.id === first.id, closed.hasMore, next.type, unknown.id]));
    });
    expect(JSON.parse(dec.text(r.payload))).toEqual([true, true, false, MessageType.ERROR, 'nope']);
  });

  it('partial composite key queries arrive as ranges [prefix, prefix + U+10FFFF)', async () => {
    const ck = (...parts: string[]): string => `\u0000${parts.map((p) => p + '\u0000').join('')}`;
    await put({
      [ck('color', 'blue', '1')]: 'b1',
      [ck('color', 'red', '1')]: 'r1',
      [ck('color', 'red', '2')]: 'r2',
      [ck('colour', 'x')]: 'x',
    });
    const r = await run(async (tx) => {
      const prefix = ck('color', 'red');
      const page = dec.queryResponse(
        await tx.ok(MessageType.GET_STATE_BY_RANGE, enc.range(prefix, prefix + '\u{10ffff}')),
      );
      tx.complete(200, JSON.stringify(page.results.map((x) => dec.text(dec.kv(x).value))));
    });
    expect(JSON.parse(dec.text(r.payload))).toEqual(['r1', 'r2']);
  });

  it('explicit pagination: pageSize results, bookmark = next key, no metadata when empty; no writes after it', async () => {
    await put({ p1: '1', p2: '2', p3: '3', p4: '4', p5: '5' });
    const r = await run(async (tx) => {
      const out: unknown[] = [];
      let bookmark = '';
      for (let i = 0; i < 4; i++) {
        const page = dec.queryResponse(
          await tx.ok(MessageType.GET_STATE_BY_RANGE, enc.range('p1', 'p9', { pageSize: 2, bookmark })),
        );
        const meta = page.metadata.length > 0 ? protos.QueryResponseMetadata.decode(page.metadata) : undefined;
        out.push({
          keys: page.results.map((x) => dec.kv(x).key),
          hasMore: page.hasMore,
          meta: meta === undefined ? null : { count: meta.fetchedRecordsCount, bookmark: meta.bookmark },
        });
        bookmark = meta?.bookmark ?? '';
        if (bookmark === '') break;
      }
      const empty = dec.queryResponse(
        await tx.ok(MessageType.GET_STATE_BY_RANGE, enc.range('x1', 'x9', { pageSize: 2 })),
      );
      const write = await tx.call(MessageType.PUT_STATE, enc.putState('after', 'x'));
      out.push({ emptyMeta: empty.metadata.length, write: dec.text(write.payload) });
      tx.complete(200, JSON.stringify(out));
    });
    expect(JSON.parse(dec.text(r.payload))).toEqual([
      { keys: ['p1', 'p2'], hasMore: false, meta: { count: 2, bookmark: 'p3' } },
      { keys: ['p3', 'p4'], hasMore: false, meta: { count: 2, bookmark: 'p5' } },
      { keys: ['p5'], hasMore: false, meta: { count: 1, bookmark: '' } },
      {
        emptyMeta: 0,
        write: expect.stringContaining(
          'Transaction has already performed a paginated query. Writes are not allowed',
        ) as string,
      },
    ]);
  });

  it('paginated and private range queries are refused after a write, as Fabric', async () => {
    const r = await run(async (tx) => {
      await tx.ok(MessageType.PUT_STATE, enc.putState('first', 'x'));
      const paged = await tx.call(MessageType.GET_STATE_BY_RANGE, enc.range('a', 'b', { pageSize: 2 }));
      const priv = await tx.call(MessageType.GET_STATE_BY_RANGE, enc.range('a', 'b', { collection: 'col' }));
      tx.complete(200, JSON.stringify([dec.text(paged.payload), dec.text(priv.payload)]));
    }, false);
    const [paged, priv] = JSON.parse(dec.text(r.payload)) as string[];
    expect(paged).toContain('Paginated queries are supported only in a read-only transaction');
    expect(priv).toContain('Queries on pvt data is supported only in a read-only transaction');
  });

  it('history per key, newest first, with txId, timestamp and deletes', async () => {
    const a = await run(async (tx) => {
      await tx.ok(MessageType.PUT_STATE, enc.putState('h', 'one'));
      tx.complete(200);
    });
    const b = await run(async (tx) => {
      await tx.ok(MessageType.DEL_STATE, enc.delState('h'));
      tx.complete(200);
    });
    const c = await run(async (tx) => {
      await tx.ok(MessageType.PUT_STATE, enc.putState('h', 'three'));
      tx.complete(200);
    });
    const r = await run(async (tx) => {
      const page = dec.queryResponse(await tx.ok(MessageType.GET_HISTORY_FOR_KEY, enc.history('h')));
      const mods = page.results.map((x) => dec.modification(x));
      tx.complete(
        200,
        JSON.stringify(mods.map((m) => [m.txId, dec.text(m.value), m.isDelete, Number(m.timestamp?.seconds ?? 0) > 0])),
      );
    });
    expect(JSON.parse(dec.text(r.payload))).toEqual([
      [c.txId, 'three', false, true],
      [b.txId, '', true, true],
      [a.txId, 'one', false, true],
    ]);
  });

  it('GET_STATE_MULTIPLE answers in key order with empty bytes for absent keys; WRITE_BATCH_STATE applies records in order', async () => {
    await put({ g1: 'one', g3: 'three' });
    const r = await run(async (tx) => {
      const res = protos.GetStateMultipleResult.decode(
        await tx.ok(
          MessageType.GET_STATE_MULTIPLE,
          protos.GetStateMultiple.encode({ keys: ['g3', 'g2', 'g1'] }).finish(),
        ),
      );
      await tx.ok(
        MessageType.WRITE_BATCH_STATE,
        protos.WriteBatchState.encode({
          rec: [
            { type: protos.WriteRecord.Type.PUT_STATE, key: 'b1', value: Buffer.from('x') },
            { type: protos.WriteRecord.Type.PUT_STATE, key: 'b1', value: Buffer.from('y') },
            { type: protos.WriteRecord.Type.DEL_STATE, key: 'g1' },
            { type: protos.WriteRecord.Type.PUT_STATE, key: 'bp', value: Buffer.from('p'), collection: 'col' },
            {
              type: protos.WriteRecord.Type.PUT_STATE_METADATA,
              key: 'g3',
              metadata: { metakey: 'VALIDATION_PARAMETER', value: Buffer.from('e') },
            },
          ],
        }).finish(),
      );
      const bad = await tx.call(
        MessageType.WRITE_BATCH_STATE,
        protos.WriteBatchState.encode({ rec: [{ type: protos.WriteRecord.Type.UNDEFINED, key: 'z' }] }).finish(),
      );
      tx.complete(200, JSON.stringify([res.values.map(dec.text), dec.text(bad.payload)]));
    });
    const [values, bad] = JSON.parse(dec.text(r.payload)) as [string[], string];
    expect(values).toEqual(['three', '', 'one']);
    expect(bad).toContain('unknown operation type');
    expect(r.rwset.reads.map((x) => x.key)).toEqual(['g3', 'g2', 'g1']);
    expect(dec.text(peer.getState('cc', 'b1') ?? new Uint8Array())).toBe('y');
    expect(peer.getState('cc', 'g1')).toBeUndefined();
    expect(dec.text(peer.getState('cc', 'bp', { collection: 'col' }) ?? new Uint8Array())).toBe('p');
    expect(peer.getStateMetadata('cc', 'g3')).toEqual({ VALIDATION_PARAMETER: Buffer.from('e') });
  });

  // Rich queries themselves are covered by test/dev-peer/rich-query*.test.ts.
  it("GET_QUERY_RESULT without a selector answers CouchDB's error, wrapped as Fabric wraps it", async () => {
    const r = await run(async (tx) => {
      const reply = await tx.call(MessageType.GET_QUERY_RESULT, protos.GetQueryResult.encode({ query: '{}' }).finish());
      tx.complete(200, `${String(reply.type)} ${dec.text(reply.payload)}`);
    });
    expect(dec.text(r.payload)).toBe(
      `${String(MessageType.ERROR)} GET_QUERY_RESULT failed: transaction ID: ${r.txId}: error handling CouchDB request. ` +
        'Error:missing_required_key,  Status Code:400,  Reason:Missing required key: selector',
    );
  });

  it('transient data, creator and a signed proposal reach the chaincode', async () => {
    scripts.set('transient', (tx) => {
      const proposal = protos.Proposal.decode(tx.message.proposal?.proposalBytes ?? new Uint8Array());
      const payload = protos.ChaincodeProposalPayload.decode(proposal.payload);
      tx.complete(200, Buffer.from(payload.TransientMap['secret'] ?? new Uint8Array()));
      return Promise.resolve();
    });
    const r = await peer.submit('cc', ['transient'], { transient: { secret: Buffer.from('shh') } });
    expect(dec.text(r.payload)).toBe('shh');
  });
});
