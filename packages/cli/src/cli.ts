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
import { UsageError } from './errors/cli-error';

/**
 * The `chaincode` command line as a configured yargs instance that never exits the process:
 * `await createCli(input).parseAsync()` runs one command and rejects with its reason. Parsing
 * problems (unknown flag, missing argument, conflicting flags) reject with a UsageError. Each
 * command module declares its options only and imports its implementation when it runs, so
 * `chaincode --help` loads no command code.
 */
export function createCli(input: CliInput, parsed: { verbose: boolean } = { verbose: false }): Argv {
  const ctx = input;
  return yargs([...input.argv])
    .scriptName('chaincode')
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
    .middleware((argv) => {
      parsed.verbose = argv.verbose === true;
    }, true)
    .demandCommand(1, 'Name a command (chaincode --help lists them)')
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

/** How one command line went: its error (none when it succeeded), and whether --verbose was given. */
export type CommandLineOutcome =
  | { readonly failed: false; readonly verbose: boolean }
  | { readonly failed: true; readonly error: unknown; readonly verbose: boolean };

/** Run one command line and say how it went; help and version text go to stdout. Never rejects. */
export async function runCommandLine(input: CliInput): Promise<CommandLineOutcome> {
  const parsed = { verbose: false };
  try {
    await createCli(input, parsed).parseAsync(
      [...input.argv],
      {},
      (_err: Error | undefined, _argv: unknown, output: string) => {
        if (output !== '') input.stdout.write(output.endsWith('\n') ? output : output + '\n');
      },
    );
    return { failed: false, verbose: parsed.verbose };
  } catch (error) {
    return { failed: true, error, verbose: parsed.verbose };
  }
}

/** Run one command line: resolves when the command is done; rejects with its reason. */
export async function runCli(input: CliInput): Promise<void> {
  const outcome = await runCommandLine(input);
  if (outcome.failed) throw outcome.error;
}
