import type { ClientDuplexStream, ServerDuplexStream } from '@grpc/grpc-js';
import { status as GrpcStatus } from '@grpc/grpc-js';
import type { ChaincodeMessage, ChaincodeMessageInit } from '@chaincode/shim/internal';

/** The peer's view of one chaincode stream, whichever side dialed. */
export interface PeerStream {
  write(message: ChaincodeMessageInit): void;
  /** End the stream cleanly. */
  end(): void;
  /** End the stream with an error status carrying `details` (the peer's handler returned an error). */
  fail(details: string): void;
  /** Subscribe once: messages, then one close notification with a reason. */
  start(onMessage: (message: ChaincodeMessage) => void, onClose: (reason: string) => void): void;
}

type AnyDuplex =
  | ServerDuplexStream<ChaincodeMessage, ChaincodeMessageInit>
  | ClientDuplexStream<ChaincodeMessageInit, ChaincodeMessage>;

abstract class DuplexPeerStream implements PeerStream {
  protected ended = false;

  constructor(protected readonly call: AnyDuplex) {}

  write(message: ChaincodeMessageInit): void {
    if (this.ended || this.call.destroyed || !this.call.writable) return;
    try {
      this.call.write(message);
    } catch {
      // the stream is going away; its close handler ends pending work
    }
  }

  start(onMessage: (message: ChaincodeMessage) => void, onClose: (reason: string) => void): void {
    let closed = false;
    const close = (reason: string): void => {
      if (closed) return;
      closed = true;
      this.ended = true;
      onClose(reason);
    };
    this.call.on('data', (message: ChaincodeMessage) => {
      onMessage(message);
    });
    this.call.on('end', () => {
      this.end();
      close('stream ended by the chaincode');
    });
    this.call.on('error', (error: Error) => {
      close(`stream error: ${error.message}`);
    });
    this.call.on('close', () => {
      close('stream closed');
    });
    this.call.on('cancelled', () => {
      close('stream cancelled by the chaincode');
    });
  }

  abstract end(): void;
  abstract fail(details: string): void;
}

/** The peer's side of ChaincodeSupport.Register (client-mode chaincode). */
export class ServerPeerStream extends DuplexPeerStream {
  constructor(private readonly serverCall: ServerDuplexStream<ChaincodeMessage, ChaincodeMessageInit>) {
    super(serverCall);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    try {
      this.serverCall.end();
    } catch {
      // already gone
    }
  }

  fail(details: string): void {
    if (this.ended) return;
    this.ended = true;
    // grpc-js turns an 'error' event on a server stream into the call's final status.
    this.serverCall.emit('error', { code: GrpcStatus.UNKNOWN, details, name: 'Error', message: details });
  }
}

/** The peer's side of Chaincode.Connect (chaincode as a service: the peer dialed). */
export class ClientPeerStream extends DuplexPeerStream {
  constructor(private readonly clientCall: ClientDuplexStream<ChaincodeMessageInit, ChaincodeMessage>) {
    super(clientCall);
    // Without a listener an error status would be an unhandled 'error' event.
    clientCall.on('error', () => undefined);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    try {
      this.clientCall.end();
    } catch {
      // already gone
    }
    // The chaincode may never finish its side: do not keep the process alive for it.
    setTimeout(() => {
      this.clientCall.cancel();
    }, 100).unref();
  }

  fail(_details: string): void {
    if (this.ended) return;
    this.ended = true;
    this.clientCall.cancel();
  }
}
