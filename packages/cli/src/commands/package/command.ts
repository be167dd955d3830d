import type { Argv, CommandModule } from 'yargs';
import type { CliContext } from '../../context';

/** `cc package <dir>`: a Fabric chaincode package with a stable package id. */
export function packageCommand(ctx: CliContext): CommandModule {
  return {
    command: 'package <dir>',
    describe: 'Write a Fabric chaincode package (.tar.gz) for peer lifecycle chaincode install',
    builder: (y: Argv) =>
      y
        .positional('dir', { type: 'string', describe: 'the contract project' })
        .options({
          type: { choices: ['ccaas', 'node'] as const, demandOption: true, describe: 'package type' },
          label: { type: 'string', describe: 'package label (default <name>_<version> from package.json)' },
          output: { alias: 'o', type: 'string', describe: 'output file (default <label>.tar.gz)' },
          address: { type: 'string', describe: 'ccaas: host:port where the peer dials the service' },
          'dial-timeout': { type: 'string', describe: 'ccaas: connection timeout (default 10s)' },
          'tls-required': { type: 'boolean', describe: 'ccaas: the service uses TLS' },
          'root-cert': { type: 'string', describe: 'ccaas: PEM file of the CA of the service certificate' },
          'client-auth': { type: 'boolean', describe: 'ccaas: the service requires a client certificate' },
          'client-key': { type: 'string', describe: 'ccaas with --client-auth: PEM key the peer presents' },
          'client-cert': { type: 'string', describe: 'ccaas with --client-auth: PEM certificate the peer presents' },
        })
        .example('$0 package . --type ccaas --address asset-cc:9999', 'chaincode as a service')
        .example('$0 package . --type node', 'sources for the peer to build'),
    handler: async (argv) => {
      const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
      const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
      const { packageChaincode } = await import('./package');
      const result = await packageChaincode(ctx, {
        dir: String(argv.dir),
        type: argv.type === 'node' ? 'node' : 'ccaas',
        label: str(argv.label),
        output: str(argv.output),
        address: str(argv.address),
        dialTimeout: str(argv['dial-timeout']),
        tlsRequired: bool(argv['tls-required']),
        rootCert: str(argv['root-cert']),
        clientAuth: bool(argv['client-auth']),
        clientKey: str(argv['client-key']),
        clientCert: str(argv['client-cert']),
      });
      for (const warning of result.warnings) ctx.stderr.write(`warning: ${warning}\n`);
      ctx.stdout.write(`Wrote ${result.file} (${result.bytes.length} bytes)\n`);
      ctx.stdout.write(`Package id: ${result.packageId}\n`);
    },
  };
}
