import { DevPeer } from '@chaincode/dev-peer';
import { MessageType, protos } from '@chaincode/shim/internal';
import { RawChaincode } from './support/raw-chaincode';
import { quietLogs } from './support/quiet-logs';

quietLogs();

describe('dev peer: REGISTER handshake', () => {
  let peer: DevPeer;
  const clients: RawChaincode[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await peer.stop();
  });

  async function register(name: string, rootCert?: Buffer): Promise<Awaited<ReturnType<typeof RawChaincode.register>>> {
    const result = await RawChaincode.register(peer.address, name, rootCert !== undefined ? { rootCert } : {});
    clients.push(result.cc);
    return result;
  }

  it('answers REGISTER with REGISTERED then READY carrying Fabric 3.1 core.yaml capabilities', async () => {
    peer = await DevPeer.start();
    expect(peer.address).toMatch(/^127\.0\.0\.1:\d+$/);
    const { registered, ready } = await register('cc1');
    expect(registered.type).toBe(MessageType.REGISTERED);
    expect(ready.type).toBe(MessageType.READY);
    const params = protos.ChaincodeAdditionalParams.decode(ready.payload);
    expect(params).toMatchObject({
      useWriteBatch: true,
      maxSizeWriteBatch: 1000,
      useGetMultipleKeys: true,
      maxSizeGetMultipleKeys: 1000,
    });
    await expect(peer.waitForChaincode('cc1')).resolves.toBeUndefined();
    expect(peer.chaincodes()).toEqual(['cc1']);
  });

  it('advertises configured capabilities, and an empty READY as a 2.x peer with capabilities: false', async () => {
    peer = await DevPeer.start({ capabilities: { useWriteBatch: false, maxSizeGetMultipleKeys: 7 } });
    const { ready } = await register('a');
    expect(protos.ChaincodeAdditionalParams.decode(ready.payload)).toMatchObject({
      useWriteBatch: false,
      maxSizeWriteBatch: 1000,
      useGetMultipleKeys: true,
      maxSizeGetMultipleKeys: 7,
    });
    await peer.stop();

    peer = await DevPeer.start({ capabilities: false });
    const second = await register('b');
    expect(second.ready.type).toBe(MessageType.READY);
    expect(second.ready.payload).toHaveLength(0);
  });

  it('refuses an empty chaincode name with ERROR and ends the stream', async () => {
    peer = await DevPeer.start();
    const cc = new RawChaincode(peer.address);
    clients.push(cc);
    cc.send({ type: MessageType.REGISTER, payload: protos.ChaincodeID.encode({ name: '' }).finish() });
    const reply = await cc.next();
    expect(reply.type).toBe(MessageType.ERROR);
    expect(Buffer.from(reply.payload).toString()).toContain('chaincodeID name is empty');
    const status = await cc.closed;
    expect(status.code).not.toBe(0);
    expect(peer.chaincodes()).toEqual([]);
  });

  it('refuses a message before REGISTER: ERROR, then the stream ends with the reason', async () => {
    peer = await DevPeer.start();
    const cc = new RawChaincode(peer.address);
    clients.push(cc);
    cc.send({ type: MessageType.GET_STATE, txid: 't1', channelId: 'mychannel', payload: new Uint8Array(0) });
    const reply = await cc.next();
    expect(reply.type).toBe(MessageType.ERROR);
    expect(Buffer.from(reply.payload).toString()).toBe(
      'error handling message, ending stream: [t1] Fabric side handler cannot handle message (GET_STATE) while in created state',
    );
    const status = await cc.closed;
    expect(status.details).toContain('cannot handle message (GET_STATE) while in created state');
  });

  it('refuses a second REGISTER on a ready stream and ends it; pending transactions fail', async () => {
    peer = await DevPeer.start();
    const { cc } = await register('cc1');
    cc.serve(() => undefined); // never answers
    const result = peer.submit('cc1', ['x']);
    await new Promise((r) => setTimeout(r, 50));
    cc.send({ type: MessageType.REGISTER, payload: protos.ChaincodeID.encode({ name: 'cc1' }).finish() });
    const reply = await cc.next((m) => m.type === MessageType.ERROR);
    expect(Buffer.from(reply.payload).toString()).toContain('cannot handle message (REGISTER) while in ready state');
    await cc.closed;
    const r = await result;
    expect(r.status).toBe(500);
    expect(r.message).toContain('chaincode stream terminated');
    expect(r.committed).toBe(false);
    expect(() => peer.connection('cc1')).toThrow(expect.objectContaining({ code: 'CC_DEVPEER_NOT_REGISTERED' }));
  });

  it('accepts KEEPALIVE in any state without answering, and sends KEEPALIVE when keepaliveMs is set', async () => {
    peer = await DevPeer.start({ keepaliveMs: 30 });
    const cc = new RawChaincode(peer.address);
    clients.push(cc);
    cc.send({ type: MessageType.KEEPALIVE });
    cc.send({ type: MessageType.REGISTER, payload: protos.ChaincodeID.encode({ name: 'k' }).finish() });
    expect((await cc.next()).type).toBe(MessageType.REGISTERED);
    expect((await cc.next()).type).toBe(MessageType.READY);
    const keepalive = await cc.next();
    expect(keepalive.type).toBe(MessageType.KEEPALIVE);
    cc.send(keepalive); // the shim's echo
    cc.serve((tx) => {
      tx.complete(200, 'alive');
    });
    const r = await peer.submit('k', ['f']);
    expect(r.status).toBe(200);
  });

  it('lets a chaincode re-registering the same name take over new transactions', async () => {
    peer = await DevPeer.start();
    const first = await register('cc');
    first.cc.serve((tx) => {
      tx.complete(200, 'first');
    });
    expect(Buffer.from((await peer.evaluate('cc', [])).payload).toString()).toBe('first');
    const second = await register('cc');
    second.cc.serve((tx) => {
      tx.complete(200, 'second');
    });
    expect(Buffer.from((await peer.evaluate('cc', [])).payload).toString()).toBe('second');
    first.cc.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(Buffer.from((await peer.evaluate('cc', [])).payload).toString()).toBe('second');
  });

  it('waitForChaincode waits for a later registration, and times out with a coded error', async () => {
    peer = await DevPeer.start();
    const waiting = peer.waitForChaincode('late', { timeoutMs: 2000 });
    await register('late');
    await expect(waiting).resolves.toBeUndefined();
    await expect(peer.waitForChaincode('never', { timeoutMs: 50 })).rejects.toMatchObject({
      code: 'CC_DEVPEER_TIMEOUT',
    });
  });

  it('throws a coded error for a transaction to a chaincode that is not registered', async () => {
    peer = await DevPeer.start();
    await expect(peer.submit('nope', [])).rejects.toMatchObject({ code: 'CC_DEVPEER_NOT_REGISTERED' });
  });

  it('serves TLS with a generated CA: a client trusting peer.tlsRootCert registers', async () => {
    peer = await DevPeer.start({ tls: true });
    expect(peer.tlsRootCert?.toString()).toContain('BEGIN CERTIFICATE');
    const { ready, cc } = await register('tls-cc', peer.tlsRootCert);
    expect(ready.type).toBe(MessageType.READY);
    cc.serve((tx) => {
      tx.complete(200, tx.args.join(','));
    });
    const r = await peer.submit('tls-cc', ['a', 'b']);
    expect(Buffer.from(r.payload).toString()).toBe('a,b');
  });

  it('rejects invalid options with a coded error', async () => {
    peer = await DevPeer.start();
    await expect(DevPeer.start({ pageSize: 0 })).rejects.toMatchObject({ code: 'CC_DEVPEER_INVALID_OPTIONS' });
    await expect(DevPeer.start({ host: '0.0.0.0' as '127.0.0.1' })).rejects.toMatchObject({
      code: 'CC_DEVPEER_INVALID_OPTIONS',
    });
  });
});
