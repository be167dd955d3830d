import type { Argv, CommandModule } from 'yargs';
import { serverCommandOptions } from '../config/command-flags';
import type { CommandIo } from './program';
import { runServer } from './run-server';

export const SERVER_EPILOGUE =
  'Every flag can also come from its CORE_ variable, e.g. CORE_CHAINCODE_ADDRESS, CORE_CHAINCODE_ID, ' +
  'CORE_CHAINCODE_TLS_CERT_FILE.';

/** The flags and help of `server`, on any yargs program. */
export function serverBuilder(y: Argv): Argv {
  return y.options(serverCommandOptions).epilogue(SERVER_EPILOGUE);
}

/** `server` as a yargs command: one parse, then `runServer` with what it parsed. */
export function serverCommand(io: CommandIo): CommandModule {
  return {
    command: 'server',
    describe: 'Run the chaincode as a service: listen for the peer (chaincode as a service)',
    builder: (y: Argv) =>
      serverBuilder(y).usage('$0 server --chaincode-address 0.0.0.0:9999 --chaincode-id label:hash'),
    handler: async (args) => {
      await runServer({ args, env: io.env, cwd: io.cwd, ...(io.signal === undefined ? {} : { signal: io.signal }) });
    },
  };
}
