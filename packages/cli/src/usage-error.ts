/**
 * A command line that cannot run: unknown flag, missing argument, conflicting flags. Its message
 * is the one line the user sees.
 */
export class UsageError extends Error {
  readonly code = 'USAGE';

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
