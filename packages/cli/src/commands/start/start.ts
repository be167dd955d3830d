import { runStart } from '@chaincode/shim';
import type { CliInput } from '../../context';
import { shimCommandArgs } from '../shim-args';

/** Run `start` with the raw arguments after the command name (options are the shim's business). */
export async function runStartCommand(ctx: CliInput): Promise<void> {
  await runStart({
    argv: shimCommandArgs(ctx.argv, 'start'),
    env: ctx.env,
    cwd: ctx.cwd,
    signal: ctx.signal,
    retry: ctx.retry,
  });
}
