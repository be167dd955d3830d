import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline';
import { configureLogging } from '@chaincode/shim';
import { errorMessage } from '@chaincode/contract-api/internal';
import type { CliContext, TextSink } from '../../context';
import { CliError } from '../../errors/cli-error';
import { hasBuildScript, runBuild } from './build-step';
import { startControlServer } from './control-server';
import { runDevLine, type LineContext } from './dev-interpreter';
import { DevSession } from './dev-session';
import { watchProject } from './project-watcher';
import { renderResult } from './render-result';
import { claimSessionFile, newSessionSecret, releaseSessionFile } from './session-file';
import { describeTransaction } from './transactions';

export interface DevOptions {
  /** Show the shim's own logs, and the stack of a failing transaction (debug logging). */
  readonly verbose?: boolean;
  readonly modulePath?: string;
  readonly name?: string;
  /** Run these lines and exit (no prompt, no control endpoint). */
  readonly script?: string;
  /** Port of the control endpoint for `chaincode invoke` / `query` (0: any free port). */
  readonly port?: number;
  /** Rebuild (when the project has a build script) and redeploy on every saved change. */
  readonly watch?: boolean;
  /** Run the project's build script first (default true when it has one). */
  readonly build?: boolean;
  /** Keep the dev peer's ledger in this directory (relative to the working directory). */
  readonly dataDir?: string;
}

/**
 * `chaincode dev`: the contract module on an embedded dev peer. With --script, runs the file's lines
 * and exits (non-zero when a line fails unexpectedly). Otherwise reads lines from stdin (a prompt on
 * a terminal) and serves `chaincode invoke` / `query` until stdin ends, `exit`, a second Ctrl-C, or
 * the signal aborts; with --watch, each saved change rebuilds and redeploys, keeping the ledger.
 */
export async function runDev(ctx: CliContext, options: DevOptions): Promise<void> {
  const started = Date.now();
  const modulePath = resolve(ctx.cwd, options.modulePath ?? '.');
  // the dev peer runs in this process: its logs only when asked for
  if (options.verbose !== true) configureLogging({ shimLevel: 'warning' });
  const build = options.build !== false && hasBuildScript(modulePath);
  if (build) await buildOrFail(ctx, modulePath);
  const printer = new Printer(ctx.stdout);
  const session = await DevSession.start({
    modulePath,
    name: options.name,
    verbose: options.verbose,
    env: ctx.env,
    output: {
      write: (text: string) => {
        printer.print(text);
      },
    },
    execArgv: ctx.forkExecArgv,
    dataDir: options.dataDir === undefined ? undefined : resolve(ctx.cwd, options.dataDir),
  });
  try {
    ctx.stdout.write(`Dev peer on ${session.peerAddress}: chaincode ${session.name} from ${modulePath}\n`);
    ctx.stdout.write(`Transactions:\n${session.transactions.map((t) => `  ${describeTransaction(t)}`).join('\n')}\n`);
    if (options.script !== undefined) {
      await runScript(ctx, session, resolve(ctx.cwd, options.script));
      return;
    }
    ctx.stdout.write(
      `Ready in ${((Date.now() - started) / 1000).toFixed(1)} s, running as ${session.identity.label}.\n`,
    );
    const watcher = options.watch === true ? watchForChanges(ctx, session, modulePath, build, printer) : undefined;
    try {
      await runInteractive(ctx, session, modulePath, options.port ?? 0, printer);
    } finally {
      await watcher?.close();
    }
  } finally {
    await session.close();
  }
}

async function buildOrFail(ctx: CliContext, modulePath: string): Promise<void> {
  ctx.stdout.write('Building (npm run build) ...\n');
  const outcome = await runBuild(modulePath, ctx.env);
  if (!outcome.ok) {
    throw new CliError('CC_CLI_BUILD_FAILED', `npm run build failed in ${modulePath}:\n${outcome.output}`);
  }
}

async function runScript(ctx: CliContext, session: DevSession, file: string): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError('CC_CLI_FILE_ERROR', `cannot read script ${file}: ${errorMessage(err)}`, { cause: err });
  }
  const line: LineContext = { session, out: ctx.stdout, echo: true };
  let failed = 0;
  let run = 0;
  for (const text_ of text.split(/\r?\n/)) {
    if (ctx.signal?.aborted === true) break;
    if (text_.trim() !== '' && !text_.trim().startsWith('#')) run++;
    const outcome = await runDevLine(line, text_);
    if (!outcome.ok) failed++;
    if (outcome.quit === true) break;
  }
  if (failed > 0) {
    throw new CliError('CC_CLI_TRANSACTION_FAILED', `${failed} of ${run} script lines failed unexpectedly (${file})`);
  }
  ctx.stdout.write(`Done: ${run} lines, all as expected.\n`);
}

/**
 * Output that arrives while the prompt waits for a line (a transaction from another terminal, the
 * contract's own logs, a redeploy) is written above the prompt, which is then drawn again with
 * what was typed so far.
 */
class Printer {
  readonly #out: TextSink;
  #rl: Interface | undefined;
  #prompting = false;

  constructor(out: TextSink) {
    this.#out = out;
  }

  attach(rl: Interface | undefined): void {
    this.#rl = rl;
  }

  set prompting(value: boolean) {
    this.#prompting = value;
  }

  print(text: string): void {
    const rl = this.#rl;
    if (rl === undefined || !this.#prompting) {
      this.#out.write(text);
      return;
    }
    const stream = this.#out as NodeJS.WritableStream;
    clearLine(stream, 0);
    cursorTo(stream, 0);
    this.#out.write(text.endsWith('\n') ? text : `${text}\n`);
    rl.prompt(true);
  }

  prompt(): void {
    this.#prompting = true;
    this.#rl?.prompt();
  }
}

function watchForChanges(
  ctx: CliContext,
  session: DevSession,
  modulePath: string,
  build: boolean,
  printer: Printer,
): { close(): Promise<void> } {
  let chain = Promise.resolve();
  const state = { closed: false };
  const redeploy = async (paths: readonly string[]): Promise<void> => {
    const shown = paths.length > 3 ? `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more` : paths.join(', ');
    const started = Date.now();
    if (build) {
      printer.print(`[watch] ${shown} changed: rebuilding ...\n`);
      const outcome = await runBuild(modulePath, ctx.env);
      if (!outcome.ok) {
        printer.print(`[watch] the build failed; the running chaincode is unchanged:\n${outcome.output}\n`);
        return;
      }
    } else {
      printer.print(`[watch] ${shown} changed: redeploying ...\n`);
    }
    await session.whenIdle();
    if (state.closed) return;
    try {
      await session.deploy();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      printer.print(`[watch] redeployed in ${seconds} s, state kept (${session.transactions.length} transactions)\n`);
    } catch (err) {
      printer.print(`[watch] the new code does not start: ${errorMessage(err)}\n(fix it and save again)\n`);
    }
  };
  const watcher = watchProject(modulePath, (paths) => {
    chain = chain.then(() => redeploy(paths));
  });
  printer.print(`Watching ${modulePath}: saved changes ${build ? 'rebuild and ' : ''}redeploy the contract.\n`);
  return {
    close: async () => {
      state.closed = true;
      watcher.close();
      await chain;
    },
  };
}

async function runInteractive(
  ctx: CliContext,
  session: DevSession,
  modulePath: string,
  port: number,
  printer: Printer,
): Promise<void> {
  const secret = newSessionSecret();
  const control = await startControlServer(session, { port, secret }, (result) => {
    const from = result.kind === 'submit' ? 'invoke' : 'query';
    printer.print(`[from chaincode ${from}]\n${renderResult(result, { showIdentity: true })}`);
  });
  let sessionFile: string | undefined;
  try {
    const claim = await claimSessionFile(modulePath, {
      url: control.url,
      name: session.name,
      pid: process.pid,
      secret,
    });
    if ('heldBy' in claim) {
      await control.close();
      ctx.stdout.write(
        `Another chaincode dev (pid ${claim.heldBy.pid}) serves chaincode invoke/query for ${modulePath}; ` +
          'this session takes commands from this terminal only.\n',
      );
    } else {
      sessionFile = claim.file;
      ctx.stdout.write(`From another terminal in ${modulePath}: npx chaincode invoke|query <Transaction> [args...]\n`);
    }
    if (ctx.stdin === undefined) {
      await waitForAbort(ctx.signal);
      return;
    }
    ctx.stdout.write('Type help for commands, exit to stop.\n');
    await readLines(ctx, session, ctx.stdin, printer);
  } finally {
    await control.close();
    if (sessionFile !== undefined) await releaseSessionFile(sessionFile, secret);
  }
}

/** How soon a second Ctrl-C at an idle prompt exits. */
const DOUBLE_INTERRUPT_MS = 3000;

async function readLines(
  ctx: CliContext,
  session: DevSession,
  input: NodeJS.ReadableStream,
  printer: Printer,
): Promise<void> {
  const terminal = (input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input, output: terminal ? (ctx.stdout as NodeJS.WritableStream) : undefined, terminal });
  printer.attach(terminal ? rl : undefined);
  const stop = (): void => {
    rl.close();
  };
  ctx.signal?.addEventListener('abort', stop, { once: true });
  if (ctx.signal?.aborted === true) stop();
  let lastInterrupt = 0;
  // on a terminal readline takes Ctrl-C itself: cancel the running transaction, else exit on a second one
  rl.on('SIGINT', () => {
    if (session.busy) {
      ctx.stdout.write('^C cancelling: restarting the chaincode, nothing of the transaction is committed ...\n');
      session.cancel().catch((err: unknown) => {
        printer.print(`the chaincode does not start again: ${errorMessage(err)}\n`);
      });
      return;
    }
    if (Date.now() - lastInterrupt < DOUBLE_INTERRUPT_MS) {
      ctx.stdout.write('\n');
      rl.close();
      return;
    }
    lastInterrupt = Date.now();
    rl.write(null, { ctrl: true, name: 'u' }); // drop what was typed
    printer.print('(press Ctrl-C again to exit, or type exit)\n');
  });
  const line: LineContext = { session, out: ctx.stdout, echo: !terminal };
  try {
    if (terminal) rl.setPrompt('chaincode> ');
    printer.prompt();
    for await (const text of rl) {
      printer.prompting = false;
      lastInterrupt = 0;
      const outcome = await runDevLine(line, text);
      if (outcome.quit === true) break;
      printer.prompt();
    }
  } finally {
    ctx.signal?.removeEventListener('abort', stop);
    printer.attach(undefined);
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
