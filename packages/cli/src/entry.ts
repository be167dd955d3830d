import { isCommandError } from '@chaincode/shim/internal';
import { CliError } from './cli-error';
import { runCli } from './cli';
import { UsageError } from './usage-error';

/** Exit codes of `cc`: 0 done, 1 the command failed, 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * The process entry shared by the `cc` and `cc-start` bins: the only code that reads process
 * argv/env/stdio, wires SIGINT/SIGTERM to a clean stop, and decides the exit code. Errors are one
 * line (`cc: <reason>`); `--verbose` adds the stack and causes.
 */
export function runEntry(argv: readonly string[]): void {
  const controller = new AbortController();
  const stop = (): void => {
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const verbose = argv.includes('--verbose');
  runCli({
    argv,
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    // only `cc dev` reads input; touching process.stdin otherwise could keep the process alive
    stdin: argv.includes('dev') ? process.stdin : undefined,
    signal: controller.signal,
  }).then(
    () => {
      process.exitCode = EXIT_OK;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
    (err: unknown) => {
      process.stderr.write(describeFailure(err, verbose));
      process.exitCode = exitCodeOf(err);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  );
}

/** The exit code for a rejection of `runCli`. */
export function exitCodeOf(err: unknown): number {
  return err instanceof UsageError ? EXIT_USAGE : EXIT_FAILED;
}

/** One line for the user; with `verbose`, the stack and the chain of causes too. */
export function describeFailure(err: unknown, verbose: boolean): string {
  const expected = err instanceof UsageError || err instanceof CliError || isCommandError(err);
  const message = err instanceof Error ? err.message : String(err);
  const firstLine = message.split('\n', 1)[0] ?? message;
  let text = expected ? `cc: ${firstLine}\n` : `cc: unexpected error: ${firstLine}\n`;
  if (err instanceof UsageError) text += 'Run cc --help (or cc <command> --help) for usage.\n';
  if (verbose) {
    let current: unknown = err;
    while (current instanceof Error) {
      text += `${current.stack ?? current.message}\n`;
      current = current.cause;
      if (current !== undefined) text += 'Caused by: ';
    }
  } else if (!expected) {
    text += 'Run again with --verbose for details.\n';
  }
  return text;
}
