import type { Argv, CommandModule } from 'yargs';
import type { CliContext } from '../../context';
import { TEMPLATE_NAMES, type TemplateName } from './template-dir';

/** `cc init <dir>`: a new contract project from a template. */
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
        }),
    handler: async (argv) => {
      const template = argv.template as TemplateName;
      const { initProject, nextSteps } = await import('./init');
      const result = await initProject(ctx, {
        dir: String(argv.dir),
        template,
        name: optionalString(argv.name),
        version: optionalString(argv.version),
        author: optionalString(argv.author),
        license: optionalString(argv.license),
      });
      ctx.stdout.write(nextSteps(ctx, result, template));
    },
  };
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
