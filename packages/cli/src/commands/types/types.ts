import { relative, resolve } from 'node:path';
import { DEFAULT_CONTRACT_TYPES_FILE, generateContractTypes } from '@chaincode/dev-peer';
import type { CliContext } from '../../context';

export interface TypesArgs {
  readonly modulePath?: string;
  readonly entry?: string;
  readonly out?: string;
  readonly check?: boolean;
}

/**
 * `chaincode types`: write (or `--check`) the declaration that tells the dev peer's typed
 * contract client which transactions of each contract submit and which only evaluate.
 */
export async function runTypes(ctx: CliContext, args: TypesArgs): Promise<void> {
  const modulePath = resolve(ctx.cwd, args.modulePath ?? '.');
  const result = await generateContractTypes({
    modulePath,
    ...(args.entry === undefined ? {} : { entry: args.entry }),
    out: resolve(ctx.cwd, args.out ?? resolve(modulePath, DEFAULT_CONTRACT_TYPES_FILE)),
    check: args.check === true,
  });
  const shown = relative(ctx.cwd, result.file) || result.file;
  const contracts = result.contracts.join(', ');
  const verb = result.status === 'written' ? 'wrote' : 'up to date:';
  ctx.stdout.write(`${verb} ${shown} (${contracts})\n`);
}
