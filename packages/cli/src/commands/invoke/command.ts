import type { Argv, CommandModule } from 'yargs';
import type { CliContext } from '../../context';
import { UsageError } from '../../errors/cli-error';

function devClientCommand(ctx: CliContext, kind: 'submit' | 'evaluate'): CommandModule {
  const name = kind === 'submit' ? 'invoke' : 'query';
  return {
    command: `${name} <transaction> [args..]`,
    describe:
      kind === 'submit'
        ? 'Submit a transaction to the running cc dev session (commits)'
        : 'Evaluate a transaction in the running cc dev session (no commit)',
    builder: (y: Argv) =>
      y
        .positional('transaction', { type: 'string', describe: 'Name or Contract:Name' })
        .positional('args', { type: 'string', array: true, describe: 'arguments, as strings' })
        .options({
          'module-path': {
            alias: 'p',
            type: 'string',
            describe: 'the project cc dev runs (default: current directory)',
          },
          url: { type: 'string', describe: 'control endpoint of cc dev (default: from .cc-dev.json)' },
          transient: {
            alias: 't',
            type: 'string',
            array: true,
            describe: 'transient data key=value (repeatable)',
          },
        })
        .parserConfiguration({ 'parse-positional-numbers': false }),
    handler: async (argv) => {
      const args = Array.isArray(argv.args) ? (argv.args as unknown[]).map(String) : [];
      const transient: Record<string, string> = {};
      for (const pair of Array.isArray(argv.transient) ? (argv.transient as unknown[]).map(String) : []) {
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new UsageError(`--transient needs key=value, got "${pair}"`);
        transient[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      const { invokeDevSession } = await import('./invoke');
      await invokeDevSession(ctx, {
        kind,
        fcn: String(argv.transaction),
        args,
        transient,
        modulePath: typeof argv['module-path'] === 'string' ? argv['module-path'] : undefined,
        url: typeof argv.url === 'string' ? argv.url : undefined,
      });
    },
  };
}

/** `cc invoke <transaction> [args..]`. */
export function invokeCommand(ctx: CliContext): CommandModule {
  return devClientCommand(ctx, 'submit');
}

/** `cc query <transaction> [args..]`. */
export function queryCommand(ctx: CliContext): CommandModule {
  return devClientCommand(ctx, 'evaluate');
}
