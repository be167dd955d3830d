import { errorMessage } from '@chaincode/contract-api/internal';
import { UsageError } from '../errors/shim-error';
import type { CommandIo } from '../commands/program';
import { isCommandError } from '../commands/user-error';
import { isDebugLogging, processEnvironment } from '../config/process-environment';

/** Exit status of the shim's bins: 0 done or stopped by a signal, 1 failed, 2 wrong command line. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export function exitCodeOf(err: unknown): number {
  return err instanceof UsageError ? EXIT_USAGE : EXIT_FAILED;
}

/**
 * What the user sees when a command fails: `<bin>: <reason>` (every line of it). Our own errors
 * need nothing more; anything else is unexpected and gets its stack. `debug` (the logging level
 * is DEBUG) adds the stacks and causes of every error.
 */
export function describeFailure(bin: string, err: unknown, debug: boolean): string {
  const expected = isCommandError(err);
  let text = `${bin}: ${expected ? '' : 'unexpected error: '}${errorMessage(err)}\n`;
  if (err instanceof UsageError) text += `Run ${bin} --help for its flags.\n`;
  if (debug || !expected) {
    for (let current: unknown = err, depth = 0; current instanceof Error && depth < 8; depth++) {
      text += `${depth === 0 ? '' : 'Caused by: '}${current.stack ?? current.message}\n`;
      current = current.cause;
    }
  }
  return text;
}

/**
 * The process side of a bin, and the only code of the shim's commands that touches `process`:
 * argv, environment, working directory, SIGINT/SIGTERM as a clean stop, and the exit status
 * (`process.exitCode`, as the CLI's entry does: nothing here ends the process).
 */
export function runMain(bin: string, run: (io: CommandIo) => Promise<void>): void {
  const controller = new AbortController();
  const stop = (): void => {
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const finish = (code: number): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    // the process ends when the command has closed what it opened; the status is all we set
    process.exitCode = code;
  };
  const env = processEnvironment();
  run({
    argv: process.argv.slice(2),
    env,
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    signal: controller.signal,
  }).then(
    () => {
      finish(EXIT_OK);
    },
    (err: unknown) => {
      process.stderr.write(describeFailure(bin, err, isDebugLogging(env)));
      finish(exitCodeOf(err));
    },
  );
}
