import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { configureLogging } from '@chaincode/shim';
import { CliError } from '../../errors/cli-error';
import type { CliContext } from '../../context';
import { startControlServer } from './control-server';
import { runDevLine } from './dev-interpreter';
import { DevSession } from './dev-session';
import { renderResult } from './render-result';
import { removeSessionFile, writeSessionFile } from './session-file';
import { describeTransaction } from './transactions';

export interface DevOptions {
  /** Show the shim's own informational logs (default: warnings and errors only). */
  readonly verbose?: boolean;
  readonly modulePath?: string;
  readonly name?: string;
  /** Run these lines and exit (no prompt, no control endpoint). */
  readonly script?: string;
  /** Port of the control endpoint for `cc invoke` / `cc query` (0: any free port). */
  readonly port?: number;
}

/**
 * `cc dev`: the contract module on an embedded dev peer. With --script, runs the file's lines and
 * exits (non-zero when a line fails unexpectedly). Otherwise reads lines from stdin (a prompt on a
 * terminal) and serves `cc invoke` / `cc query` until stdin ends, `exit`, or the signal aborts.
 */
export async function runDev(ctx: CliContext, options: DevOptions): Promise<void> {
  const modulePath = resolve(ctx.cwd, options.modulePath ?? '.');
  if (options.verbose !== true) configureLogging({ shimLevel: 'warning' });
  const session = await DevSession.start(modulePath, options.name);
  const out = ctx.stdout;
  try {
    out.write(`Dev peer on ${session.peerAddress}: chaincode ${session.name} from ${modulePath}\n`);
    out.write(`Transactions:\n${session.transactions.map((t) => `  ${describeTransaction(t)}`).join('\n')}\n`);
    if (options.script !== undefined) {
      await runScript(ctx, session, resolve(ctx.cwd, options.script));
      return;
    }
    await runInteractive(ctx, session, modulePath, options.port ?? 0);
  } finally {
    await session.close();
  }
}

async function runScript(ctx: CliContext, session: DevSession, file: string): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError('CC_CLI_FILE_ERROR', `cannot read script ${file}: ${(err as Error).message}`, { cause: err });
  }
  const lines = text.split(/\r?\n/);
  let failed = 0;
  let run = 0;
  for (const line of lines) {
    if (ctx.signal?.aborted === true) break;
    if (line.trim() !== '' && !line.trim().startsWith('#')) run++;
    const outcome = await runDevLine(session, line, ctx.stdout);
    if (!outcome.ok) failed++;
    if (outcome.quit === true) break;
  }
  if (failed > 0) {
    throw new CliError('CC_CLI_TRANSACTION_FAILED', `${failed} of ${run} script lines failed unexpectedly (${file})`);
  }
  ctx.stdout.write(`Done: ${run} lines, all as expected.\n`);
}

async function runInteractive(ctx: CliContext, session: DevSession, modulePath: string, port: number): Promise<void> {
  const control = await startControlServer(session, port, (result) => {
    ctx.stdout.write(`\n[from cc ${result.kind === 'submit' ? 'invoke' : 'query'}]\n${renderResult(result)}`);
  });
  const sessionFile = await writeSessionFile(modulePath, { url: control.url, name: session.name, pid: process.pid });
  ctx.stdout.write(
    `Control endpoint ${control.url}: run \`cc invoke|query <Transaction> [args...]\` in ${modulePath}\n`,
  );
  try {
    if (ctx.stdin === undefined) {
      await waitForAbort(ctx.signal);
      return;
    }
    ctx.stdout.write(`Type help for commands, exit to stop.\n`);
    await readLines(ctx, session, ctx.stdin);
  } finally {
    await control.close();
    await removeSessionFile(sessionFile);
  }
}

async function readLines(ctx: CliContext, session: DevSession, input: NodeJS.ReadableStream): Promise<void> {
  const terminal = (input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input, output: terminal ? (ctx.stdout as NodeJS.WritableStream) : undefined, terminal });
  const stop = (): void => {
    rl.close();
  };
  ctx.signal?.addEventListener('abort', stop, { once: true });
  // on a terminal, readline takes Ctrl+C itself: treat it as exit
  rl.on('SIGINT', stop);
  try {
    if (terminal) rl.setPrompt('cc> ');
    rl.prompt();
    for await (const line of rl) {
      const outcome = await runDevLine(session, line, ctx.stdout).catch((err: unknown) => {
        ctx.stdout.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
        return { ok: false, quit: false };
      });
      if (outcome.quit === true) break;
      rl.prompt();
    }
  } finally {
    ctx.signal?.removeEventListener('abort', stop);
    rl.close();
  }
}

function waitForAbort(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal === undefined) return;
    if (signal.aborted) resolve();
    else
      signal.addEventListener(
        'abort',
        () => {
          resolve();
        },
        { once: true },
      );
  });
}
