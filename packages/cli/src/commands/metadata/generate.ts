import { resolve } from 'node:path';
import { generateMetadata, generatedMetadataText } from '@chaincode/shim/internal';
import type { CliContext } from '../../context';

/** `metadata generate`: JSON to stdout, or to a file (".json" added when it has no extension). */
export async function runMetadataGenerate(
  ctx: CliContext,
  args: { readonly file?: string; readonly modulePath?: string },
): Promise<void> {
  const result = await generateMetadata({
    modulePath: resolve(ctx.cwd, args.modulePath ?? '.'),
    file: args.file === undefined || args.file === '' ? undefined : resolve(ctx.cwd, args.file),
  });
  ctx.stdout.write(generatedMetadataText(result));
}
