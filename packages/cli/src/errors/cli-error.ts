export type CliErrorCode =
  'INVALID_ARGUMENT' | 'FILE_ERROR' | 'TARGET_EXISTS' | 'NO_DEV_SESSION' | 'TRANSACTION_FAILED';

/** A reason one of the CLI's own commands (init, package, dev, invoke...) stops; one line. */
export class CliError extends Error {
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.code = code;
  }
}
