import type { CommandModule } from 'yargs';
import { serverCommandOptions } from '@chaincode/shim/command-options';
import type { CliInput } from '../../context';

/**
 * `chaincode server`: chaincode as a service, with the official `fabric-chaincode-node server`
 * flags. The command logic lives in the shim and is loaded only when the command runs.
 */
export function serverCommand(ctx: CliInput): CommandModule {
  return {
    command: 'server',
    describe: 'Run the chaincode as a service: listen for the peer (--chaincode-address, --chaincode-id)',
    builder: (y) =>
      y
        .options(serverCommandOptions)
        .example('$0 server --chaincode-address 0.0.0.0:9999 --chaincode-id basic_1.0:5f1a...', 'plain')
        .example(
          '$0 server --chaincode-address 0.0.0.0:9999 --chaincode-id $CHAINCODE_ID --chaincode-tls-cert-file tls.crt --chaincode-tls-key-file tls.key --chaincode-tls-client-cacert-file peer-ca.crt',
          'mutual TLS',
        )
        .epilogue('Every flag can also come from its CORE_ variable, e.g. CORE_CHAINCODE_ADDRESS, CORE_CHAINCODE_ID.'),
    handler: async (args) => {
      const { runServer } = await import('@chaincode/shim/internal');
      await runServer({
        args,
        env: ctx.env,
        cwd: ctx.cwd,
        ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
      });
    },
  };
}
