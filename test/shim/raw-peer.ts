import * as grpc from '@grpc/grpc-js';
import { chaincodeSupportService, type ChaincodeMessage, type ChaincodeMessageInit } from '@chaincode/shim/internal';

/**
 * A scripted peer at the gRPC boundary, for handshake orders a real peer never produces: it accepts
 * one Register stream and lets the test send any message and read what the chaincode sent.
 */
export class RawPeer {
  readonly received: ChaincodeMessage[] = [];
  #server: grpc.Server;
  #call: grpc.ServerDuplexStream<ChaincodeMessage, ChaincodeMessageInit> | undefined;
  #waiters: (() => void)[] = [];
  address = '';

  private constructor(server: grpc.Server) {
    this.#server = server;
  }

  static async start(): Promise<RawPeer> {
    const server = new grpc.Server();
    const peer = new RawPeer(server);
    server.addService(chaincodeSupportService, {
      register: (call: grpc.ServerDuplexStream<ChaincodeMessage, ChaincodeMessageInit>) => {
        peer.#call = call;
        call.on('data', (message: ChaincodeMessage) => {
          peer.received.push(message);
          peer.#notify();
        });
        call.on('error', () => undefined);
        peer.#notify();
      },
    });
    const port = await new Promise<number>((resolve, reject) => {
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => {
        if (error === null) resolve(bound);
        else reject(error);
      });
    });
    peer.address = `127.0.0.1:${String(port)}`;
    return peer;
  }

  #notify(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }

  send(message: ChaincodeMessageInit): void {
    if (this.#call === undefined) throw new Error('no chaincode connected');
    this.#call.write(message);
  }

  /** Wait for the n-th message (1-based count) from the chaincode. */
  async waitForCount(count: number, timeoutMs = 5000): Promise<ChaincodeMessage> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for message #${String(count)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received[count - 1]!;
  }

  /** End the stream from the peer's side. */
  end(): void {
    this.#call?.end();
  }

  async stop(): Promise<void> {
    this.#call?.end();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.#server.forceShutdown();
        resolve();
      }, 500);
      this.#server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
