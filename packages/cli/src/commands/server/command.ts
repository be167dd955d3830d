import type { CommandModule } from 'yargs';
import { serverCommandOptions, serverTlsFlagProblem } from '@chaincode/shim';
import type { CliInput } from '../../context';
import { UsageError } from '../../errors/cli-error';

/** `cc server`: chaincode as a service, with the official `fabric-chaincode-node server` flags. */
export function serverCommand(ctx: CliInput): CommandModule {
  return {
    command: 'server',
    describe: 'Run the chaincode as a service: listen for the peer (--chaincode-address, --chaincode-id)',
    builder: (y) =>
      y
        .options(serverCommandOptions)
        .check((argv) => {
          const problem = serverTlsFlagProblem(argv);
          if (problem !== undefined) throw new UsageError(problem);
          return true;
        })
        .example('$0 server --chaincode-address 0.0.0.0:9999 --chaincode-id basic_1.0:5f1a...', 'plain')
        .example(
          '$0 server --chaincode-address 0.0.0.0:9999 --chaincode-id $CHAINCODE_ID --chaincode-tls-cert-file tls.crt --chaincode-tls-key-file tls.key --chaincode-tls-client-cacert-file peer-ca.crt',
          'mutual TLS',
        )
        .epilogue('Every flag can also come from a CORE_ variable, e.g. CORE_CHAINCODE_ADDRESS, CORE_CHAINCODE_ID.'),
    handler: async () => {
      const { runServerCommand } = await import('./server');
      await runServerCommand(ctx);
    },
  };
}
