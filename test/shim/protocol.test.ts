import type { ChaincodeInterface, ChaincodeStub } from '@chaincode/contract-api';
import { ConnectionError, Shim, startChaincode, StreamClosedError, type ChaincodeSession } from '@chaincode/shim';
import { MessageType, ProtocolState, protos, type ChaincodeMessage } from '@chaincode/shim/internal';
import { FunctionTable, quietLogs, recordMessages, startPair, text, waitFor, type Pair } from './harness';
import { RawPeer } from './raw-peer';

const input = (...args: string[]): Uint8Array =>
  protos.ChaincodeInput.encode({ args: args.map((a) => Buffer.from(a)) }).finish();

function stateOf(session: ChaincodeSession): ProtocolState {
  return (session as unknown as { handler: { state: ProtocolState } }).handler.state;
}

const noop: ChaincodeInterface = { Init: () => Shim.success(), Invoke: () => Shim.success(Buffer.from('done')) };

let logs: string[];
beforeEach(() => {
  logs = [];
  quietLogs(logs);
});

describe('handshake over a scripted peer', () => {
  let raw: RawPeer;
  let session: ChaincodeSession | undefined;
  beforeEach(async () => {
    raw = await RawPeer.start();
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
    await raw.stop();
  });

  /** Start `chaincode` as 'cc' against the scripted peer and walk it to READY; kept in `session` for cleanup. */
  async function readySession(
    chaincode: ChaincodeInterface,
    limits: { maxConcurrentTransactions?: number; transactionSlotTimeoutMs?: number } = {},
  ): Promise<ChaincodeSession> {
    const started = await startChaincode(chaincode, { peerAddress: raw.address, chaincodeIdName: 'cc', ...limits });
    session = started;
    await raw.waitForCount(1);
    raw.send({ type: MessageType.REGISTERED });
    raw.send({ type: MessageType.READY });
    await started.ready;
    return started;
  }

  it('sends REGISTER{name} first and walks created → established → ready', async () => {
    session = await startChaincode(noop, { peerAddress: raw.address, chaincodeIdName: 'mycc:1.0' });
    const register = await raw.waitForCount(1);
    expect(register.type).toBe(MessageType.REGISTER);
    expect(protos.ChaincodeID.decode(register.payload).name).toBe('mycc:1.0');
    expect(stateOf(session)).toBe(ProtocolState.Created);

    raw.send({ type: MessageType.REGISTERED });
    await waitFor(() => stateOf(session!) === ProtocolState.Established, 2000, 'established');
    raw.send({ type: MessageType.READY });
    await session.ready;
    expect(stateOf(session)).toBe(ProtocolState.Ready);

    raw.send({ type: MessageType.TRANSACTION, txid: 't1', channelId: 'ch', payload: input('x') });
    const completed = await raw.waitForCount(2);
    expect(completed.type).toBe(MessageType.COMPLETED);
    expect([completed.txid, completed.channelId]).toEqual(['t1', 'ch']);
    expect(text(protos.Response.decode(completed.payload).payload)).toBe('done');
  });

  it('refuses messages out of order: READY before REGISTERED (logged), TRANSACTION before READY (ERROR reply)', async () => {
    session = await startChaincode(noop, { peerAddress: raw.address, chaincodeIdName: 'cc' });
    await raw.waitForCount(1);
    raw.send({ type: MessageType.READY });
    await waitFor(() => logs.some((l) => l.includes('(READY)')), 2000, 'warning');
    expect(stateOf(session)).toBe(ProtocolState.Created);
    expect(logs.find((l) => l.includes('(READY)'))).toContain(
      'Chaincode handler FSM cannot handle message (READY) with payload size (0) while in state: created',
    );

    raw.send({ type: MessageType.REGISTERED });
    raw.send({ type: MessageType.TRANSACTION, txid: 'early', channelId: 'ch', payload: input('x') });
    const error = await raw.waitForCount(2);
    expect(error.type).toBe(MessageType.ERROR);
    expect([error.txid, error.channelId]).toEqual(['early', 'ch']);
    expect(text(error.payload)).toBe(
      'Chaincode handler FSM cannot handle message (TRANSACTION) with payload size (3) while in state: established',
    );
    expect(stateOf(session)).toBe(ProtocolState.Established);

    raw.send({ type: MessageType.REGISTERED });
    await waitFor(() => logs.some((l) => l.includes('(REGISTERED)')), 2000, 'warning');
    raw.send({ type: MessageType.READY });
    await session.ready;
    expect(stateOf(session)).toBe(ProtocolState.Ready);
  });

  it('echoes KEEPALIVE unchanged in every state', async () => {
    session = await startChaincode(noop, { peerAddress: raw.address, chaincodeIdName: 'cc' });
    await raw.waitForCount(1);
    raw.send({ type: MessageType.KEEPALIVE, payload: Buffer.from('ping-1') });
    const first = await raw.waitForCount(2);
    expect([first.type, text(first.payload)]).toEqual([MessageType.KEEPALIVE, 'ping-1']);
    raw.send({ type: MessageType.REGISTERED });
    raw.send({ type: MessageType.READY });
    await session.ready;
    raw.send({ type: MessageType.KEEPALIVE, txid: 'k', channelId: 'c' });
    const second = await raw.waitForCount(3);
    expect([second.type, second.txid, second.channelId]).toEqual([MessageType.KEEPALIVE, 'k', 'c']);
    expect(stateOf(session)).toBe(ProtocolState.Ready);
  });

  it('answers an undecodable ChaincodeInput with ERROR and keeps serving', async () => {
    session = await startChaincode(noop, { peerAddress: raw.address, chaincodeIdName: 'cc' });
    await raw.waitForCount(1);
    raw.send({ type: MessageType.REGISTERED });
    raw.send({ type: MessageType.READY, payload: Buffer.from([0xff, 0xff, 0xff]) });
    await session.ready;
    expect(logs.some((l) => l.includes('undecodable ChaincodeAdditionalParams'))).toBe(true);

    raw.send({ type: MessageType.TRANSACTION, txid: 'bad', channelId: 'ch', payload: Buffer.from([0x0a, 0x05, 0x01]) });
    const error = await raw.waitForCount(2);
    expect(error.type).toBe(MessageType.ERROR);
    expect(error.txid).toBe('bad');
    expect(text(error.payload)).toMatch(/could not decode the ChaincodeInput of TRANSACTION: .+/);

    raw.send({ type: MessageType.TRANSACTION, txid: 'good', channelId: 'ch', payload: input('x') });
    expect((await raw.waitForCount(3)).type).toBe(MessageType.COMPLETED);
  });

  it('bounds transactions in flight: the excess waits in order and every one is answered', async () => {
    let running = 0;
    let maxRunning = 0;
    const releases: (() => void)[] = [];
    const started: string[] = [];
    const chaincode: ChaincodeInterface = {
      Init: () => Shim.success(),
      Invoke: async (stub) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        started.push(stub.getTxID());
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        return Shim.success();
      },
    };
    session = await readySession(chaincode, { maxConcurrentTransactions: 2 });
    for (let i = 0; i < 5; i++)
      raw.send({ type: MessageType.TRANSACTION, txid: `t${i}`, channelId: 'ch', payload: input('x') });
    await waitFor(() => started.length === 2, 2000, 'two started');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(started).toEqual(['t0', 't1']);
    while (releases.length > 0 || started.length < 5) {
      await waitFor(() => releases.length > 0, 2000, 'a running transaction');
      releases.shift()!();
    }
    await raw.waitForCount(6);
    expect(started).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(maxRunning).toBe(2);
    expect(raw.received.slice(1).map((m) => m.type)).toEqual(Array(5).fill(MessageType.COMPLETED));
  });

  it('stops counting a transaction that outlives the slot timeout, so a hung Invoke cannot block the stream', async () => {
    let releaseHung!: () => void;
    const chaincode: ChaincodeInterface = {
      Init: () => Shim.success(),
      Invoke: async (stub) => {
        if (stub.getTxID() === 'hung') await new Promise<void>((resolve) => (releaseHung = resolve));
        return Shim.success(Buffer.from(stub.getTxID()));
      },
    };
    session = await readySession(chaincode, { maxConcurrentTransactions: 1, transactionSlotTimeoutMs: 100 });
    const started = Date.now();
    raw.send({ type: MessageType.TRANSACTION, txid: 'hung', channelId: 'ch', payload: input('x') });
    raw.send({ type: MessageType.TRANSACTION, txid: 'next', channelId: 'ch', payload: input('x') });
    const next = await raw.waitForCount(2);
    expect([next.type, next.txid]).toEqual([MessageType.COMPLETED, 'next']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(logs.some((l) => l.includes('slot timeout') && l.includes('hung'))).toBe(true);
    releaseHung();
    const late = await raw.waitForCount(3);
    expect([late.type, late.txid]).toEqual([MessageType.COMPLETED, 'hung']);
    const handler = (session as unknown as { handler: { transactionsInFlight: number } }).handler;
    expect(handler.transactionsInFlight).toBe(0);
  });

  it('drops the transactions still waiting for a slot when the peer ends the stream, and never starts them', async () => {
    const invoked: string[] = [];
    const chaincode: ChaincodeInterface = {
      Init: () => Shim.success(),
      Invoke: async (stub) => {
        invoked.push(stub.getTxID());
        await new Promise<void>(() => undefined); // never answers: holds the only slot
        return Shim.success();
      },
    };
    session = await readySession(chaincode, { maxConcurrentTransactions: 1 });
    for (const txid of ['running', 'waiting1', 'waiting2']) {
      raw.send({ type: MessageType.TRANSACTION, txid, channelId: 'ch', payload: input('x') });
    }
    const handler = (session as unknown as { handler: { transactionsWaiting: number } }).handler;
    await waitFor(() => handler.transactionsWaiting === 2, 2000, 'two waiting transactions');
    raw.end();
    const closed = await session.closed;
    expect(closed).toMatchObject({
      kind: 'ended',
      reason: `the connection to the peer at ${raw.address} ended (the peer ended the stream); reconnecting is off`,
      error: { code: 'CC_SHIM_CONNECTION_LOST' },
    });
    expect(handler.transactionsWaiting).toBe(0);
    expect(invoked).toEqual(['running']);
    expect(raw.received.map((m) => m.type)).toEqual([MessageType.REGISTER]);
  });

  it("passes Shim.server's own limits through: an invalid transactionSlotTimeoutMs is refused at start", async () => {
    const legacy = Shim.server(noop, { ccid: 'cc:1', address: '127.0.0.1:0', transactionSlotTimeoutMs: -1 });
    await expect(legacy.start()).rejects.toThrow('transactionSlotTimeoutMs must be a positive integer, got -1');
    expect(legacy.address).toBeUndefined();
  });

  it('decodes the proposal only when asked: a missing or malformed one fails just the calls that need it', async () => {
    const chaincode: ChaincodeInterface = {
      Init: () => Shim.success(),
      Invoke: (stub) => {
        const seen = [stub.getTxID(), stub.getChannelID(), stub.getStringArgs().join(',')];
        try {
          seen.push(stub.getCreator().mspid);
        } catch (err) {
          seen.push(`${(err as Error).name}: ${(err as Error).message}`);
        }
        return Shim.success(Buffer.from(seen.join('|')));
      },
    };
    session = await readySession(chaincode);
    raw.send({ type: MessageType.TRANSACTION, txid: 'none', channelId: 'ch', payload: input('a', 'b') });
    raw.send({
      type: MessageType.TRANSACTION,
      txid: 'bad',
      channelId: 'ch',
      payload: input('a'),
      proposal: { proposalBytes: Buffer.from([0x0a, 0xff, 0xff]), signature: Buffer.alloc(0) },
    });
    const none = await raw.waitForCount(2);
    const bad = await raw.waitForCount(3);
    expect(text(protos.Response.decode(none.payload).payload)).toBe(
      'none|ch|a,b|ProtocolError: the transaction carries no signed proposal',
    );
    expect(text(protos.Response.decode(bad.payload).payload)).toMatch(
      /^bad\|ch\|a\|ProtocolError: could not decode the transaction's proposal: .+/,
    );
  });

  it('ignores a second TRANSACTION for a (channel, txid) already in flight: the first answers, once', async () => {
    let release!: () => void;
    let runs = 0;
    const chaincode: ChaincodeInterface = {
      Init: () => Shim.success(),
      Invoke: async () => {
        runs++;
        await new Promise<void>((resolve) => (release = resolve));
        return Shim.success(Buffer.from('first'));
      },
    };
    session = await readySession(chaincode);
    raw.send({ type: MessageType.TRANSACTION, txid: 'dup', channelId: 'ch', payload: input('x') });
    raw.send({ type: MessageType.TRANSACTION, txid: 'dup', channelId: 'ch', payload: input('x') });
    // an answer to the copy would reach the peer as the answer to the first: none is sent
    raw.send({ type: MessageType.KEEPALIVE, txid: 'marker' });
    expect((await raw.waitForCount(2)).type).toBe(MessageType.KEEPALIVE);
    release();
    const done = await raw.waitForCount(3);
    expect([done.type, done.txid, text(protos.Response.decode(done.payload).payload)]).toEqual([
      MessageType.COMPLETED,
      'dup',
      'first',
    ]);
    expect(runs).toBe(1);
  });
});

describe('bad messages and disconnects on a dev peer stream', () => {
  let pair: Pair;
  const table = new FunctionTable();
  afterEach(async () => {
    await pair.stop();
  });

  it('answers an unknown message type naming a transaction with ERROR; logs one without', async () => {
    pair = await startPair(table);
    const recorder = recordMessages(pair);
    const connection = pair.peer.connection(pair.name);
    connection.send({
      type: 99 as unknown as MessageType,
      txid: 'tx-unknown',
      channelId: 'mychannel',
      payload: Buffer.from('abc'),
    });
    connection.send({ type: MessageType.GET_STATE, txid: 'tx-wrongway', channelId: 'mychannel' });
    connection.send({ type: MessageType.REGISTERED });
    await waitFor(() => recorder.messages.length >= 2, 2000, 'two ERROR replies');
    await waitFor(() => logs.some((l) => l.includes('(REGISTERED)')), 2000, 'warning');
    const [unknown, wrongWay] = recorder.messages;
    expect([unknown!.type, unknown!.txid, text(unknown!.payload)]).toEqual([
      MessageType.ERROR,
      'tx-unknown',
      'Chaincode handler FSM cannot handle message (99) with payload size (3) while in state: ready',
    ]);
    expect([wrongWay!.type, text(wrongWay!.payload)]).toEqual([
      MessageType.ERROR,
      'Chaincode handler FSM cannot handle message (GET_STATE) with payload size (0) while in state: ready',
    ]);
    expect(logs.find((l) => l.includes('(REGISTERED)'))).toContain('WARNING');
    // Still serving.
    const fn = table.add(() => 'alive');
    expect((await pair.peer.evaluate(pair.name, [fn])).status).toBe(200);
  });

  it('logs and ignores a RESPONSE or ERROR for nothing pending', async () => {
    pair = await startPair(table);
    const connection = pair.peer.connection(pair.name);
    connection.send({ type: MessageType.RESPONSE, txid: 'nobody', channelId: 'mychannel', payload: Buffer.from('x') });
    connection.send({ type: MessageType.ERROR, txid: 'nobody', channelId: 'mychannel', payload: Buffer.from('x') });
    await waitFor(() => logs.filter((l) => l.includes('no pending request')).length === 2, 2000, 'two warnings');
    expect(logs.filter((l) => l.includes('no pending request')).every((l) => l.includes('WARNING'))).toBe(true);
    const fn = table.add(async (stub) => {
      await stub.putState('a', 'b');
      return 'alive';
    });
    expect((await pair.peer.submit(pair.name, [fn])).status).toBe(200);
  });

  it('answers KEEPALIVE from the peer and never fails on it', async () => {
    pair = await startPair(table, { peer: { keepaliveMs: 20 } });
    const recorder = recordMessages(pair);
    await waitFor(() => recorder.messages.filter((m) => m.type === MessageType.KEEPALIVE).length >= 3, 3000, 'echoes');
    const fn = table.add(() => 'alive');
    expect((await pair.peer.evaluate(pair.name, [fn])).status).toBe(200);
    expect(stateOf(pair.session)).toBe(ProtocolState.Ready);
  });

  it('rejects pending stub calls with StreamClosedError when the peer closes the stream mid-transaction', async () => {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let outcome: unknown;
    const chaincode: ChaincodeInterface = {
      Init: () => Shim.success(),
      Invoke: async (stub: ChaincodeStub) => {
        const first = stub.getState('k1');
        const second = stub.getState('k2');
        entered();
        outcome = await Promise.allSettled([
          first,
          second,
          new Promise((r) => setTimeout(r, 50)).then(() => stub.getState('k3')),
        ]);
        return Shim.success();
      },
    };
    pair = await startPair(chaincode, { peer: { executeTimeoutMs: 2000 } });
    const recorder = recordMessages(pair);
    // Hold the peer's answers back: tap the stream, then close it once the first request arrived.
    const pending = pair.peer.evaluate(pair.name, ['x']);
    await inside;
    pair.peer.connection(pair.name).close();
    const reason = await pair.session.closed;
    expect(reason.reason.length).toBeGreaterThan(0);
    await waitFor(() => outcome !== undefined, 2000, 'the invoke to settle');
    const settled = outcome as PromiseSettledResult<unknown>[];
    const rejected = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(rejected.length).toBeGreaterThanOrEqual(2);
    for (const r of rejected) expect(r.reason).toBeInstanceOf(StreamClosedError);
    expect(recorder.messages.some((m) => m.type === MessageType.COMPLETED)).toBe(false);
    const result = await pending;
    expect(result.status).toBe(500);
    expect(stateOf(pair.session)).toBe(ProtocolState.Closed);
  });

  it('refuses invalid chaincode objects and limits before dialling', async () => {
    await expect(
      startChaincode({ Init: () => Shim.success() } as never, { peerAddress: 'x:1', chaincodeIdName: 'c' }),
    ).rejects.toThrow('The "chaincode" argument must implement the "Invoke()" method');
    await expect(startChaincode(noop, { peerAddress: '127.0.0.1', chaincodeIdName: 'c' })).rejects.toMatchObject({
      code: 'CC_SHIM_INVALID_OPTIONS',
      message: 'peerAddress must be host:port: "127.0.0.1" has no port (give host:port, e.g. 127.0.0.1:7052)',
    });
    await expect(
      startChaincode(noop, { peerAddress: 'x:1', chaincodeIdName: 'c', reconnectTimeoutMs: -5 }),
    ).rejects.toMatchObject({
      code: 'CC_SHIM_INVALID_OPTIONS',
      message: expect.stringMatching(/^reconnectTimeoutMs must be/),
    });
    await expect(
      startChaincode(noop, { peerAddress: 'x:1', chaincodeIdName: 'c', requestTimeoutMs: 0 }),
    ).rejects.toThrow('requestTimeoutMs must be a positive integer, got 0');
    await expect(
      startChaincode(noop, { peerAddress: 'x:1', chaincodeIdName: 'c', maxConcurrentTransactions: 0 }),
    ).rejects.toMatchObject({
      code: 'CC_SHIM_INVALID_OPTIONS',
      message: 'maxConcurrentTransactions must be a positive integer, got 0',
    });
    await expect(startChaincode(noop, { peerAddress: '', chaincodeIdName: 'c' })).rejects.toThrow(
      'peerAddress is required',
    );
    pair = { stop: async () => undefined } as Pair;
  });

  it('ends with a reason when the peer is unreachable: ready rejects, closed resolves', async () => {
    const raw = await RawPeer.start();
    const address = raw.address;
    await raw.stop();
    const session = await startChaincode(noop, { peerAddress: address, chaincodeIdName: 'cc', connectTimeoutMs: 400 });
    await expect(session.ready).rejects.toMatchObject({ name: 'ConnectionError', code: 'CC_SHIM_PEER_UNREACHABLE' });
    const reason = await session.closed;
    expect(reason).toMatchObject({ kind: 'failed', status: 14 });
    expect(reason.reason).toMatch(
      new RegExp(
        `^could not register chaincode cc with the peer at ${address.replace(/\./g, '\\.')} within 400 ms \\(\\d+ attempts?\\): the stream to the peer failed: UNAVAILABLE \\(14\\)`,
      ),
    );
    expect(reason.error).toBeInstanceOf(ConnectionError);
    pair = { stop: async () => undefined } as Pair;
  });
});

describe('message shapes', () => {
  it('puts txid and channel on every request, matching the transaction', async () => {
    const table = new FunctionTable();
    const pair = await startPair(table, { peer: { capabilities: false } });
    try {
      const recorder = recordMessages(pair);
      const fn = table.add(async (stub) => {
        await stub.getState('a');
        await stub.putState('b', 'c');
      });
      const result = await pair.peer.submit(pair.name, [fn]);
      const mine = recorder.messages.filter((m: ChaincodeMessage) => m.txid === result.txId);
      expect(mine.map((m) => m.type)).toEqual([MessageType.GET_STATE, MessageType.PUT_STATE, MessageType.COMPLETED]);
      expect(mine.every((m) => m.channelId === 'mychannel')).toBe(true);
    } finally {
      await pair.stop();
    }
  });
});
