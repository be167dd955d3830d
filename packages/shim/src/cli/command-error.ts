/** Stable codes for the reasons a chaincode command (start, server, metadata) stops. */
export type CommandErrorCode =
  | 'INVALID_OPTIONS'
  | 'MODULE_LOAD_FAILED'
  | 'NO_CONTRACTS'
  | 'PEER_UNREACHABLE'
  | 'PEER_REFUSED'
  | 'STREAM_ENDED'
  | 'ADDRESS_IN_USE'
  | 'INVALID_METADATA'
  | 'FILE_ERROR';

/**
 * A reason a command cannot go on, written for the person at the terminal: `message` is one line
 * that names what failed and, where there is one, what to do. The entry point prints it and picks
 * the exit code; the original error stays in `cause` for `--verbose`.
 */
export class CommandError extends Error {
  readonly code: CommandErrorCode;

  constructor(code: CommandErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CommandError';
    this.code = code;
  }
}

/** True for errors whose message is already fit for a user (no stack needed to understand it). */
export function isCommandError(err: unknown): err is CommandError {
  return err instanceof CommandError;
}

/** The message of any thrown value (errors from another realm included), on one line. */
export function reasonOf(err: unknown): string {
  let message: string;
  if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string') {
    message = (err as { message: string }).message;
  } else if (typeof err === 'string') {
    message = err;
  } else {
    message = String(err);
  }
  const line = (message.split('\n', 1)[0] ?? '').trim();
  return line === '' ? 'unknown error' : line;
}
