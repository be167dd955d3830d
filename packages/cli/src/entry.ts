import { isChaincodeError } from '@chaincode/contract-api';
import { errorMessage } from '@chaincode/contract-api/internal';
import { isDebugLogging, processEnvironment } from '@chaincode/shim/command-options';
import { runCommandLine } from './cli';
import { UsageError } from './errors/cli-error';
import { describeLoadLocation } from './errors/load-location';

/** Exit codes of `chaincode`: 0 done, 1 the command failed, 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** The name errors are prefixed with. */
export const PROGRAM = 'chaincode';

/**
 * The process entry of the `chaincode` bin: the only code that reads process argv/env/stdio, wires
 * SIGINT/SIGTERM to a clean stop, and decides the exit code. A failure prints its reason
 * (`chaincode: <reason>`); `--verbose` or CORE_CHAINCODE_LOGGING_LEVEL=debug add the stack and causes.
 * Nothing here looks into argv by hand: yargs parses it once.
 */
export function runEntry(argv: readonly string[]): void {
  const controller = new AbortController();
  const stop = (): void => {
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const env = processEnvironment();
  const debugLogging = isDebugLogging(env);
  void runCommandLine({
    argv,
    cwd: process.cwd(),
    env,
    stdout: process.stdout,
    stderr: process.stderr,
    // read only by the command that asks (`chaincode dev`): touching process.stdin otherwise
    // could keep the process alive or steal the input of the shell
    get stdin(): NodeJS.ReadableStream {
      return process.stdin;
    },
    signal: controller.signal,
  }).then((outcome) => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    if (!outcome.failed) {
      process.exitCode = EXIT_OK;
      return;
    }
    process.stderr.write(describeFailure(outcome.error, outcome.verbose || debugLogging));
    process.exitCode = exitCodeOf(outcome.error);
  });
}

/** The exit code for a failed command. */
export function exitCodeOf(err: unknown): number {
  return err instanceof UsageError ? EXIT_USAGE : EXIT_FAILED;
}

/**
 * What the user reads when a command fails: the whole reason (yargs' reasons span several lines);
 * for a module that did not load, where; with `verbose`, the stack and the chain of causes.
 */
export function describeFailure(err: unknown, verbose: boolean): string {
  // every error of ours (CLI, shim, dev peer, contract API) is written for the user
  const expected = isChaincodeError(err);
  const message = errorMessage(err).trimEnd();
  let text = expected ? `${PROGRAM}: ${message}\n` : `${PROGRAM}: unexpected error: ${message}\n`;
  const location = describeLoadLocation(err);
  if (location !== undefined) text += withoutNamedPlace(location, message);
  if (err instanceof UsageError) text += `Run ${PROGRAM} --help (or ${PROGRAM} <command> --help) for usage.\n`;
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

/** The location's lines, less its `at file:line` when the message already names that place. */
function withoutNamedPlace(location: string, message: string): string {
  const [first = '', ...rest] = location.split('\n');
  const place = first.trim().replace(/^at /, '');
  const lines = message.includes(`(${place})`) ? rest : [first, ...rest];
  return lines.map((l) => `${l}\n`).join('');
}
