import { rmSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import type { CliContext } from '../../context';
import { CliError } from '../../errors/cli-error';
import { TEMPLATE_NAMES, type TemplateName } from './template-dir';

/** `chaincode init <dir>`: a new contract project from a template. */
export function initCommand(ctx: CliContext): CommandModule {
  return {
    command: 'init <dir>',
    describe: 'Create a contract project from a template (contract, tests on the dev peer, Dockerfile)',
    builder: (y: Argv) =>
      y
        .version(false)
        .positional('dir', { type: 'string', describe: 'directory to create' })
        .options({
          template: {
            alias: 't',
            choices: TEMPLATE_NAMES,
            default: 'typescript',
            describe: 'project template',
          },
          name: { type: 'string', describe: 'package name (default: the directory name)' },
          version: { type: 'string', describe: 'package version (default 1.0.0)' },
          author: { type: 'string', describe: 'package author' },
          license: { type: 'string', describe: 'package license (default Apache-2.0)' },
          'from-clone': {
            type: 'boolean',
            describe:
              "depend on this clone's packages: build and pack them into <dir>/.chaincode/packages (no registry needed for them)",
          },
        })
        .example('$0 init my-contract', 'a TypeScript contract project')
        .example('npm run new -- ../my-contract', "from a clone of this repository: wired to the clone's packages"),
    handler: async (argv) => {
      const template = argv.template as TemplateName;
      const { initProject, nextSteps } = await import('./init');
      const { findClone, wireClonePackages } = await import('./from-clone');
      const clone = argv['from-clone'] === true ? findClone() : undefined;
      if (argv['from-clone'] === true && clone === undefined) {
        throw new CliError(
          'CC_CLI_NOT_A_CLONE',
          '--from-clone works only when chaincode runs from a clone of its repository (npm run new -- <dir> there)',
        );
      }
      const result = await initProject(ctx, {
        dir: String(argv.dir),
        template,
        name: optionalString(argv.name),
        version: optionalString(argv.version),
        author: optionalString(argv.author),
        license: optionalString(argv.license),
      });
      if (clone !== undefined) {
        try {
          await wireClonePackages(ctx, clone, result.dir);
        } catch (err) {
          // leave nothing half made: the directory held nothing of the user's (init checked)
          rmSync(result.dir, { recursive: true, force: true });
          throw err;
        }
      }
      ctx.stdout.write(nextSteps(ctx, result, template));
    },
  };
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
