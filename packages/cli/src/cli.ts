import yargs, { type Argv } from 'yargs';
import { devCommand } from './commands/dev/command';
import { initCommand } from './commands/init/command';
import { invokeCommand, queryCommand } from './commands/invoke/command';
import { metadataCommand } from './commands/metadata/command';
import { packageCommand } from './commands/package/command';
import { serverCommand } from './commands/server/command';
import { startCommand } from './commands/start/command';
import { typesCommand } from './commands/types/command';
import type { CliInput } from './context';
import { cliVersion } from './cli-version';
import { UsageError } from './usage-error';

/**
 * The `cc` command line as a configured yargs instance that never exits the process:
 * `await createCli(input).parseAsync()` runs one command and rejects with its reason. Parsing
 * problems (unknown flag, missing argument, conflicting flags) reject with a UsageError; the bin
 * turns any rejection into a one-line message and an exit code.
 */
export function createCli(input: CliInput): Argv {
  const ctx = input;
  return yargs([...input.argv])
    .scriptName('cc')
    .parserConfiguration({ 'dot-notation': false })
    .usage('$0 <command> [options]')
    .command(startCommand(ctx))
    .command(serverCommand(ctx))
    .command(metadataCommand(ctx))
    .command(initCommand(ctx))
    .command(packageCommand(ctx))
    .command(devCommand(ctx))
    .command(invokeCommand(ctx))
    .command(queryCommand(ctx))
    .command(typesCommand(ctx))
    .option('verbose', { type: 'boolean', describe: 'show stack traces of errors', global: true })
    .demandCommand(1, 'Name a command (cc --help lists them)')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .alias('v', 'version')
    .version(cliVersion())
    .wrap(100)
    .exitProcess(false)
    .showHelpOnFail(false)
    .fail((message: string | undefined, err: Error | undefined) => {
      if (err !== undefined) throw err;
      throw new UsageError(message ?? 'invalid command line');
    });
}

/**
 * Run one command line: parse, run the command, and write help/version text to stdout. Resolves
 * when the command is done; rejects with its reason.
 */
export async function runCli(input: CliInput): Promise<void> {
  await createCli(input).parseAsync([...input.argv], {}, (_err: Error | undefined, _argv: unknown, output: string) => {
    if (output !== '') input.stdout.write(output.endsWith('\n') ? output : output + '\n');
  });
}
