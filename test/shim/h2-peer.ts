import * as http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import {
  decodeChaincodeMessage,
  encodeChaincodeMessage,
  MessageType,
  messageTypeName,
  type ChaincodeMessage,
  type ChaincodeMessageInit,
} from '@chaincode/shim/internal';

/**
 * A Fabric peer's ChaincodeSupport.Register written directly on node:http2, so that it can send
 * what no gRPC library would: a frame that is not protobuf, a frame with the compressed flag set,
 * a stream reset, a connection dropped without a word. Each Register call is one `H2PeerStream`.
 */
export class H2Peer {
  readonly streams: H2PeerStream[] = [];
  readonly #server: http2.Http2Server;
  readonly #sessions = new Set<http2.ServerHttp2Session>();
  readonly #autoHandshake: boolean;
  #waiters: (() => void)[] = [];
  address = '';

  private constructor(autoHandshake: boolean) {
    this.#autoHandshake = autoHandshake;
    this.#server = http2.createServer();
    this.#server.on('session', (session) => {
      this.#sessions.add(session);
      session.on('close', () => this.#sessions.delete(session));
      session.on('error', () => undefined);
    });
    this.#server.on('stream', (stream, headers) => {
      stream.on('error', () => undefined);
      if (headers[':path'] !== '/protos.ChaincodeSupport/Register') {
        stream.respond(
          { ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '12' },
          { endStream: true },
        );
        return;
      }
      const peerStream = new H2PeerStream(stream);
      this.streams.push(peerStream);
      if (this.#autoHandshake) void peerStream.handshake().catch(() => undefined);
      this.#notify();
    });
  }

  /** `autoHandshake`: answer every REGISTER with REGISTERED and READY (default true). */
  static async start(options: { port?: number; autoHandshake?: boolean } = {}): Promise<H2Peer> {
    const peer = new H2Peer(options.autoHandshake ?? true);
    await new Promise<void>((resolve) => peer.#server.listen(options.port ?? 0, '127.0.0.1', resolve));
    peer.address = `127.0.0.1:${(peer.#server.address() as AddressInfo).port}`;
    return peer;
  }

  get port(): number {
    return Number(this.address.split(':')[1]);
  }

  #notify(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }

  /** The n-th Register stream (1-based), once the chaincode opened it. */
  async stream(n: number, timeoutMs = 10000): Promise<H2PeerStream> {
    await until(
      () => this.streams.length >= n,
      timeoutMs,
      `Register stream #${n}`,
      (w) => this.#waiters.push(w),
    );
    return this.streams[n - 1]!;
  }

  /** Stop listening and drop every connection. */
  async stop(): Promise<void> {
    for (const session of this.#sessions) session.destroy();
    await new Promise<void>((resolve) =>
      this.#server.close(() => {
        resolve();
      }),
    );
  }
}

export class H2PeerStream {
  readonly received: ChaincodeMessage[] = [];
  readonly #stream: http2.ServerHttp2Stream;
  #buffer = Buffer.alloc(0);
  #waiters: (() => void)[] = [];
  #responded = false;

  constructor(stream: http2.ServerHttp2Stream) {
    this.#stream = stream;
    stream.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      while (this.#buffer.length >= 5) {
        const length = this.#buffer.readUInt32BE(1);
        if (this.#buffer.length < 5 + length) break;
        this.received.push(decodeChaincodeMessage(this.#buffer.subarray(5, 5 + length)));
        this.#buffer = this.#buffer.subarray(5 + length);
      }
      const waiters = this.#waiters;
      this.#waiters = [];
      for (const w of waiters) w();
    });
  }

  /** The n-th message (1-based) the chaincode sent on this stream. */
  async message(n: number, timeoutMs = 10000): Promise<ChaincodeMessage> {
    await until(
      () => this.received.length >= n,
      timeoutMs,
      `message #${n}`,
      (w) => this.#waiters.push(w),
    );
    return this.received[n - 1]!;
  }

  /** The first message of `type` the chaincode sent on this stream. */
  async first(type: MessageType, timeoutMs = 10000): Promise<ChaincodeMessage> {
    const found = (): ChaincodeMessage | undefined => this.received.find((m) => m.type === type);
    await until(
      () => found() !== undefined,
      timeoutMs,
      `a ${messageTypeName(type)}`,
      (w) => this.#waiters.push(w),
    );
    return found()!;
  }

  /** Wait for REGISTER, answer REGISTERED and READY. */
  async handshake(): Promise<void> {
    await this.first(MessageType.REGISTER);
    this.send({ type: MessageType.REGISTERED });
    this.send({ type: MessageType.READY });
  }

  #respond(): void {
    if (this.#responded) return;
    this.#responded = true;
    this.#stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
  }

  /** A well-formed gRPC message frame. */
  send(message: ChaincodeMessageInit): void {
    this.sendFrame(encodeChaincodeMessage(message));
  }

  /** Any bytes as one gRPC message frame; `compressed` sets the frame's compressed flag. */
  sendFrame(payload: Uint8Array, compressed = false): void {
    this.#respond();
    const header = Buffer.alloc(5);
    header.writeUInt8(compressed ? 1 : 0, 0);
    header.writeUInt32BE(payload.length, 1);
    this.#stream.write(Buffer.concat([header, payload]));
  }

  /** End the call with a gRPC status in the trailers. */
  end(status = 0, message = ''): void {
    this.#respond();
    this.#stream.once('wantTrailers', () => {
      this.#stream.sendTrailers({ 'grpc-status': String(status), 'grpc-message': encodeURIComponent(message) });
    });
    this.#stream.end();
  }

  /** Reset the HTTP/2 stream (RST_STREAM), as a proxy that gives up on it does. */
  reset(): void {
    this.#stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
  }

  /** Drop the whole connection without a word. */
  destroyConnection(): void {
    this.#stream.session?.destroy();
  }
}

async function until(
  done: () => boolean,
  timeoutMs: number,
  what: string,
  subscribe: (wake: () => void) => void,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(left, 50));
      subscribe(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
