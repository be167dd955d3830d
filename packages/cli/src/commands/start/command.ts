import type { CommandModule } from 'yargs';
import { startCommandOptions } from '@chaincode/shim';
import type { CliInput } from '../../context';

/**
 * `cc start` (and `cc-start`): the official `fabric-chaincode-node start` flags. Values, CORE_*
 * variables and defaults are resolved by the shim's options module from the raw arguments.
 */
export function startCommand(ctx: CliInput): CommandModule {
  return {
    command: 'start',
    describe: 'Start the chaincode: dial the peer (--peer.address) and serve its transactions',
    builder: (y) =>
      y
        .options(startCommandOptions)
        .example('$0 start --peer.address localhost:7052 --chaincode-id-name mycc:1.0', 'dev-mode peer')
        .epilogue('Every flag can also come from a CORE_ variable, e.g. CORE_PEER_ADDRESS, CORE_CHAINCODE_ID_NAME.'),
    handler: async () => {
      const { runStartCommand } = await import('./start');
      await runStartCommand(ctx);
    },
  };
}
