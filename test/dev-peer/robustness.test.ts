import * as grpc from '@grpc/grpc-js';
import { DevPeer } from '@chaincode/dev-peer';
import {
  MessageType,
  chaincodeService,
  protos,
  type ChaincodeMessage,
  type ChaincodeMessageInit,
} from '@chaincode/shim/internal';
import { RawChaincode, dec, enc } from './support/raw-chaincode';
import { quietLogs } from './support/quiet-logs';

quietLogs();

describe('dev peer: concurrency and robustness', () => {
  let peer: DevPeer;
  const clients: RawChaincode[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await peer.stop();
  });

  async function register(name: string): Promise<RawChaincode> {
    const { cc } = await RawChaincode.register(peer.address, name);
    clients.push(cc);
    return cc;
  }

  it('drops a second outstanding request of the same transaction without reply: the chaincode hangs until the timeout', async () => {
    peer = await DevPeer.start({ executeTimeoutMs: 300 });
    const cc = await register('cc');
    const outcome: string[] = [];
    cc.serve(async (tx) => {
      // Two requests at once for one txid, as a shim without a per-transaction queue would send.
      const first = tx.call(MessageType.GET_STATE, enc.getState('a'));
      const second = tx.call(MessageType.GET_STATE, enc.getState('b'));
      await first;
      outcome.push('first answered');
      await second; // never answered
      outcome.push('second answered');
      tx.complete(200);
    });
    const r = await peer.submit('cc', ['x']);
    expect(outcome).toEqual(['first answered']);
    expect(r.status).toBe(500);
    expect(r.message).toBe(
      `failed to execute transaction ${r.txId}: error sending: timeout expired while executing transaction`,
    );
    expect(r.committed).toBe(false);
    const answers = cc.received.filter((m) => m.type === MessageType.RESPONSE || m.type === MessageType.ERROR);
    expect(answers).toHaveLength(1);
  });

  it('serves many transactions in flight on one stream without cross-talk', async () => {
    peer = await DevPeer.start();
    const cc = await register('cc');
    cc.serve(async (tx) => {
      const [key = '', value = ''] = tx.args;
      await tx.ok(MessageType.PUT_STATE, enc.putState(key, value));
      await new Promise((r) => setTimeout(r, Math.random() * 5));
      const read = await tx.ok(MessageType.GET_STATE, enc.getState(key));
      tx.complete(200, `${key}:${dec.text(read)}:${value}`);
    });
    const n = 300;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => peer.submit('cc', [`k${String(i)}`, `v${String(i)}`])),
    );
    results.forEach((r, i) => {
      expect(dec.text(r.payload)).toBe(`k${String(i)}::v${String(i)}`);
      expect(r.committed).toBe(true);
    });
    expect(new Set(results.map((r) => r.txId)).size).toBe(n);
    expect(dec.text(peer.getState('cc', 'k299') ?? new Uint8Array())).toBe('v299');
  });

  it('answers malformed payloads with ERROR naming the request and the decode failure', async () => {
    peer = await DevPeer.start();
    const cc = await register('cc');
    const garbage = Buffer.from([0x0a, 0xff, 0xff, 0xff]);
    cc.serve(async (tx) => {
      const texts: string[] = [];
      for (const type of [
        MessageType.GET_STATE,
        MessageType.PUT_STATE,
        MessageType.GET_STATE_BY_RANGE,
        MessageType.INVOKE_CHAINCODE,
      ]) {
        const reply = await tx.call(type, garbage);
        texts.push(`${String(reply.type)} ${dec.text(reply.payload)}`);
      }
      tx.complete(200, JSON.stringify(texts));
    });
    const r = await peer.submit('cc', []);
    const texts = JSON.parse(dec.text(r.payload)) as string[];
    expect(texts).toHaveLength(4);
    for (const [i, name] of ['GET_STATE', 'PUT_STATE', 'GET_STATE_BY_RANGE', 'INVOKE_CHAINCODE'].entries()) {
      expect(texts[i]).toMatch(
        new RegExp(`^${String(MessageType.ERROR)} ${name} failed: transaction ID: ${r.txId}: unmarshal failed: `),
      );
    }
  });

  it('answers a request for no known transaction with ERROR "no ledger context"; ignores COMPLETED for nothing', async () => {
    peer = await DevPeer.start();
    const cc = await register('cc');
    cc.send({
      type: MessageType.COMPLETED,
      txid: 'ghost',
      channelId: 'mychannel',
      payload: protos.Response.encode({ status: 200 }).finish(),
    });
    const reply = await cc.request({
      type: MessageType.GET_STATE,
      txid: 'ghost',
      channelId: 'mychannel',
      payload: enc.getState('k'),
    });
    expect(reply.type).toBe(MessageType.ERROR);
    expect(dec.text(reply.payload)).toBe('GET_STATE failed: transaction ID: ghost: no ledger context');
  });

  it('ends the stream on an unknown message type; pending transactions end with "chaincode stream terminated"', async () => {
    peer = await DevPeer.start();
    const cc = await register('cc');
    cc.serve(() => {
      // 99 is no ChaincodeMessage.Type: encode it from raw bytes.
      cc.sendRaw(99, 'x', 'mychannel');
    });
    const r = await peer.submit('cc', []);
    expect(r.status).toBe(500);
    expect(r.message).toContain('chaincode stream terminated');
    const error = await cc.next((m) => m.type === MessageType.ERROR);
    expect(dec.text(error.payload)).toContain('cannot handle message (99) while in ready state');
    expect((await cc.closed).code).toBe(grpc.status.UNKNOWN);
  });

  it('treats WRITE_BATCH_STATE as unknown when it plays a 2.x peer (capabilities: false)', async () => {
    peer = await DevPeer.start({ capabilities: false });
    const cc = await register('cc');
    let reply: ChaincodeMessage | undefined;
    cc.serve(async (tx) => {
      reply = await tx.call(MessageType.WRITE_BATCH_STATE, protos.WriteBatchState.encode({ rec: [] }).finish());
    });
    const r = await peer.submit('cc', []);
    expect(r.message).toContain('chaincode stream terminated');
    await cc.closed;
    expect(reply?.type).toBe(MessageType.ERROR);
    expect(dec.text(reply?.payload ?? new Uint8Array())).toContain('(WRITE_BATCH_STATE) while in ready state');
  });

  it('a chaincode stream ending mid-transaction ends its transactions with status 500', async () => {
    peer = await DevPeer.start();
    const cc = await register('cc');
    cc.serve(async (tx) => {
      await tx.ok(MessageType.PUT_STATE, enc.putState('k', 'v'));
      cc.close();
    });
    const r = await peer.submit('cc', []);
    expect(r).toMatchObject({ status: 500, committed: false });
    expect(r.message).toBe(`failed to execute transaction ${r.txId}: error sending: chaincode stream terminated`);
    expect(peer.getState('cc', 'k')).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(peer.submit('cc', [])).rejects.toMatchObject({ code: 'CC_DEVPEER_NOT_REGISTERED' });
  });

  it('peer.connection(name): raw send, a tap of every message, and close() ending the stream', async () => {
    peer = await DevPeer.start();
    const cc = await register('cc');
    const conn = peer.connection('cc');
    const seen: number[] = [];
    const unsubscribe = conn.onMessage((m) => seen.push(m.type));
    cc.send({ type: MessageType.KEEPALIVE });
    conn.send({ type: MessageType.KEEPALIVE, payload: Buffer.from('ping') });
    const echo = await cc.next((m) => m.type === MessageType.KEEPALIVE);
    expect(dec.text(echo.payload)).toBe('ping');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([MessageType.KEEPALIVE]);
    unsubscribe();
    conn.close();
    const status = await cc.closed;
    expect(status.code).toBe(grpc.status.OK);
    expect(peer.chaincodes()).toEqual([]);
  });

  it('stop() ends every stream', async () => {
    peer = await DevPeer.start();
    const cc = await register('cc');
    await peer.stop();
    await expect(cc.closed).resolves.toBeDefined();
    await expect(peer.submit('cc', [])).rejects.toMatchObject({ code: 'CC_DEVPEER_STOPPED' });
  });
});

describe('dev peer: chaincode-to-chaincode invocation', () => {
  let peer: DevPeer;
  let caller: RawChaincode;
  let callee: RawChaincode;

  beforeAll(async () => {
    peer = await DevPeer.start();
    caller = (await RawChaincode.register(peer.address, 'caller')).cc;
    callee = (await RawChaincode.register(peer.address, 'callee')).cc;
    callee.serve(async (tx) => {
      const [fn = '', arg = ''] = tx.args;
      if (fn === 'write') {
        const before = await tx.ok(MessageType.GET_STATE, enc.getState('shared'));
        await tx.ok(MessageType.PUT_STATE, enc.putState('shared', arg));
        tx.complete(200, `callee saw '${dec.text(before)}' on ${tx.channelId}`);
      } else if (fn === 'fail') {
        tx.fail('callee failed');
      } else {
        tx.complete(404, '', 'unknown fn');
      }
    });
    caller.serve(async (tx) => {
      const [target = '', ...args] = tx.args;
      const reply = await tx.call(
        MessageType.INVOKE_CHAINCODE,
        protos.ChaincodeSpec.encode({
          chaincodeId: { name: target },
          input: { args: args.map((a) => Buffer.from(a)) },
        }).finish(),
      );
      if (reply.type !== MessageType.RESPONSE) {
        tx.complete(200, `ERROR ${dec.text(reply.payload)}`);
        return;
      }
      const inner = protos.ChaincodeMessage.decode(reply.payload);
      const response = inner.type === MessageType.COMPLETED ? protos.Response.decode(inner.payload) : undefined;
      tx.complete(
        200,
        JSON.stringify({
          type: inner.type,
          txid: inner.txid,
          status: response?.status,
          payload: response ? dec.text(response.payload) : dec.text(inner.payload),
        }),
      );
    });
  });

  afterAll(async () => {
    caller.close();
    callee.close();
    await peer.stop();
  });

  it('runs the callee on the same txid and simulation; its writes commit in its own namespace', async () => {
    const r = await peer.submit('caller', ['callee', 'write', 'v1']);
    const out = JSON.parse(dec.text(r.payload)) as { type: number; txid: string; status: number; payload: string };
    expect(out).toEqual({
      type: MessageType.COMPLETED,
      txid: r.txId,
      status: 200,
      payload: "callee saw '' on mychannel",
    });
    expect(r.rwset.writes).toEqual([{ namespace: 'callee', key: 'shared', isDelete: false, value: Buffer.from('v1') }]);
    expect(dec.text(peer.getState('callee', 'shared') ?? new Uint8Array())).toBe('v1');
    expect(peer.getState('caller', 'shared')).toBeUndefined();
  });

  it('a callee on another channel reads that channel and its writes are discarded', async () => {
    const r = await peer.submit('caller', ['callee/other', 'write', 'v2']);
    const out = JSON.parse(dec.text(r.payload)) as { payload: string };
    expect(out.payload).toBe("callee saw '' on other");
    expect(r.committed).toBe(true);
    expect(peer.getState('callee', 'shared', { channelId: 'other' })).toBeUndefined();
    expect(r.rwset.writes).toEqual([]);
  });

  it("passes the callee's ERROR back inside RESPONSE, and answers ERROR for an unknown callee", async () => {
    const failed = JSON.parse(dec.text((await peer.submit('caller', ['callee', 'fail'])).payload)) as {
      type: number;
      payload: string;
    };
    expect(failed).toMatchObject({ type: MessageType.ERROR, payload: 'callee failed' });
    const unknown = dec.text((await peer.submit('caller', ['nobody:1.0', 'x'])).payload);
    expect(unknown).toMatch(/^ERROR INVOKE_CHAINCODE failed: transaction ID: \w+: execute failed: .*chaincode nobody/);
  });

  it('refuses a chaincode calling itself on the same transaction, as Fabric ("txid exists")', async () => {
    const r = await peer.submit('caller', ['caller', 'callee', 'write', 'x']);
    expect(dec.text(r.payload)).toContain(`execute failed: error sending: txid: ${r.txId}(mychannel) exists`);
  });
});

describe('dev peer: server mode (chaincode as a service)', () => {
  let peer: DevPeer;
  let server: grpc.Server;

  afterEach(async () => {
    await peer.stop();
    server.forceShutdown();
  });

  async function startChaincodeServer(
    onStream: (call: grpc.ServerDuplexStream<ChaincodeMessage, ChaincodeMessageInit>) => void,
  ): Promise<string> {
    server = new grpc.Server();
    server.addService(chaincodeService, { connect: onStream });
    const port = await new Promise<number>((resolve, reject) => {
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => {
        if (e) reject(e);
        else resolve(p);
      });
    });
    return `127.0.0.1:${String(port)}`;
  }

  it('dials Chaincode.Connect, takes REGISTER, handshakes and registers under the given name', async () => {
    peer = await DevPeer.start();
    const seen: number[] = [];
    const address = await startChaincodeServer((call) => {
      call.write({ type: MessageType.REGISTER, payload: protos.ChaincodeID.encode({ name: 'mycc:abc123' }).finish() });
      call.on('data', (m: ChaincodeMessage) => {
        seen.push(m.type);
        if (m.type === MessageType.TRANSACTION) {
          call.write({
            type: MessageType.COMPLETED,
            txid: m.txid,
            channelId: m.channelId,
            payload: protos.Response.encode({ status: 200, payload: Buffer.from('served') }).finish(),
          });
        }
      });
      call.on('end', () => call.end());
    });
    await peer.connectToChaincode('mycc', { address });
    const r = await peer.submit('mycc', ['f']);
    expect(dec.text(r.payload)).toBe('served');
    expect(seen).toEqual([MessageType.REGISTERED, MessageType.READY, MessageType.TRANSACTION]);
  });

  it('fails with a coded error when the chaincode never registers or nothing listens', async () => {
    peer = await DevPeer.start();
    const address = await startChaincodeServer((call) => {
      call.on('end', () => call.end());
    });
    await expect(peer.connectToChaincode('x', { address, timeoutMs: 200 })).rejects.toMatchObject({
      code: 'CC_DEVPEER_CONNECT_FAILED',
    });
    server.forceShutdown();
    await expect(peer.connectToChaincode('y', { address, timeoutMs: 2000 })).rejects.toMatchObject({
      code: 'CC_DEVPEER_CONNECT_FAILED',
    });
  });
});
