import type { ChaincodeMessage, ChaincodeMessageInit } from '../wire/protos';
import { streamFailure, type DisconnectReason } from './disconnect-reason';
import type { ChaincodeMessageHandler } from './message-handler';

/** The chaincode's connection with the peer, as the application sees it. */
export interface ChaincodeSession {
  /**
   * Resolves once READY arrived (the peer sends transactions from then on); rejects when the
   * session ends first (a `ConnectionError` in client mode).
   */
  readonly ready: Promise<void>;
  /** Resolves (never rejects) when the session is over, with the reason. */
  readonly closed: Promise<DisconnectReason>;
  /** End the session cleanly; resolves when it is closed. */
  close(): Promise<void>;
}

/** The subset of a grpc-js duplex call (client or server side) the shim uses. */
export interface PeerStream {
  write(message: ChaincodeMessageInit): boolean;
  end(): void;
  on(event: 'data', listener: (message: ChaincodeMessage) => void): unknown;
  on(event: 'end' | 'close' | 'cancelled', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Wire a stream's events to a handler; the first event that ends the stream gives the reason. */
export function bindStream(stream: PeerStream, handler: ChaincodeMessageHandler): void {
  stream.on('data', (message) => {
    handler.handleMessage(message);
  });
  stream.on('error', (error) => {
    handler.handleStreamEnd(streamFailure(error));
  });
  stream.on('end', () => {
    handler.handleStreamEnd({ kind: 'ended', reason: 'the peer ended the stream' });
  });
  stream.on('close', () => {
    handler.handleStreamEnd({ kind: 'ended', reason: 'the stream closed' });
  });
  // Server side only: grpc-js ended the call without a clean end from the peer.
  stream.on('cancelled', () => {
    handler.handleStreamEnd({
      kind: 'failed',
      reason: 'the call was cancelled (the peer went away, or sent a message that could not be read)',
    });
  });
}

/** A session over one stream; `teardown` releases the transport once the stream has ended. */
export class StreamSession implements ChaincodeSession {
  readonly #handler: ChaincodeMessageHandler;
  readonly #stream: PeerStream;

  constructor(handler: ChaincodeMessageHandler, stream: PeerStream, teardown: () => void) {
    this.#handler = handler;
    this.#stream = stream;
    void handler.closed.then(() => {
      this.#endStream();
      teardown();
    });
  }

  get ready(): Promise<void> {
    return this.#handler.ready;
  }

  get closed(): Promise<DisconnectReason> {
    return this.#handler.closed;
  }

  /** The handler, for the shim's own use (state and capabilities in tests and logs). */
  get handler(): ChaincodeMessageHandler {
    return this.#handler;
  }

  /** End the stream for `reason` (e.g. the handshake took too long); resolves when it is closed. */
  async end(reason: DisconnectReason): Promise<void> {
    this.#handler.handleStreamEnd(reason);
    this.#endStream();
    await this.#handler.closed;
  }

  close(): Promise<void> {
    return this.end({ kind: 'closed', reason: 'closed by the chaincode' });
  }

  #endStream(): void {
    try {
      this.#stream.end();
    } catch {
      // already ended
    }
  }
}
