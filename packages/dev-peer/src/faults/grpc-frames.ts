/** One gRPC length-prefixed message: the compressed flag and the message bytes. */
export interface GrpcFrame {
  readonly compressed: boolean;
  readonly payload: Buffer;
}

/** `payload` as one gRPC length-prefixed message, with the compressed flag as given. */
export function encodeFrame(payload: Uint8Array, compressed = false): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt8(compressed ? 1 : 0, 0);
  header.writeUInt32BE(payload.length, 1);
  return Buffer.concat([header, payload]);
}

/**
 * Splits the bytes of a gRPC stream into messages. Chunks are kept in a list until a whole message
 * is there, so a large message arriving in many chunks is copied once.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Add a chunk; returns the messages it completed. */
  push(chunk: Buffer): GrpcFrame[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: GrpcFrame[] = [];
    for (;;) {
      if (this.buffered < 5) break;
      const head = this.peek(5);
      const length = head.readUInt32BE(1);
      if (this.buffered < 5 + length) break;
      const bytes = this.take(5 + length);
      frames.push({ compressed: bytes[0] !== 0, payload: bytes.subarray(5) });
    }
    return frames;
  }

  /** The length announced by the message being received (0 when no header is complete yet). */
  pendingLength(): number {
    return this.buffered < 5 ? 0 : this.peek(5).readUInt32BE(1);
  }

  private peek(n: number): Buffer {
    if ((this.chunks[0]?.length ?? 0) < n) this.chunks = [Buffer.concat(this.chunks)];
    return (this.chunks[0] as Buffer).subarray(0, n);
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    const taken = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return taken;
  }
}
