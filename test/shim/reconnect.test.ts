import { createServer, type Server, type Socket } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import type { ChaincodeInterface, ChaincodeStub } from '@chaincode/contract-api';
import { DevPeer } from '@chaincode/dev-peer';
import {
  configureLogging,
  ConnectionError,
  RequestTimeoutError,
  Shim,
  startChaincode,
  StreamClosedError,
  type ChaincodeClientOptions,
  type ChaincodeSession,
} from '@chaincode/shim';
import { MessageType, protos, type ChaincodeMessage } from '@chaincode/shim/internal';
import { H2Peer, type H2PeerStream } from './h2-peer';
import { text, waitFor } from './harness';

// A chaincode that outlives a broken stream (client mode): the peer side is a raw HTTP/2 gRPC
// peer that can send what a gRPC library never would, or the dev peer for a real restart.

const input = (...args: string[]): Uint8Array =>
  protos.ChaincodeInput.encode({ args: args.map((a) => Buffer.from(a)) }).finish();

/** A frame whose first byte is field 1 with wire type 7: grpc-js fails "invalid wire type 7". */
const NOT_PROTOBUF = Buffer.from([0x0f, 0xff, 0xff, 0xff]);

/** Fast backoff for tests; the defaults are 250 ms doubling to 5 s. */
const fast: Partial<ChaincodeClientOptions> = { backoff: { initialDelayMs: 20, maxDelayMs: 100 } };

/** Invoke: `get <key>` reads a key and echoes it; anything else answers its txid. */
const chaincode: ChaincodeInterface = {
  Init: () => Shim.success(),
  Invoke: async (stub: ChaincodeStub) => {
    const [fn, key] = stub.getStringArgs();
    if (fn === 'get') return Shim.success(await stub.getState(key ?? ''));
    return Shim.success(Buffer.from(stub.getTxID()));
  },
};

let logs: string[];
let session: ChaincodeSession | undefined;
let peer: H2Peer | undefined;

beforeEach(() => {
  logs = [];
  // info level: the test follows 'registered with the peer again' lines; nothing reaches the console
  configureLogging({ level: 'info', sink: (line) => logs.push(line) });
});

afterEach(async () => {
  await session?.close();
  session = undefined;
  await peer?.stop();
  peer = undefined;
});

async function start(options: Partial<ChaincodeClientOptions>, address = peer!.address): Promise<ChaincodeSession> {
  session = await startChaincode(chaincode, { peerAddress: address, chaincodeIdName: 'cc', ...fast, ...options });
  return session;
}

/** Send a transaction on `stream` and return the COMPLETED it got. */
async function transact(stream: H2PeerStream, txid: string, ...args: string[]): Promise<ChaincodeMessage> {
  stream.send({ type: MessageType.TRANSACTION, txid, channelId: 'ch', payload: input(...args) });
  await waitFor(() => stream.received.some((m) => m.txid === txid && m.type === MessageType.COMPLETED), 5000, txid);
  return stream.received.find((m) => m.txid === txid && m.type === MessageType.COMPLETED)!;
}

function responseOf(message: ChaincodeMessage): { status: number; message: string; payload: string } {
  const response = protos.Response.decode(message.payload);
  return { status: response.status, message: response.message, payload: text(response.payload) };
}

const lostLine = (): string | undefined => logs.find((l) => l.includes('lost the connection to the peer'));

describe('client mode: a broken stream is registered again', () => {
  it.each([
    [
      'a frame that is not protobuf',
      (s: H2PeerStream) => {
        s.sendFrame(NOT_PROTOBUF);
      },
      /INTERNAL \(13\): .*parsing/i,
    ],
    [
      'a frame with the compressed flag set',
      (s: H2PeerStream) => {
        s.sendFrame(Buffer.from('x'), true);
      },
      /failed with no gRPC status: grpc-js refused a message from the peer \(typically one with the compressed flag set/,
    ],
    [
      'a stream reset (RST_STREAM), as a proxy gives up on it',
      (s: H2PeerStream) => {
        s.reset();
      },
      /INTERNAL \(13\)/,
    ],
    [
      'a connection dropped without a word',
      (s: H2PeerStream) => {
        s.destroyConnection();
      },
      /UNAVAILABLE \(14\)/,
    ],
    [
      'the peer ending the call with OK',
      (s: H2PeerStream) => {
        s.end(0);
      },
      /the peer ended the stream|the stream closed/,
    ],
  ])('%s: one readable reason, REGISTER again, and transactions served', async (_what, breakIt, reason) => {
    peer = await H2Peer.start();
    await start({ reconnectTimeoutMs: -1 });
    await session!.ready;
    const first = await peer.stream(1);
    expect(responseOf(await transact(first, 'before', 'x')).status).toBe(200);

    breakIt(first);
    const second = await peer.stream(2);
    expect((await second.message(1)).type).toBe(MessageType.REGISTER);
    expect(protos.ChaincodeID.decode(second.received[0]!.payload).name).toBe('cc');
    await waitFor(() => lostLine() !== undefined, 5000, 'the lost-connection warning');
    expect(lostLine()).toMatch(reason);
    expect(logs.join('\n')).not.toContain('undefined');

    await waitFor(() => logs.some((l) => l.includes('registered with the peer again')), 5000, 'registered again');
    expect(responseOf(await transact(second, 'after', 'x'))).toEqual({ status: 200, message: '', payload: 'after' });
  });

  it('fails the transactions in flight with StreamClosedError, sends nothing more for them, and serves on the new stream', async () => {
    peer = await H2Peer.start();
    let failure: unknown;
    const observed: ChaincodeInterface = {
      Init: () => Shim.success(),
      Invoke: async (stub) => {
        try {
          return Shim.success(await stub.getState('k'));
        } catch (err) {
          failure = err;
          throw err;
        }
      },
    };
    session = await startChaincode(observed, {
      peerAddress: peer.address,
      chaincodeIdName: 'cc',
      reconnectTimeoutMs: -1,
      ...fast,
    });
    await session.ready;
    const first = await peer.stream(1);
    first.send({ type: MessageType.TRANSACTION, txid: 'inflight', channelId: 'ch', payload: input('get') });
    await first.first(MessageType.GET_STATE);
    first.sendFrame(NOT_PROTOBUF);

    await waitFor(() => failure !== undefined, 5000, 'the pending getState to fail');
    expect(failure).toBeInstanceOf(StreamClosedError);
    expect(failure).toMatchObject({
      code: 'CC_SHIM_STREAM_CLOSED',
      message: expect.stringMatching(/^the stream to the peer closed: the stream to the peer failed: INTERNAL \(13\)/),
    });
    const second = await peer.stream(2);
    await second.first(MessageType.REGISTER);
    await waitFor(() => logs.some((l) => l.includes('registered with the peer again')), 5000, 'registered again');
    second.send({ type: MessageType.TRANSACTION, txid: 'next', channelId: 'ch', payload: input('get') });
    const get = await second.first(MessageType.GET_STATE);
    second.send({ type: MessageType.RESPONSE, txid: get.txid, channelId: get.channelId, payload: Buffer.from('v') });
    const done = await second.first(MessageType.COMPLETED);
    expect(responseOf(done)).toEqual({ status: 200, message: '', payload: 'v' });
    expect(first.received.some((m) => m.type === MessageType.COMPLETED)).toBe(false);
  });

  it('gives up after reconnectTimeoutMs with CC_SHIM_CONNECTION_LOST naming the loss and the last attempt', async () => {
    peer = await H2Peer.start();
    await start({ reconnectTimeoutMs: 300 });
    await session!.ready;
    const address = peer.address;
    await peer.stop();
    peer = undefined;
    const end = await session!.closed;
    expect(end.error).toBeInstanceOf(ConnectionError);
    expect(end.error).toMatchObject({ code: 'CC_SHIM_CONNECTION_LOST' });
    expect(end.reason).toMatch(
      new RegExp(
        `^the connection to the peer at ${address.replace(/\./g, '\\.')} ended \\(.+\\) and registering again failed ` +
          'for 300 ms \\(\\d+ attempts?\\): the stream to the peer failed: UNAVAILABLE \\(14\\)',
      ),
    );
    expect(logs.some((l) => l.includes('ERROR') && l.includes('registering again failed for 300 ms'))).toBe(true);
  });

  it('keeps trying while the peer is down (a peer-managed container), and close() stops it at once', async () => {
    peer = await H2Peer.start();
    await start({ reconnectTimeoutMs: -1 });
    await session!.ready;
    await peer.stop();
    peer = undefined;
    await waitFor(() => logs.some((l) => l.includes('lost the connection')), 5000, 'the loss');
    await new Promise((resolve) => setTimeout(resolve, 300)); // several failed attempts
    let settled = false;
    void session!.closed.then(() => (settled = true));
    expect(settled).toBe(false);
    await session!.close();
    expect(await session!.closed).toEqual({ kind: 'closed', reason: 'closed by the chaincode' });
  });

  it('a refusal after the session was up is retried (the peer may still hold the old stream)', async () => {
    peer = await H2Peer.start({ autoHandshake: false });
    await start({ reconnectTimeoutMs: -1 });
    const first = await peer.stream(1);
    await first.handshake();
    await session!.ready;
    first.end(14, 'going away');
    const second = await peer.stream(2);
    await second.first(MessageType.REGISTER);
    second.send({ type: MessageType.ERROR, payload: Buffer.from('duplicate chaincodeID error: cc') });
    second.end(2, 'duplicate chaincodeID error: cc');
    const third = await peer.stream(3);
    await third.handshake();
    await waitFor(() => logs.some((l) => l.includes('registered with the peer again')), 5000, 'registered again');
    expect(responseOf(await transact(third, 't3', 'x')).status).toBe(200);
  });
});

describe('client mode: the first registration is bounded and names what it waited for', () => {
  let silent: Server | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await new Promise<void>((resolve) => {
      if (silent === undefined) resolve();
      else
        silent.close(() => {
          resolve();
        });
    });
    silent = undefined;
  });

  it('a peer that accepts TCP and never speaks: PEER_UNREACHABLE within connectTimeoutMs', async () => {
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent!.listen(0, '127.0.0.1', resolve));
    const address = `127.0.0.1:${(silent.address() as { port: number }).port}`;
    await start({ connectTimeoutMs: 400 }, address);
    await expect(session!.ready).rejects.toMatchObject({ code: 'CC_SHIM_PEER_UNREACHABLE' });
    const end = await session!.closed;
    expect(end).toMatchObject({ kind: 'timeout' });
    expect(end.reason).toBe(
      `could not register chaincode cc with the peer at ${address} within 400 ms (1 attempt): ` +
        `no gRPC connection to ${address} (the TCP, TLS or HTTP/2 handshake did not complete) within 400 ms`,
    );
  });

  it('a gRPC peer that takes REGISTER and never answers: the reason says REGISTERED never came', async () => {
    peer = await H2Peer.start({ autoHandshake: false });
    await start({ connectTimeoutMs: 400 });
    const end = await session!.closed;
    expect(end.error).toMatchObject({ code: 'CC_SHIM_PEER_UNREACHABLE' });
    expect(end.reason).toMatch(
      new RegExp(
        `within 400 ms \\(1 attempt\\): no REGISTERED from the peer at ${peer.address.replace(/\./g, '\\.')} ` +
          '\\(it accepted the connection but did not answer REGISTER\\) within 400 ms$',
      ),
    );
    expect((await peer.stream(1)).received[0]?.type).toBe(MessageType.REGISTER);
  });

  it('REGISTERED but no READY: named as such', async () => {
    peer = await H2Peer.start({ autoHandshake: false });
    await start({ connectTimeoutMs: 400 });
    const stream = await peer.stream(1);
    await stream.first(MessageType.REGISTER);
    stream.send({ type: MessageType.REGISTERED });
    const end = await session!.closed;
    expect(end.reason).toMatch(/no READY from the peer at .+ \(REGISTERED arrived\) within \d+ ms$/);
  });

  it('a refusal of the first registration is final at once: CC_SHIM_PEER_REFUSED with the peer text', async () => {
    peer = await H2Peer.start({ autoHandshake: false });
    await start({ connectTimeoutMs: 5000 });
    const stream = await peer.stream(1);
    await stream.first(MessageType.REGISTER);
    stream.send({ type: MessageType.ERROR, payload: Buffer.from('chaincode cc is not installed') });
    const end = await session!.closed;
    expect(end.error).toMatchObject({ code: 'CC_SHIM_PEER_REFUSED' });
    expect(end.reason).toBe(
      `the peer at ${peer.address} did not accept chaincode cc: the peer answered REGISTER with ERROR: chaincode cc is not installed`,
    );
    expect(peer.streams).toHaveLength(1);
  });

  it('an address that serves no ChaincodeSupport (UNIMPLEMENTED) is final too', async () => {
    const empty = new grpc.Server();
    const port = await new Promise<number>((resolve, reject) => {
      empty.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => {
        if (error === null) resolve(bound);
        else reject(error);
      });
    });
    try {
      await start({ connectTimeoutMs: 5000 }, `127.0.0.1:${port}`);
      const end = await session!.closed;
      expect(end).toMatchObject({ kind: 'failed', status: grpc.status.UNIMPLEMENTED });
      expect(end.error).toMatchObject({ code: 'CC_SHIM_PEER_REFUSED' });
      expect(end.reason).toMatch(/did not accept chaincode cc: the stream to the peer failed: UNIMPLEMENTED \(12\)/);
    } finally {
      empty.forceShutdown();
    }
  });

  it('retries a peer that is not up yet, and registers once it is', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => {
          resolve(p);
        });
      });
    });
    await start({ connectTimeoutMs: 10000 }, `127.0.0.1:${port}`);
    await waitFor(() => logs.some((l) => l.includes('the peer is not reachable yet; retrying')), 5000, 'a retry');
    peer = await H2Peer.start({ port });
    await session!.ready;
    expect(responseOf(await transact(await peer.stream(1), 'late', 'x')).status).toBe(200);
  });
});

describe('client mode: a peer restart (the dev peer on the same port)', () => {
  it('registers with the new peer on its own and serves it', async () => {
    let peerA: DevPeer | undefined = await DevPeer.start();
    const port = Number(peerA.address.split(':')[1]);
    let peerB: DevPeer | undefined;
    try {
      session = await startChaincode(chaincode, {
        peerAddress: peerA.address,
        chaincodeIdName: 'assets',
        reconnectTimeoutMs: -1,
        ...fast,
      });
      await peerA.waitForChaincode('assets', { timeoutMs: 5000 });
      expect((await peerA.submit('assets', ['put'])).status).toBe(200);
      await peerA.stop();
      peerA = undefined;
      peerB = await DevPeer.start({ port });
      await peerB.waitForChaincode('assets', { timeoutMs: 10000 });
      const after = await peerB.submit('assets', ['echo']);
      expect([after.status, text(after.payload)]).toEqual([200, after.txId]);
    } finally {
      await session?.close();
      session = undefined;
      await peerA?.stop();
      await peerB?.stop();
    }
  });
});

describe('stub requests have a deadline', () => {
  it('a request the peer never answers fails with RequestTimeoutError; the transaction answers 500; others go on', async () => {
    peer = await H2Peer.start();
    const seen: unknown[] = [];
    const waiting: ChaincodeInterface = {
      Init: () => Shim.success(),
      Invoke: async (stub) => {
        const [fn] = stub.getStringArgs();
        if (fn !== 'slow') return Shim.success(Buffer.from('fast'));
        try {
          await stub.getState('a');
        } catch (err) {
          seen.push(err);
        }
        try {
          await stub.getState('b'); // the transaction's channel to the peer is no longer usable
        } catch (err) {
          seen.push(err);
          throw err;
        }
        return Shim.success();
      },
    };
    session = await startChaincode(waiting, {
      peerAddress: peer.address,
      chaincodeIdName: 'cc',
      requestTimeoutMs: 150,
    });
    await session.ready;
    const stream = await peer.stream(1);
    stream.send({ type: MessageType.TRANSACTION, txid: 'slow1', channelId: 'ch', payload: input('slow') });
    const get = await stream.first(MessageType.GET_STATE);
    const done = await waitCompleted(stream, 'slow1');
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBeInstanceOf(RequestTimeoutError);
    expect(seen[0]).toMatchObject({
      code: 'CC_SHIM_REQUEST_TIMEOUT',
      txId: 'slow1',
      channelId: 'ch',
      message: 'the peer did not answer GET_STATE within 150 ms (transaction slow1 on channel ch)',
    });
    expect(seen[1]).toBe(seen[0]);
    expect(responseOf(done)).toMatchObject({ status: 500, message: seen[0] instanceof Error ? seen[0].message : '' });
    // only one GET_STATE went out; a late answer is ignored, and the stream serves on
    expect(stream.received.filter((m) => m.type === MessageType.GET_STATE)).toHaveLength(1);
    stream.send({ type: MessageType.RESPONSE, txid: get.txid, channelId: get.channelId, payload: Buffer.from('late') });
    expect(responseOf(await transact(stream, 'fast1', 'fast'))).toEqual({ status: 200, message: '', payload: 'fast' });
    expect(logs.some((l) => l.includes('WARNING') && l.includes('timed out'))).toBe(true);
  });
});

async function waitCompleted(stream: H2PeerStream, txid: string): Promise<ChaincodeMessage> {
  await waitFor(() => stream.received.some((m) => m.txid === txid && m.type === MessageType.COMPLETED), 5000, txid);
  return stream.received.find((m) => m.txid === txid && m.type === MessageType.COMPLETED)!;
}
