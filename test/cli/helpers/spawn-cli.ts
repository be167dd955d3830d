import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export const repo = resolve(__dirname, '..', '..', '..');
const register = join(__dirname, 'register-sources.js');

/** The bins, run from their TypeScript sources (no build needed). */
export const BINS = {
  chaincode: join(repo, 'packages', 'cli', 'src', 'main.ts'),
  ccStart: join(repo, 'packages', 'shim', 'src', 'bin', 'cc-start.ts'),
  fabricChaincodeNode: join(repo, 'packages', 'shim', 'src', 'bin', 'fabric-chaincode-node.ts'),
};

export interface Child {
  readonly process: ChildProcess;
  /** Resolves with the exit code (or the signal name) and everything written. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  output(): string;
}

/** Spawn `node <bin> ...args` with an environment that has no CORE_* variables unless given. */
export function spawnBin(bin: string, args: string[], env: Record<string, string> = {}): Child {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CORE_')));
  const child = spawn(process.execPath, ['-r', register, bin, ...args], {
    cwd: repo,
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => {
      child.once('exit', (code, signal) => {
        // let the pipes drain
        setImmediate(() => {
          resolve({ code, signal, stdout, stderr });
        });
      });
    },
  );
  return { process: child, exited, output: () => stdout + stderr };
}

/** Kill a child if it is still running, and wait for it (afterEach safety net). */
export async function reap(child: Child | undefined): Promise<void> {
  if (child === undefined || child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGKILL');
  await child.exited;
}
