import * as http2 from 'node:http2';
import type { ChaincodeInterface } from '@chaincode/contract-api';
import { DevPeer } from '@chaincode/dev-peer';
import { serveChaincode, Shim, type ChaincodeServer } from '@chaincode/shim';
import {
  decodeChaincodeMessage,
  encodeChaincodeMessage,
  MessageType,
  type ChaincodeMessage,
} from '@chaincode/shim/internal';
import { quietLogs, text, waitFor } from './harness';

// Server mode (chaincode as a service): one connection that breaks or stays silent ends alone;
// the server keeps serving the others.

const chaincode: ChaincodeInterface = {
  Init: () => Shim.success(),
  Invoke: (stub) => Shim.success(Buffer.from(stub.getTxID())),
};

/** A raw HTTP/2 client on Chaincode.Connect: the peer's side, able to misbehave. */
class RawConnect {
  readonly received: ChaincodeMessage[] = [];
  readonly closed: Promise<void>;
  readonly #session: http2.ClientHttp2Session;
  readonly #stream: http2.ClientHttp2Stream;
  #buffer = Buffer.alloc(0);

  constructor(address: string) {
    this.#session = http2.connect(`http://${address}`);
    this.#session.on('error', () => undefined);
    this.#stream = this.#session.request({
      ':method': 'POST',
      ':path': '/protos.Chaincode/Connect',
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    this.#stream.on('error', () => undefined);
    this.#stream.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      while (this.#buffer.length >= 5 && this.#buffer.length >= 5 + this.#buffer.readUInt32BE(1)) {
        const length = this.#buffer.readUInt32BE(1);
        this.received.push(decodeChaincodeMessage(this.#buffer.subarray(5, 5 + length)));
        this.#buffer = this.#buffer.subarray(5 + length);
      }
    });
    // the server ends the call with its trailers (our side stays open, so 'close' would wait for us)
    this.closed = new Promise((resolve) => {
      this.#stream.on('trailers', () => {
        resolve();
      });
      this.#stream.on('close', () => {
        resolve();
      });
    });
  }

  frame(payload: Uint8Array): void {
    const header = Buffer.alloc(5);
    header.writeUInt32BE(payload.length, 1);
    this.#stream.write(Buffer.concat([header, payload]));
  }

  close(): void {
    this.#session.destroy();
  }
}

let logs: string[];
let server: ChaincodeServer | undefined;
let peer: DevPeer | undefined;
let raw: RawConnect | undefined;

beforeEach(() => {
  logs = [];
  quietLogs(logs);
});

afterEach(async () => {
  raw?.close();
  raw = undefined;
  await peer?.stop();
  peer = undefined;
  await server?.close();
  server = undefined;
});

it('a connection that sends a frame that is not protobuf ends alone; another peer keeps being served', async () => {
  server = await serveChaincode(chaincode, { address: '127.0.0.1:0', ccid: 'cc:1' });
  peer = await DevPeer.start();
  await peer.connectToChaincode('good', { address: server.address });
  raw = new RawConnect(server.address);
  await waitFor(
    () => raw!.received.some((m) => m.type === MessageType.REGISTER),
    5000,
    'REGISTER on the raw connection',
  );
  expect(server.sessions.size).toBe(2);
  raw.frame(Buffer.from([0x0f, 0xff, 0xff]));
  await raw.closed;
  await waitFor(() => server!.sessions.size === 1, 5000, 'the broken connection to be forgotten');
  const r = await peer.submit('good', ['after']);
  expect([r.status, text(r.payload)]).toEqual([200, r.txId]);
});

it('a connection whose peer never completes the handshake is closed after connectTimeoutMs; the others stay', async () => {
  server = await serveChaincode(chaincode, { address: '127.0.0.1:0', ccid: 'cc:1', connectTimeoutMs: 300 });
  raw = new RawConnect(server.address);
  await waitFor(() => raw!.received.length === 1, 5000, 'REGISTER');
  raw.frame(encodeChaincodeMessage({ type: MessageType.REGISTERED }));
  peer = await DevPeer.start();
  await peer.connectToChaincode('good', { address: server.address });
  await raw.closed;
  await waitFor(() => server!.sessions.size === 1, 5000, 'the silent connection to be closed');
  expect(logs.some((l) => /no READY from the peer at .+ within 300 ms/.test(l))).toBe(true);
  expect((await peer.submit('good', ['x'])).status).toBe(200);
});

it('refuses a listen address without a port before binding, and a port in use with one clear error', async () => {
  await expect(serveChaincode(chaincode, { address: 'nonsense', ccid: 'cc:1' })).rejects.toMatchObject({
    code: 'CC_SHIM_INVALID_OPTIONS',
    message: 'address must be host:port: "nonsense" has no port (give host:port, e.g. 127.0.0.1:7052)',
  });
  server = await serveChaincode(chaincode, { address: '127.0.0.1:0', ccid: 'cc:1' });
  const legacy = Shim.server(chaincode, { ccid: 'cc:1', address: server.address });
  const errors: unknown[] = [];
  const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
  try {
    await expect(legacy.start()).rejects.toMatchObject({
      code: 'CC_SHIM_LISTEN_FAILED',
      message: `cannot listen on ${server.address}: the port is already in use`,
    });
  } finally {
    spy.mockRestore();
  }
  // Shim.server routes grpc-js's own "No address added..." line to the shim logger (debug)
  expect(errors).toEqual([]);
});
