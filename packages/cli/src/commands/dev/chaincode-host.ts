import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { TextSink } from '../../context';
import { CliError } from '../../errors/cli-error';
import type { RunnerConfig, RunnerMessage } from './runner-protocol';

/** The contract, running in its own process, registered with the dev peer. */
export interface RunningChaincode {
  readonly metadata: unknown;
  /** Resolves when the process has exited (stopped, crashed or killed). */
  readonly exited: Promise<void>;
  /** Kill the process (SIGKILL: a transaction in flight fails, nothing of it is committed). */
  stop(): Promise<void>;
}

export interface HostOptions {
  readonly config: RunnerConfig;
  /** Where the contract's own output (console, logs) goes. */
  readonly output: TextSink;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Extra node arguments for the forked process (tests: a TypeScript loader). */
  readonly execArgv?: readonly string[];
  /** Bound on loading and registering. Default 30 s. */
  readonly timeoutMs?: number;
}

/** The runner next to this file: .js when built, .ts when run from the sources. */
const RUNNER = join(__dirname, `chaincode-runner${__filename.endsWith('.ts') ? '.ts' : '.js'}`);

/**
 * Fork the chaincode process and wait until it has registered with the peer (it reports `ready`),
 * or reject with why it could not: the module did not load (with where), it exited, or it took
 * longer than the bound.
 */
export function startChaincodeProcess(options: HostOptions): Promise<RunningChaincode> {
  const child: ChildProcess = fork(RUNNER, [JSON.stringify(options.config)], {
    execArgv: [...(options.execArgv ?? [])],
    env: { ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'json',
  });
  child.stdout?.on('data', (d: Buffer) => options.output.write(d.toString()));
  child.stderr?.on('data', (d: Buffer) => options.output.write(d.toString()));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  const timeoutMs = options.timeoutMs ?? 30000;
  return new Promise<RunningChaincode>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new CliError(
          'CC_CLI_CHAINCODE_EXITED',
          `the chaincode did not register with the dev peer within ${timeoutMs} ms`,
        ),
      );
    }, timeoutMs);
    child.on('message', (message: RunnerMessage) => {
      clearTimeout(timer);
      if (message.type === 'ready') {
        resolve({ metadata: message.metadata, exited, stop });
        return;
      }
      void stop(); // it failed to start: whatever the module left running goes with the process
      const where = message.location === undefined ? '' : `\n${message.location}`;
      reject(
        new CliError('CC_CLI_CHAINCODE_EXITED', `${message.message}${where}`, { cause: stackError(message.stack) }),
      );
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(
        new CliError('CC_CLI_CHAINCODE_EXITED', 'the chaincode process exited before it registered with the dev peer'),
      );
    });
  });
}

/** The child's stack, for --verbose. */
function stackError(stack: string | undefined): Error | undefined {
  if (stack === undefined) return undefined;
  const err = new Error(stack.split('\n', 1)[0] ?? '');
  err.stack = stack;
  return err;
}
