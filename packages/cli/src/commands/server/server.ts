import { runServer } from '@chaincode/shim';
import type { CliInput } from '../../context';
import { shimCommandArgs } from '../shim-args';

/** Run `server` until the context's signal aborts (SIGINT/SIGTERM in the bin). */
export async function runServerCommand(ctx: CliInput): Promise<void> {
  await runServer({
    argv: shimCommandArgs(ctx.argv, 'server'),
    env: ctx.env,
    cwd: ctx.cwd,
    signal: ctx.signal,
  });
}
