import { status as GrpcStatus } from '@grpc/grpc-js';

/**
 * How a stream (or a whole session) ended:
 * - `closed`: the chaincode closed it (`close()`);
 * - `ended`: the peer ended it without an error;
 * - `refused`: the peer answered the registration with an error;
 * - `timeout`: REGISTERED/READY did not arrive in time;
 * - `failed`: the transport failed (`status` holds the gRPC status when grpc-js gave one).
 */
export type DisconnectKind = 'closed' | 'ended' | 'refused' | 'timeout' | 'failed';

/** Why a stream or a session ended: one readable line, its kind, and the error when there was one. */
export interface DisconnectReason {
  readonly reason: string;
  readonly kind: DisconnectKind;
  /** The gRPC status code, when the transport reported one. */
  readonly status?: number;
  /** Why it failed: the transport's error for a stream; a `ConnectionError` for a session that gave up. */
  readonly error?: Error;
}

const STATUS_NAMES = GrpcStatus as unknown as Record<number, string | undefined>;

/** "UNAVAILABLE (14)"; the number alone for a code grpc-js does not name. */
export function statusName(code: number): string {
  const name = STATUS_NAMES[code];
  return name === undefined ? `status ${code}` : `${name} (${code})`;
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // grpc-js ends UNAVAILABLE details with "Resolution note: <note>", often with no note at all
  const trimmed = value.replace(/\.?\s*Resolution note:\s*$/, '').trim();
  return trimmed === '' || trimmed === 'undefined' ? undefined : trimmed;
}

/**
 * A stream's 'error' event as a reason. grpc-js's errors carry `code` and `details`; when a
 * received message fails one of its filters (a frame with the compressed flag set and no
 * negotiated grpc-encoding), it reports neither, and its message reads "undefined undefined:
 * undefined" — that case is named instead of echoed.
 */
export function streamFailure(error: unknown): DisconnectReason {
  const err = error instanceof Error ? error : new Error(String(error));
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'number') {
    const message = text(err.message);
    const readable = message !== undefined && !message.startsWith('undefined undefined');
    return {
      kind: 'failed',
      reason: readable
        ? `the stream to the peer failed: ${message}`
        : 'the stream to the peer failed with no gRPC status: grpc-js refused a message from the peer ' +
          '(typically one with the compressed flag set and no grpc-encoding agreed)',
      error: err,
    };
  }
  const details = text((error as { details?: unknown }).details);
  return {
    kind: 'failed',
    status: code,
    reason: `the stream to the peer failed: ${statusName(code)}${details === undefined ? '' : `: ${details}`}`,
    error: err,
  };
}
