import { status } from '@grpc/grpc-js';
import type { DisconnectReason } from './disconnect-reason';

/**
 * gRPC statuses that are the peer's answer rather than a failure on the way to it: an error
 * returned by the peer's stream handler (UNKNOWN), or an address that is no Fabric peer, or
 * refuses this client (UNIMPLEMENTED, UNAUTHENTICATED, PERMISSION_DENIED...).
 */
const ANSWERS: ReadonlySet<number> = new Set([
  status.UNKNOWN,
  status.INVALID_ARGUMENT,
  status.NOT_FOUND,
  status.ALREADY_EXISTS,
  status.PERMISSION_DENIED,
  status.FAILED_PRECONDITION,
  status.UNIMPLEMENTED,
  status.UNAUTHENTICATED,
]);

/**
 * Whether a first registration that ended this way is worth another attempt. A refusal
 * (ERROR during the handshake, or a status that is the peer's answer) is final: the same REGISTER
 * would be refused again. Transport failures (UNAVAILABLE, INTERNAL, a frame grpc-js could not
 * read...), a silent peer and a stream the peer just ended are retried until the connect timeout.
 * Once a session has been READY, every loss is retried (the peer may still hold the old stream).
 */
export function isRetryable(end: DisconnectReason): boolean {
  if (end.kind === 'refused' || end.kind === 'closed') return false;
  return end.status === undefined || !ANSWERS.has(end.status);
}
