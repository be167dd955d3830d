import type { Argv, CommandModule } from 'yargs';
import type { CliContext } from '../../context';

/** `chaincode package <dir>`: a Fabric chaincode package with a stable package id. */
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
          bundle: {
            type: 'boolean',
            describe: 'node: put the installed production dependencies in the package (for peers without a registry)',
          },
          force: { type: 'boolean', describe: 'replace a different package already at the output path' },
        })
        .example('$0 package . --type ccaas', 'chaincode as a service, at the address in ./connection.json')
        .example('$0 package . --type node', 'sources for the peer to install and start')
        .example('$0 package . --type node --bundle', 'the same with node_modules, for a peer without registry access')
        .epilogue(
          'A node package leaves out what .chaincodeignore (gitignore syntax) names, on top of tests, coverage, ' +
            '.env files and editor folders; file: dependencies inside the project are shipped.',
        ),
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
        bundle: bool(argv.bundle),
        force: bool(argv.force),
      });
      for (const warning of result.warnings) ctx.stderr.write(`warning: ${warning}\n`);
      ctx.stdout.write(
        result.written
          ? `Wrote ${result.file} (${result.bytes.length} bytes)\n`
          : `${result.file} already holds this package (unchanged)\n`,
      );
      ctx.stdout.write(`Package id: ${result.packageId}\n`);
    },
  };
}
