import type { Argv, CommandModule } from 'yargs';
import type { CliContext } from '../../context';
import { UsageError } from '../../errors/cli-error';

function devClientCommand(ctx: CliContext, kind: 'submit' | 'evaluate'): CommandModule {
  const name = kind === 'submit' ? 'invoke' : 'query';
  return {
    command: `${name} [transaction] [args..]`,
    describe:
      kind === 'submit'
        ? 'Submit a transaction to the running chaincode dev session (commits)'
        : 'Evaluate a transaction in the running chaincode dev session (no commit)',
    builder: (y: Argv) =>
      y
        .positional('transaction', { type: 'string', describe: 'Name or Contract:Name' })
        .positional('args', {
          type: 'string',
          array: true,
          describe: 'arguments, as strings (after -- when one starts with -)',
        })
        .options({
          'module-path': {
            alias: 'p',
            type: 'string',
            describe: 'the project chaincode dev runs (default: current directory)',
          },
          ctor: {
            alias: 'c',
            type: 'string',
            describe:
              'the call as the peer CLI takes it: \'{"Args":["Fn","a1"]}\' or \'{"function":"Fn","Args":["a1"]}\'',
          },
          transient: {
            alias: 't',
            type: 'string',
            array: true,
            describe: 'transient data key=value (repeatable)',
          },
          as: { type: 'string', describe: "run as this identity: name or name@MSP (default: the session's)" },
        })
        .example(`$0 ${name} ReadAsset a1`, '')
        .example(`$0 ${name} -c '{"Args":["ReadAsset","a1"]}'`, 'the peer CLI form')
        .example(`$0 ${name} Mint alice -- -5`, 'an argument that starts with -')
        .parserConfiguration({ 'parse-positional-numbers': false, 'populate--': true }),
    handler: async (argv) => {
      const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
      const transient: Record<string, string> = {};
      for (const pair of strings(argv.transient)) {
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new UsageError(`--transient needs key=value, got "${pair}"`);
        transient[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      const positional = [
        ...(typeof argv.transaction === 'string' ? [argv.transaction] : []),
        ...strings(argv.args),
        ...strings(argv['--']),
      ];
      const { invokeDevSession } = await import('./invoke');
      const { parseChaincodeInput } = await import('../dev/chaincode-input');
      let call: { fcn: string; args: readonly string[] };
      if (typeof argv.ctor === 'string') {
        if (positional.length > 0) throw new UsageError('give the call either with -c or as arguments, not both');
        call = parseChaincodeInput(argv.ctor);
      } else {
        const [fcn, ...args] = positional;
        if (fcn === undefined)
          throw new UsageError(`name the transaction: chaincode ${name} <Transaction> [args..], or -c '<json>'`);
        call = { fcn, args };
      }
      await invokeDevSession(ctx, {
        kind,
        request: { ...call, transient, ...(typeof argv.as === 'string' ? { identity: argv.as } : {}) },
        modulePath: typeof argv['module-path'] === 'string' ? argv['module-path'] : undefined,
      });
    },
  };
}

/** `chaincode invoke <transaction> [args..]`. */
export function invokeCommand(ctx: CliContext): CommandModule {
  return devClientCommand(ctx, 'submit');
}

/** `chaincode query <transaction> [args..]`. */
export function queryCommand(ctx: CliContext): CommandModule {
  return devClientCommand(ctx, 'evaluate');
}
