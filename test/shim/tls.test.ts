import * as grpc from '@grpc/grpc-js';
import { DevPeer } from '@chaincode/dev-peer';
import { serveChaincode, Shim, startChaincode, type ChaincodeServer } from '@chaincode/shim';
import { FunctionTable, quietLogs, startPair, text, waitFor } from './harness';

const table = new FunctionTable();
const hello = table.add(async (stub) => {
  await stub.putState('hello', 'world');
  return Buffer.from(`hello from ${stub.getChannelID()}`);
});

let logs: string[];
beforeEach(() => {
  logs = [];
  quietLogs(logs);
});

describe('client mode', () => {
  it('connects to a TLS peer and serves transactions', async () => {
    const pair = await startPair(table, { peer: { tls: true } });
    try {
      const result = await pair.peer.submit(pair.name, [hello]);
      expect([result.status, text(result.payload)]).toEqual([200, 'hello from mychannel']);
      expect(text(pair.peer.getState(pair.name, 'hello'))).toBe('world');
    } finally {
      await pair.stop();
    }
  });

  it('fails the stream (never READY) when the TLS root certificate is not the peer CA', async () => {
    const peer = await DevPeer.start({ tls: true });
    const other = await DevPeer.start({ tls: true });
    try {
      const session = await startChaincode(table, {
        peerAddress: peer.address,
        chaincodeIdName: 'wrongca',
        tls: { rootCert: other.tlsRootCert!, serverNameOverride: 'localhost' },
        connectTimeoutMs: 500,
      });
      await expect(session.ready).rejects.toMatchObject({ code: 'CC_SHIM_PEER_UNREACHABLE' });
      const end = await session.closed;
      expect(end.reason).toMatch(
        /^could not register chaincode wrongca .* within 500 ms \(\d+ attempts?\): the stream to the peer failed: UNAVAILABLE \(14\): .*certificate/,
      );
      expect(end.reason).not.toContain('Resolution note');
    } finally {
      await peer.stop();
      await other.stop();
    }
  });
});

describe('server mode (chaincode as a service)', () => {
  let peer: DevPeer;
  let server: ChaincodeServer | undefined;
  beforeEach(async () => {
    peer = await DevPeer.start();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await peer.stop();
  });

  function serverIdentity(): { key: Buffer; cert: Buffer; ca: Buffer } {
    const id = peer.ca.createIdentity({ commonName: 'localhost' });
    return {
      key: Buffer.from(id.privateKey),
      cert: Buffer.from(id.certificate),
      ca: Buffer.from(peer.ca.caCertificate()),
    };
  }

  it('serves plain Chaincode.Connect, REGISTERs with the ccid, and logs one line when listening', async () => {
    logs = [];
    quietLogs(logs);
    const { configureLogging } = await import('@chaincode/shim');
    configureLogging({ shimLevel: 'info' });
    server = await serveChaincode(table, { address: '127.0.0.1:0', ccid: 'basic_1.0:abc123' });
    configureLogging({ shimLevel: 'warning' });
    expect(server.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(server.address.endsWith(':0')).toBe(false);
    expect(logs.filter((l) => l.includes('listening'))).toHaveLength(1);
    expect(logs.find((l) => l.includes('listening'))).toContain(server.address);

    await peer.connectToChaincode('basic', { address: server.address });
    const result = await peer.submit('basic', [hello]);
    expect([result.status, text(result.payload)]).toEqual([200, 'hello from mychannel']);
    expect(server.sessions.size).toBe(1);
  });

  it('serves several connections at once (a second peer, a reconnect)', async () => {
    server = await serveChaincode(table, { address: '127.0.0.1:0', ccid: 'cc:1' });
    const second = await DevPeer.start();
    try {
      await peer.connectToChaincode('cc', { address: server.address });
      await second.connectToChaincode('cc', { address: server.address });
      expect(server.sessions.size).toBe(2);
      const [a, b] = await Promise.all([peer.submit('cc', [hello]), second.submit('cc', [hello])]);
      expect([a.status, b.status]).toEqual([200, 200]);
      peer.connection('cc').close();
      await peer.connectToChaincode('cc2', { address: server.address });
      expect((await peer.submit('cc2', [hello])).status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('forgets a connection when its peer goes away, and keeps listening', async () => {
    server = await serveChaincode(table, { address: '127.0.0.1:0', ccid: 'cc:1' });
    const leaving = await DevPeer.start();
    await leaving.connectToChaincode('cc', { address: server.address });
    await peer.connectToChaincode('cc', { address: server.address });
    expect(server.sessions.size).toBe(2);
    const [first] = [...server.sessions];
    await leaving.stop();
    await waitFor(() => server!.sessions.size === 1, 3000, 'the connection to be forgotten');
    expect((await first!.closed).reason.length).toBeGreaterThan(0);
    expect((await peer.submit('cc', [hello])).status).toBe(200);
  });

  it('serves over TLS', async () => {
    const { key, cert, ca } = serverIdentity();
    server = await serveChaincode(table, { address: '127.0.0.1:0', ccid: 'cc:1', tls: { key, cert } });
    await peer.connectToChaincode('tlscc', {
      address: server.address,
      tls: { rootCert: ca, serverNameOverride: 'localhost' },
    });
    expect((await peer.submit('tlscc', [hello])).status).toBe(200);
  });

  it('requires a client certificate from the given CA with mutual TLS', async () => {
    const { key, cert, ca } = serverIdentity();
    server = await serveChaincode(table, {
      address: '127.0.0.1:0',
      ccid: 'cc:1',
      tls: { key, cert, clientCACerts: ca },
    });
    const client = peer.ca.createIdentity({ commonName: 'peer0.org1.example.com' });
    await peer.connectToChaincode('mtls', {
      address: server.address,
      tls: {
        rootCert: ca,
        serverNameOverride: 'localhost',
        clientCert: Buffer.from(client.certificate),
        clientKey: Buffer.from(client.privateKey),
      },
    });
    expect((await peer.submit('mtls', [hello])).status).toBe(200);

    await expect(
      peer.connectToChaincode('nocert', {
        address: server.address,
        tls: { rootCert: ca, serverNameOverride: 'localhost' },
        timeoutMs: 3000,
      }),
    ).rejects.toThrow(/could not connect to chaincode nocert/);

    const stranger = await DevPeer.start();
    try {
      const foreign = stranger.ca.createIdentity({ commonName: 'intruder' });
      await expect(
        peer.connectToChaincode('foreign', {
          address: server.address,
          tls: {
            rootCert: ca,
            serverNameOverride: 'localhost',
            clientCert: Buffer.from(foreign.certificate),
            clientKey: Buffer.from(foreign.privateKey),
          },
          timeoutMs: 3000,
        }),
      ).rejects.toThrow(/could not connect to chaincode foreign/);
    } finally {
      await stranger.stop();
    }
    expect(server.sessions.size).toBe(1);
  });

  it("accepts fabric-shim's Shim.server(chaincode, {ccid, address, tlsProps}) shape", async () => {
    const { key, cert, ca } = serverIdentity();
    const legacy = Shim.server(table, { ccid: 'cc:1', address: '127.0.0.1:0', tlsProps: { key, cert } });
    await legacy.start();
    try {
      expect(legacy.address).toMatch(/^127\.0\.0\.1:\d+$/);
      await peer.connectToChaincode('legacy', {
        address: legacy.address!,
        tls: { rootCert: ca, serverNameOverride: 'localhost' },
      });
      expect((await peer.submit('legacy', [hello])).status).toBe(200);
    } finally {
      await legacy.close();
    }
  });

  it('refuses a port in use and an empty ccid with clear errors', async () => {
    server = await serveChaincode(table, { address: '127.0.0.1:0', ccid: 'cc:1' });
    grpc.setLogVerbosity(grpc.logVerbosity.NONE);
    try {
      await expect(serveChaincode(table, { address: server.address, ccid: 'cc:1' })).rejects.toMatchObject({
        name: 'ConnectionError',
        code: 'CC_SHIM_LISTEN_FAILED',
        message: `cannot listen on ${server.address}: the port is already in use`,
      });
    } finally {
      grpc.setLogVerbosity(grpc.logVerbosity.ERROR);
    }
    await expect(serveChaincode(table, { address: '127.0.0.1:0', ccid: '' })).rejects.toThrow('ccid is required');
    await expect(serveChaincode(table, { address: 'nonsense', ccid: 'cc:1' })).rejects.toMatchObject({
      code: 'CC_SHIM_INVALID_OPTIONS',
      message: 'address must be host:port: "nonsense" has no port (give host:port, e.g. 127.0.0.1:7052)',
    });
  });
});
