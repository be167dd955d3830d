/** Stable codes of every error the dev peer throws at its caller. */
export const DevPeerErrorCode = {
  /** An option passed to `DevPeer.start` (or a method) is not valid. */
  InvalidOptions: 'DEVPEER_INVALID_OPTIONS',
  /** No chaincode is registered under that name. */
  NotRegistered: 'DEVPEER_NOT_REGISTERED',
  /** Waiting for a chaincode (registration, connection) took longer than allowed. */
  Timeout: 'DEVPEER_TIMEOUT',
  /** The peer was stopped. */
  Stopped: 'DEVPEER_STOPPED',
  /** Dialing a chaincode server (server mode) failed or the chaincode never registered. */
  ConnectFailed: 'DEVPEER_CONNECT_FAILED',
} as const;

export type DevPeerErrorCode = (typeof DevPeerErrorCode)[keyof typeof DevPeerErrorCode];

/** An error of the dev peer's programmatic API (never of the chaincode under test). */
export class DevPeerError extends Error {
  readonly code: DevPeerErrorCode;

  constructor(code: DevPeerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DevPeerError';
    this.code = code;
  }
}

/** The message of anything thrown, for error texts sent on the wire. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
