import type { Argv, CommandModule } from 'yargs';
import { startCommandOptions } from '../config/command-flags';
import type { CommandIo } from './program';
import { runStart } from './run-start';

const START_FLAGS_EXAMPLE = '--peer.address localhost:7052 --chaincode-id-name mycc:1.0';
export const START_EPILOGUE =
  'Every flag can also come from its CORE_ variable: --peer.address from CORE_PEER_ADDRESS, ' +
  '--chaincode-id-name from CORE_CHAINCODE_ID_NAME, --connect-timeout-ms from CORE_CONNECT_TIMEOUT_MS...';

/** The flags and help of `start`, on any yargs program. */
export function startBuilder(y: Argv): Argv {
  return y.options(startCommandOptions).epilogue(START_EPILOGUE);
}

/** `start` as a yargs command: one parse, then `runStart` with what it parsed. */
export function startCommand(io: CommandIo, command = 'start'): CommandModule {
  return {
    command,
    describe: 'Start the chaincode: dial the peer, register, and serve its transactions',
    builder: (y: Argv) =>
      startBuilder(y).usage(command === '$0' ? `$0 ${START_FLAGS_EXAMPLE}` : `$0 start ${START_FLAGS_EXAMPLE}`),
    handler: async (args) => {
      await runStart({ args, env: io.env, cwd: io.cwd, ...(io.signal === undefined ? {} : { signal: io.signal }) });
    },
  };
}
