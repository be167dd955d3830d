import type { Argv, CommandModule } from 'yargs';
import { metadataGenerateOptions } from '@chaincode/shim/command-options';
import type { CliInput } from '../../context';

/** `chaincode metadata generate|validate`. */
export function metadataCommand(ctx: CliInput): CommandModule {
  return {
    command: 'metadata <subcommand>',
    describe: 'Generate or validate contract metadata',
    builder: (y: Argv) =>
      y
        .command({
          command: 'generate',
          describe: 'Print the metadata of the contracts in the module (or write it with --file)',
          builder: (g: Argv) => g.options(metadataGenerateOptions),
          handler: async (argv) => {
            const { runMetadataGenerate } = await import('./generate');
            await runMetadataGenerate(ctx, {
              file: typeof argv.file === 'string' ? argv.file : undefined,
              modulePath: typeof argv['module-path'] === 'string' ? argv['module-path'] : undefined,
            });
          },
        })
        .command({
          command: 'validate <file>',
          describe: 'Check a metadata JSON file against the contract metadata schema',
          builder: (v: Argv) => v.positional('file', { type: 'string', describe: 'metadata JSON file' }),
          handler: async (argv) => {
            const { runMetadataValidate } = await import('./validate');
            runMetadataValidate(ctx, String(argv.file));
          },
        })
        .demandCommand(1, 'Name a metadata command: generate or validate'),
    handler: () => undefined,
  };
}
