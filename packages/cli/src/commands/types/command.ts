import type { Argv, CommandModule } from 'yargs';
import type { CliInput } from '../../context';

/** `chaincode types`: the typed contract client's declaration of submit and evaluate transactions. */
export function typesCommand(ctx: CliInput): CommandModule {
  return {
    command: 'types',
    describe: "Write the declaration typing the dev peer's contract client (which transactions submit or evaluate)",
    builder: (y: Argv) =>
      y
        .option('module-path', {
          alias: 'p',
          type: 'string',
          describe: 'the contract package (default: the current directory)',
        })
        .option('entry', {
          type: 'string',
          describe: 'the module exporting the contracts, e.g. src/index.ts (default: package.json main)',
        })
        .option('out', {
          alias: 'o',
          type: 'string',
          describe: 'the declaration file (default: test/contract-transactions.d.ts in the package)',
        })
        .option('check', {
          type: 'boolean',
          describe: 'only check that the file is up to date (fails when it is missing or stale)',
        }),
    handler: async (argv) => {
      // loaded on use: the other commands need neither the dev peer nor the user's contracts
      const { runTypes } = await import('./types');
      await runTypes(ctx, {
        modulePath: typeof argv['module-path'] === 'string' ? argv['module-path'] : undefined,
        entry: typeof argv.entry === 'string' && argv.entry !== '' ? argv.entry : undefined,
        out: typeof argv.out === 'string' && argv.out !== '' ? argv.out : undefined,
        check: argv.check === true,
      });
    },
  };
}
