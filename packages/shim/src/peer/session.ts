import type { ChaincodeMessage, ChaincodeMessageInit } from '../wire/protos';
import type { ChaincodeMessageHandler, DisconnectReason } from './message-handler';

/** One stream to the peer, as the application sees it. */
export interface ChaincodeSession {
  /** Resolves once READY arrived (the peer sends transactions from then on); rejects when the stream ends first. */
  readonly ready: Promise<void>;
  /** Resolves (never rejects) when the stream ends, with the reason. */
  readonly closed: Promise<DisconnectReason>;
  /** End the stream cleanly; resolves when it is closed. */
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

/** Wire a stream's events to a handler. */
export function bindStream(stream: PeerStream, handler: ChaincodeMessageHandler): void {
  stream.on('data', (message) => {
    handler.handleMessage(message);
  });
  stream.on('end', () => {
    handler.handleStreamEnd('the peer ended the stream');
  });
  stream.on('error', (error) => {
    handler.handleStreamEnd(`stream error: ${error.message}`, error);
  });
  stream.on('close', () => {
    handler.handleStreamEnd('the stream closed');
  });
  // Server side only: the peer went away without ending the stream.
  stream.on('cancelled', () => {
    handler.handleStreamEnd('the peer cancelled the stream');
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
      try {
        stream.end();
      } catch {
        // already ended
      }
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

  async close(): Promise<void> {
    this.#handler.handleStreamEnd('closed by the chaincode');
    try {
      this.#stream.end();
    } catch {
      // already ended
    }
    await this.#handler.closed;
  }
}
