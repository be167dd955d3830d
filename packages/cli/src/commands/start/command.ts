import type { CommandModule } from 'yargs';
import { startCommandOptions } from '@chaincode/shim/command-options';
import type { CliInput } from '../../context';

/**
 * `chaincode start`: the shim's `start` (what `cc-start` runs), with its flags. The command logic
 * lives in the shim and is loaded only when the command runs.
 */
export function startCommand(ctx: CliInput): CommandModule {
  return {
    command: 'start',
    describe: 'Start the chaincode: dial the peer (--peer.address) and serve its transactions',
    builder: (y) =>
      y
        .options(startCommandOptions)
        .example('$0 start --peer.address localhost:7052 --chaincode-id-name mycc:1.0', 'dev-mode peer')
        .epilogue('Every flag can also come from its CORE_ variable, e.g. CORE_PEER_ADDRESS, CORE_CHAINCODE_ID_NAME.'),
    handler: async (args) => {
      const { runStart } = await import('@chaincode/shim/internal');
      await runStart({ args, env: ctx.env, cwd: ctx.cwd, ...(ctx.signal === undefined ? {} : { signal: ctx.signal }) });
    },
  };
}
