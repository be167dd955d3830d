import yargs, { type Argv } from 'yargs';
import { UsageError } from '../errors/shim-error';
import { packageVersion } from './package-version';

/** What a command program reads and writes; the bin entry passes the process's, tests their own. */
export interface CommandIo {
  /** Arguments after the program name. */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  /** Stops a long-running command (start, server): SIGINT/SIGTERM in the bins. */
  readonly signal?: AbortSignal;
}

/**
 * A yargs program that never exits the process and parses each flag once: `dot-notation` off (so
 * `--peer.address` stays one flag, as in the official CLI), help and version, and every parsing
 * problem thrown as a `UsageError` (exit status 2 in the bins).
 */
export function program(name: string): Argv {
  return yargs()
    .scriptName(name)
    .parserConfiguration({ 'dot-notation': false })
    .help()
    .alias('h', 'help')
    .alias('v', 'version')
    .version(packageVersion())
    .wrap(null)
    .exitProcess(false)
    .showHelpOnFail(false)
    .fail((message: string | undefined, err: Error | undefined) => {
      // yargs reports its own parsing problems as a YError; anything else is the command's failure.
      if (err !== undefined && err.name !== 'YError') throw err;
      throw new UsageError(message ?? err?.message ?? 'invalid command line');
    });
}

/** Run a program over `io.argv`; help and version text go to `io.stdout`. Rejects with the command's reason. */
export async function runProgram(argv: Argv, io: CommandIo): Promise<void> {
  await argv.parseAsync([...io.argv], {}, (_err: Error | undefined, _parsed: unknown, output: string) => {
    if (output !== '') io.stdout(output.endsWith('\n') ? output : output + '\n');
  });
}
