import { resolve } from 'node:path';
import yargs, { type Argv } from 'yargs';
import { errorMessage } from '../errors/shim-error';
import {
  metadataGenerateOptions,
  serverCommandOptions,
  serverTlsFlagProblem,
  startCommandOptions,
} from './command-options';
import { argsAfterCommand } from './command-args';
import { CommandError } from './command-error';
import { generateMetadata, generatedMetadataText } from './generate-metadata';
import { packageVersion } from './package-version';
import { runServer } from './run-server';
import { runStart } from './run-start';

export interface FabricChaincodeNodeCliInput {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly signal?: AbortSignal;
}

/**
 * `fabric-chaincode-node`, the drop-in bin of `@chaincode/shim`: the official `start`, `server` and
 * `metadata generate` commands with their flags, over the same code as `cc start` / `cc server`.
 * Like the official bin it tolerates flags it does not know. Rejects with the reason of a failure;
 * the bin entry prints it and sets the exit code.
 */
export async function runFabricChaincodeNodeCli(input: FabricChaincodeNodeCliInput): Promise<void> {
  const { argv, env, cwd, signal } = input;
  await yargs()
    .scriptName('fabric-chaincode-node')
    .parserConfiguration({ 'dot-notation': false })
    .command(
      'start [options]',
      'Start the chaincode: dial the peer and register',
      (y: Argv) =>
        y
          .options(startCommandOptions)
          .usage('fabric-chaincode-node start --peer.address localhost:7051 --chaincode-id-name mycc'),
      async () => {
        await runStart({ argv: argsAfterCommand(argv, 'start'), env, cwd, signal });
      },
    )
    .command(
      'server [options]',
      'Start the chaincode as a server (chaincode as a service)',
      (y: Argv) =>
        y.options(serverCommandOptions).check((args) => {
          const problem = serverTlsFlagProblem(args);
          if (problem !== undefined) throw new CommandError('INVALID_OPTIONS', problem);
          return true;
        }),
      async () => {
        await runServer({ argv: argsAfterCommand(argv, 'server'), env, cwd, signal });
      },
    )
    .command('metadata <subcommand>', 'Command for handling metadata', (y: Argv) =>
      y
        .command(
          'generate [options]',
          'Write the metadata of the contracts in the module to a file or stdout',
          (g: Argv) => g.options(metadataGenerateOptions),
          async (args) => {
            const result = await generateMetadata({
              // relative to the command's cwd, as `cc metadata generate` resolves them
              modulePath: resolve(cwd, typeof args['module-path'] === 'string' ? args['module-path'] : '.'),
              file: typeof args.file === 'string' && args.file !== '' ? resolve(cwd, args.file) : undefined,
            });
            input.stdout(generatedMetadataText(result));
          },
        )
        .demandCommand(1, 'Incorrect command: use metadata generate'),
    )
    .demandCommand(1, 'Name a command: start, server or metadata generate')
    .help()
    .alias('v', 'version')
    .version(packageVersion(__dirname))
    .wrap(null)
    .exitProcess(false)
    .fail((message: string | undefined, err: Error | undefined) => {
      if (err !== undefined) throw err;
      throw new CommandError('INVALID_OPTIONS', message ?? 'invalid arguments');
    })
    .parseAsync([...argv], {}, (_err: Error | undefined, _parsed: unknown, output: string) => {
      if (output !== '') input.stdout(output + '\n');
    })
    .catch((err: unknown) => {
      if (err instanceof CommandError) throw err;
      throw err instanceof Error ? err : new Error(errorMessage(err));
    });
}
