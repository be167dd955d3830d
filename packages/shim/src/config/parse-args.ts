import yargs from 'yargs';
import { InvalidOptionsError } from '../errors/shim-error';
import type { FlagTable } from './command-flags';
import type { ParsedArgs } from './option-source';

/**
 * Parse a command's own arguments (what follows `start` or `server`) with yargs and the same flag
 * table the commands use, tolerating unknown flags as fabric-shim does. For `Shim.start()` without
 * options, which reads the process's arguments itself; the commands parse inside their yargs
 * program and hand the result on.
 */
export function parseCommandArgs(argv: readonly string[], flags: FlagTable): ParsedArgs {
  try {
    return yargs()
      .parserConfiguration({ 'dot-notation': false })
      .options(flags)
      .help(false)
      .version(false)
      .exitProcess(false)
      .fail((message: string | undefined, err: Error | undefined) => {
        throw err ?? new InvalidOptionsError(message ?? 'invalid arguments');
      })
      .parseSync([...argv]);
  } catch (err) {
    if (err instanceof InvalidOptionsError) throw err;
    throw new InvalidOptionsError((err as Error).message, { cause: err });
  }
}
