import type { ChaincodeStub } from '@chaincode/contract-api';
import { configureLogging, Shim, startChaincode, type ChaincodeSession } from '@chaincode/shim';
import { MessageType, type ChaincodeMessage } from '@chaincode/shim/internal';
import { DevPeer } from '../network/dev-peer';
import { DevNetwork } from '../network/dev-network';

// The fault-injecting mode over real gRPC: the shim's chaincode dials a dev peer started with
// `faults: true`, and each fault is seen from the chaincode's side and from the peer's results.

const logs: string[] = [];
beforeAll(() => {
  configureLogging({ level: 'critical', shimLevel: 'critical', sink: (line) => logs.push(line) });
});

const text = (bytes: Uint8Array | undefined): string => Buffer.from(bytes ?? new Uint8Array()).toString();

/** `put k v`, `get k`, anything else: its txid. Records every GET_STATE failure. */
const failures: unknown[] = [];
const chaincode = {
  Init: () => Shim.success(),
  Invoke: async (stub: ChaincodeStub) => {
    const [fn, key = 'k', value = ''] = stub.getStringArgs();
    if (fn === 'put') {
      await stub.putState(key, Buffer.from(value));
      return Shim.success();
    }
    if (fn === 'get') {
      try {
        return Shim.success(await stub.getState(key));
      } catch (error) {
        failures.push(error);
        throw error;
      }
    }
    return Shim.success(Buffer.from(stub.getTxID()));
  },
};

let peer: DevPeer;
let session: ChaincodeSession | undefined;

async function start(options: { tls?: boolean; requestTimeoutMs?: number; reconnect?: boolean } = {}): Promise<void> {
  peer = await DevPeer.start({ faults: true, ...(options.tls === true ? { tls: true } : {}) });
  const rootCert = peer.tlsRootCert;
  session = await startChaincode(chaincode, {
    peerAddress: peer.address,
    chaincodeIdName: 'cc',
    ...(rootCert !== undefined ? { tls: { rootCert, serverNameOverride: 'localhost' } } : {}),
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.reconnect === true ? { reconnectTimeoutMs: -1, backoff: { initialDelayMs: 10, maxDelayMs: 50 } } : {}),
  });
  await session.ready;
  await peer.waitForChaincode('cc', { timeoutMs: 5000 });
}

afterEach(async () => {
  failures.length = 0;
  await session?.close();
  session = undefined;
  await peer.stop();
});

/** Every message the chaincode sends from now on. */
function record(): ChaincodeMessage[] {
  const seen: ChaincodeMessage[] = [];
  peer.connection('cc').onMessage((m) => seen.push(m));
  return seen;
}

describe('a dev peer with faults: true', () => {
  it('serves as usual without rules, over plaintext and TLS', async () => {
    for (const tls of [false, true]) {
      await start({ tls });
      expect((await peer.submit('cc', ['put', 'a', '1'])).status).toBe(200);
      const got = await peer.evaluate('cc', ['get', 'a']);
      expect([got.status, text(got.payload)]).toEqual([200, '1']);
      await session?.close();
      session = undefined;
      if (!tls) await peer.stop();
    }
  });

  it('drop: an unanswered GET_STATE fails by the shim request deadline, and the rule stops after `times`', async () => {
    await start({ requestTimeoutMs: 200 });
    const rule = peer.faults.add({ direction: 'toChaincode', types: ['RESPONSE'], times: 1, action: { kind: 'drop' } });
    const r = await peer.evaluate('cc', ['get', 'a']);
    expect(r.status).toBe(500);
    expect(r.message).toMatch(/the peer did not answer GET_STATE within 200 ms/);
    expect(failures[0]).toMatchObject({ code: 'CC_SHIM_REQUEST_TIMEOUT' });
    expect(rule.hits).toBe(1);
    expect((await rule.applied).type).toBe(MessageType.RESPONSE);
    expect((await peer.evaluate('cc', ['get', 'a'])).status).toBe(200);
  });

  it('delay and duplicate: a TRANSACTION delivered twice is answered twice; the peer takes the first', async () => {
    await start();
    const seen = record();
    peer.faults.add({ direction: 'toChaincode', types: ['TRANSACTION'], times: 1, action: { kind: 'duplicate' } });
    peer.faults.add({ direction: 'fromChaincode', types: ['COMPLETED'], action: { kind: 'delay', ms: 20 } });
    const r = await peer.evaluate('cc', ['echo']);
    expect([r.status, text(r.payload)]).toEqual([200, r.txId]);
    await waitFor(() => seen.filter((m) => m.type === MessageType.COMPLETED).length === 2);
  });

  it('rewrite: RESPONSE turned into ERROR reaches the contract as the peer text', async () => {
    await start();
    peer.faults.add({
      direction: 'toChaincode',
      types: ['RESPONSE'],
      chaincode: 'cc',
      times: 1,
      action: {
        kind: 'rewrite',
        rewrite: (m) => ({ type: MessageType.ERROR, txid: m.txid, channelId: m.channelId, payload: Buffer.from('no') }),
      },
    });
    const r = await peer.evaluate('cc', ['get', 'a']);
    expect([r.status, r.message]).toEqual([500, 'no']);
    expect(failures[0]).toMatchObject({ code: 'CC_SHIM_PEER_ERROR' });
  });

  it('a rule for another chaincode, or another direction, leaves the stream alone', async () => {
    await start();
    peer.faults.add({ direction: 'toChaincode', chaincode: 'other', action: { kind: 'drop' } });
    peer.faults.add({ direction: 'fromChaincode', types: ['GET_STATE_BY_RANGE'], action: { kind: 'drop' } });
    expect((await peer.evaluate('cc', ['get', 'a'])).status).toBe(200);
  });

  it.each([
    ['a non-protobuf frame', { kind: 'frame', bytes: Buffer.from([0x0f, 0xff, 0xff]) }, /INTERNAL \(13\)/],
    ['a compressed-flag frame', { kind: 'frame', bytes: Buffer.from('x'), compressed: true }, /compressed flag/],
    ['the stream ended with OK', { kind: 'close', how: 'end' }, /ended|closed/],
    ['a stream reset', { kind: 'close', how: 'reset' }, /INTERNAL \(13\)/],
    ['a dropped connection', { kind: 'close', how: 'disconnect' }, /UNAVAILABLE \(14\)/],
  ] as const)(
    '%s instead of a RESPONSE: the transaction fails, the chaincode registers again and serves',
    async (_what, action, reason) => {
      await start({ reconnect: true });
      configureLogging({ level: 'warning', shimLevel: 'warning' });
      peer.faults.add({ direction: 'toChaincode', types: ['RESPONSE'], times: 1, action });
      const r = await peer.evaluate('cc', ['get', 'a']);
      expect(r.status).toBe(500);
      expect(r.message).toMatch(/chaincode stream terminated/);
      await peer.waitForChaincode('cc', { timeoutMs: 5000 });
      await waitFor(() => logs.some((l) => l.includes('lost the connection')));
      expect(logs.find((l) => l.includes('lost the connection'))).toMatch(reason);
      logs.length = 0;
      configureLogging({ level: 'critical', shimLevel: 'critical' });
      await waitFor(() => peer.chaincodes().includes('cc'));
      expect((await peer.submit('cc', ['put', 'b', '2'])).status).toBe(200);
    },
  );

  it('raw stream access: KEEPALIVE is echoed; a closed stream resolves `closed`', async () => {
    await start();
    const seen = record();
    const stream = peer.faults.stream('cc');
    expect(stream.chaincode).toBe('cc');
    stream.send({ type: MessageType.KEEPALIVE, payload: Buffer.from('ping') });
    await waitFor(() => seen.some((m) => m.type === MessageType.KEEPALIVE));
    stream.end(14, 'going away');
    expect(await stream.closed).toBe('stream ended by the peer with status 14');
  });

  it('restart: the server comes back on the same port, the chaincode registers again, the ledger is kept', async () => {
    await start({ reconnect: true });
    const address = peer.address;
    expect((await peer.submit('cc', ['put', 'kept', 'yes'])).status).toBe(200);
    await peer.faults.restart({ downMs: 50 });
    expect(peer.address).toBe(address);
    await waitFor(() => peer.chaincodes().includes('cc'));
    const got = await peer.evaluate('cc', ['get', 'kept']);
    expect([got.status, text(got.payload)]).toEqual([200, 'yes']);
  });

  it('refuses a malformed rule, and faults on a network started without them', async () => {
    peer = await DevPeer.start({ faults: true });
    const bad = [
      { direction: 'sideways', action: { kind: 'drop' } },
      { direction: 'toChaincode', times: 0, action: { kind: 'drop' } },
      { direction: 'toChaincode', action: { kind: 'delay', ms: -1 } },
      { direction: 'toChaincode', action: { kind: 'duplicate', copies: 0 } },
      { direction: 'fromChaincode', action: { kind: 'frame', bytes: Buffer.from('x') } },
      { direction: 'toChaincode', types: ['NOPE'], action: { kind: 'drop' } },
    ];
    for (const rule of bad) {
      expect(() => peer.faults.add(rule as never)).toThrow(
        expect.objectContaining({ code: 'CC_DEVPEER_INVALID_OPTIONS' }),
      );
    }
    expect(() => peer.faults.stream('nobody')).toThrow(expect.objectContaining({ code: 'CC_DEVPEER_NOT_REGISTERED' }));
    await expect(peer.faults.restart({ mspId: 'Org9MSP' })).rejects.toMatchObject({ code: 'CC_DEVPEER_UNKNOWN_ORG' });
    const plain = await DevNetwork.start();
    try {
      expect(() => plain.faults).toThrow(expect.objectContaining({ code: 'CC_DEVPEER_INVALID_OPTIONS' }));
    } finally {
      await plain.stop();
    }
  });

  it('answers an unknown gRPC method UNIMPLEMENTED, like a peer', async () => {
    await start();
    const grpc = await import('@grpc/grpc-js');
    const client = new grpc.Client(peer.address, grpc.credentials.createInsecure());
    try {
      const status = await new Promise<number>((resolve) => {
        client.makeUnaryRequest(
          '/protos.Endorser/ProcessProposal',
          (x: Buffer) => x,
          (x: Buffer) => x,
          Buffer.alloc(0),
          (error) => {
            resolve(error?.code ?? 0);
          },
        );
      });
      expect(status).toBe(grpc.status.UNIMPLEMENTED);
    } finally {
      client.close();
    }
  });
});

describe('the fault server checks what a chaincode sends, as grpc-go does on a peer', () => {
  /** Open a Register call with node:http2, send `bytes`, and return the trailers' status and message. */
  async function statusFor(bytes: Buffer): Promise<[string, string]> {
    const http2 = await import('node:http2');
    const session = http2.connect(`http://${peer.address}`);
    session.on('error', () => undefined);
    try {
      const stream = session.request({
        ':method': 'POST',
        ':path': '/protos.ChaincodeSupport/Register',
        'content-type': 'application/grpc',
        te: 'trailers',
      });
      stream.on('error', () => undefined);
      const status = new Promise<[string, string]>((resolve) => {
        const done = (headers: Record<string, string | string[] | undefined>): void => {
          const status = headers['grpc-status'];
          const message = headers['grpc-message'];
          if (typeof status === 'string') {
            resolve([status, decodeURIComponent(typeof message === 'string' ? message : '')]);
          }
        };
        stream.on('response', done);
        stream.on('trailers', done);
      });
      stream.write(bytes);
      stream.on('data', () => undefined);
      return await status;
    } finally {
      session.destroy();
    }
  }

  const frame = (flag: number, length: number, payload: Buffer): Buffer => {
    const header = Buffer.alloc(5);
    header.writeUInt8(flag, 0);
    header.writeUInt32BE(length, 1);
    return Buffer.concat([header, payload]);
  };

  beforeEach(async () => {
    peer = await DevPeer.start({ faults: true });
  });

  it('a compressed-flag message without an encoding: INTERNAL', async () => {
    expect(await statusFor(frame(1, 1, Buffer.from('x')))).toEqual([
      '13',
      'grpc: compressed flag set with identity or empty encoding',
    ]);
  });

  it('a message that is not a ChaincodeMessage: INTERNAL, naming the decode failure', async () => {
    const [status, message] = await statusFor(frame(0, 4, Buffer.from([0x0f, 0xff, 0xff, 0xff])));
    expect([status, message]).toEqual([
      '13',
      expect.stringMatching(/^grpc: failed to unmarshal the received message: /),
    ]);
  });

  it('a message announced larger than 100 MiB: RESOURCE_EXHAUSTED before it is buffered', async () => {
    expect(await statusFor(frame(0, 100 * 1024 * 1024 + 1, Buffer.alloc(16)))).toEqual([
      '8',
      `grpc: received message larger than max (${String(100 * 1024 * 1024 + 1)} vs. ${String(100 * 1024 * 1024)})`,
    ]);
  });
});

async function waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
