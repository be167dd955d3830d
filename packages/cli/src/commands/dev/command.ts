import type { Argv, CommandModule } from 'yargs';
import type { CliContext } from '../../context';

/** `chaincode dev`: run the contract on an embedded dev peer and try its transactions. */
export function devCommand(ctx: CliContext): CommandModule {
  return {
    command: 'dev',
    describe:
      'Run the contract on an embedded dev peer and try its transactions (prompt, script, chaincode invoke/query)',
    builder: (y: Argv) =>
      y
        .options({
          'module-path': { alias: 'p', type: 'string', describe: 'the contract package (default: current directory)' },
          name: { type: 'string', describe: 'chaincode name (default: package.json name)' },
          script: { type: 'string', describe: 'run the lines of this file, then exit' },
          watch: {
            alias: 'w',
            type: 'boolean',
            describe: 'rebuild and redeploy on every saved change (the ledger is kept)',
          },
          build: {
            type: 'boolean',
            default: true,
            describe: 'run the project\'s "build" script first, when it has one (--no-build: do not)',
          },
          'data-dir': {
            type: 'string',
            describe: 'keep the ledger in this directory (LevelDB) across sessions (default: in memory)',
          },
          port: { type: 'number', default: 0, describe: 'port of the 127.0.0.1 endpoint for chaincode invoke/query' },
        })
        .example('$0 dev --watch', 'prompt; try "list", then a transaction; save a file to redeploy')
        .example('$0 dev --script transactions.txt', 'scripted run')
        .example('$0 dev --data-dir .ledger', 'the ledger of the last session, kept on disk'),
    handler: async (argv) => {
      const { runDev } = await import('./dev');
      await runDev(ctx, {
        modulePath: typeof argv['module-path'] === 'string' ? argv['module-path'] : undefined,
        name: typeof argv.name === 'string' ? argv.name : undefined,
        script: typeof argv.script === 'string' ? argv.script : undefined,
        port: typeof argv.port === 'number' ? argv.port : 0,
        watch: argv.watch === true,
        build: argv.build !== false,
        verbose: argv.verbose === true,
        dataDir: typeof argv['data-dir'] === 'string' ? argv['data-dir'] : undefined,
      });
    },
  };
}
