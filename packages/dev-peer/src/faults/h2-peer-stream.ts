import * as http2 from 'node:http2';
import { decodeChaincodeMessage, encodeChaincodeMessage, type ChaincodeMessage } from '@chaincode/shim/internal';
import type { ChaincodeMessageInit } from '@chaincode/shim/internal';
import { errorMessage } from '@chaincode/contract-api/internal';
import type { PeerStream } from '../peer/peer-stream';
import { encodeFrame, FrameReader } from './grpc-frames';

/** gRPC status codes this stream sends (grpc-go's, as a Fabric peer sends them). */
const STATUS = { OK: 0, UNKNOWN: 2, RESOURCE_EXHAUSTED: 8, INTERNAL: 13 } as const;

/** What a fault needs beyond PeerStream: the bytes of the stream itself. */
export interface RawStreamControl {
  /** Any bytes as one gRPC message, with or without the compressed flag. */
  writeFrame(bytes: Uint8Array, compressed: boolean): void;
  /** End the call with this gRPC status and message. */
  endWithStatus(code: number, message: string): void;
  /** RST_STREAM the HTTP/2 stream. */
  reset(): void;
  /** Destroy the HTTP/2 connection that carries the stream. */
  disconnect(): void;
}

/**
 * One ChaincodeSupport.Register call served directly on node:http2 with gRPC's framing (what the
 * fault-injecting mode serves instead of grpc-js, so that a fault can write any bytes). It enforces
 * what grpc-go enforces on a Fabric peer's side: the message size limit, no compressed message
 * without an encoding, and well-formed protobuf; each failure ends the call with grpc-go's status.
 */
export class H2PeerStream implements PeerStream, RawStreamControl {
  private responded = false;
  private ended = false;
  private closeWith: ((reason: string) => void) | undefined;

  constructor(
    private readonly stream: http2.ServerHttp2Stream,
    private readonly maxReceiveBytes: number,
  ) {}

  write(message: ChaincodeMessageInit): void {
    this.writeFrame(encodeChaincodeMessage(message), false);
  }

  writeFrame(bytes: Uint8Array, compressed: boolean): void {
    if (this.ended || this.stream.destroyed) return;
    this.respond();
    this.stream.write(encodeFrame(bytes, compressed));
  }

  end(): void {
    this.endWithStatus(STATUS.OK, '');
  }

  fail(details: string): void {
    this.endWithStatus(STATUS.UNKNOWN, details);
  }

  endWithStatus(code: number, message: string): void {
    if (this.ended || this.stream.destroyed) return;
    this.ended = true;
    const trailers = { 'grpc-status': String(code), 'grpc-message': encodeURIComponent(message) };
    try {
      if (!this.responded) {
        this.responded = true;
        this.stream.respond({ ':status': 200, 'content-type': 'application/grpc', ...trailers }, { endStream: true });
        return;
      }
      this.stream.once('wantTrailers', () => {
        this.stream.sendTrailers(trailers);
      });
      this.stream.end();
    } catch {
      // the stream went away meanwhile; its close event ends the handler
    }
  }

  /** End the call with a status as a fault: the handler learns that its stream is gone. */
  terminate(code: number, message: string): void {
    this.endWithStatus(code, message);
    this.closeWith?.(`stream ended by the peer with status ${String(code)}`);
  }

  reset(): void {
    this.ended = true;
    this.stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
    this.closeWith?.('stream reset by the peer');
  }

  disconnect(): void {
    this.ended = true;
    this.stream.session?.destroy();
    this.closeWith?.('connection dropped by the peer');
  }

  start(onMessage: (message: ChaincodeMessage) => void, onClose: (reason: string) => void): void {
    let closed = false;
    const close = (reason: string): void => {
      if (closed) return;
      closed = true;
      this.ended = true;
      onClose(reason);
    };
    this.closeWith = close;
    const failWith = (code: number, reason: string): void => {
      this.endWithStatus(code, reason);
      close(reason);
    };
    const reader = new FrameReader();
    this.stream.on('data', (chunk: Buffer) => {
      if (closed) return;
      for (const frame of reader.push(chunk)) {
        if (this.ended) return;
        if (frame.payload.length > this.maxReceiveBytes) {
          failWith(STATUS.RESOURCE_EXHAUSTED, this.tooLarge(frame.payload.length));
          return;
        }
        if (frame.compressed) {
          failWith(STATUS.INTERNAL, 'grpc: compressed flag set with identity or empty encoding');
          return;
        }
        let message: ChaincodeMessage;
        try {
          message = decodeChaincodeMessage(frame.payload);
        } catch (error) {
          failWith(STATUS.INTERNAL, `grpc: failed to unmarshal the received message: ${errorMessage(error)}`);
          return;
        }
        onMessage(message);
      }
      // Refuse an oversized message as soon as its header announces it, not after buffering it.
      if (reader.pendingLength() > this.maxReceiveBytes)
        failWith(STATUS.RESOURCE_EXHAUSTED, this.tooLarge(reader.pendingLength()));
    });
    this.stream.on('end', () => {
      this.end();
      close('stream ended by the chaincode');
    });
    this.stream.on('aborted', () => {
      close('stream cancelled by the chaincode');
    });
    this.stream.on('error', (error: Error) => {
      close(`stream error: ${error.message}`);
    });
    this.stream.on('close', () => {
      close('stream closed');
    });
  }

  private tooLarge(length: number): string {
    return `grpc: received message larger than max (${String(length)} vs. ${String(this.maxReceiveBytes)})`;
  }

  private respond(): void {
    if (this.responded) return;
    this.responded = true;
    this.stream.respond(
      { ':status': 200, 'content-type': 'application/grpc', 'grpc-accept-encoding': 'identity' },
      { waitForTrailers: true },
    );
  }
}
