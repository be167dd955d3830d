import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { metadataGenerateOptions } from '../config/command-flags';
import { generateMetadata, generatedMetadataText } from './generate-metadata';
import { program, runProgram, type CommandIo } from './program';
import { serverCommand } from './server-command';
import { startCommand } from './start-command';

/**
 * `fabric-chaincode-node`, the drop-in bin of `@chaincode/shim`: the official `start`, `server` and
 * `metadata generate` commands with their flags, over the same code as `cc-start` and the CLI's
 * `start` / `server`. Like the official bin it tolerates flags it does not know. Rejects with the
 * reason of a failure; the bin entry prints it and sets the exit code.
 */
export async function runFabricChaincodeNodeCli(io: CommandIo): Promise<void> {
  const cli = program('fabric-chaincode-node')
    .command(startCommand(io))
    .command(serverCommand(io))
    .command('metadata <subcommand>', 'Command for handling metadata', (y: Argv) =>
      y
        .command(
          'generate',
          'Write the metadata of the contracts in the module to a file or stdout',
          (g: Argv) => g.options(metadataGenerateOptions),
          async (args) => {
            const result = await generateMetadata({
              // relative to the command's cwd, as `chaincode metadata generate` resolves them
              modulePath: resolve(io.cwd, typeof args['module-path'] === 'string' ? args['module-path'] : '.'),
              file: typeof args.file === 'string' && args.file !== '' ? resolve(io.cwd, args.file) : undefined,
            });
            io.stdout(generatedMetadataText(result));
          },
        )
        .demandCommand(1, 'Incorrect command: use metadata generate'),
    )
    .demandCommand(1, 'Name a command: start, server or metadata generate');
  await runProgram(cli, io);
}
