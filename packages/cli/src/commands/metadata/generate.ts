import { resolve } from 'node:path';
import { generateMetadata } from '@chaincode/shim';
import type { CliContext } from '../../context';

/** `metadata generate`: JSON to stdout, or to a file (".json" added when it has no extension). */
export async function runMetadataGenerate(
  ctx: CliContext,
  args: { readonly file?: string; readonly modulePath?: string },
): Promise<void> {
  const result = await generateMetadata({
    modulePath: resolve(ctx.cwd, args.modulePath ?? '.'),
    file: args.file === undefined ? undefined : resolve(ctx.cwd, args.file),
  });
  if (result.file === undefined) ctx.stdout.write(result.json + '\n');
  else ctx.stdout.write(`metadata written to ${result.file}\n`);
}
