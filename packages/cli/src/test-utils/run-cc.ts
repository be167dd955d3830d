import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../cli';
import type { CliInput } from '../context';
import { describeFailure, exitCodeOf } from '../entry';

/** Helpers for tests that run `chaincode` in process through the CLI factory. */
export const repo = resolve(__dirname, '..', '..', '..', '..');
export const jsTemplate = join(repo, 'templates', 'javascript');
export const fixtures = join(__dirname, '..', '__fixtures__');

export interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: unknown;
}

export async function cc(argv: string[], extra: Partial<CliInput> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  try {
    const input: CliInput = {
      argv,
      cwd: repo,
      env: {},
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
    };
    // keep getters of `extra` as getters (a test may count reads of stdin)
    await runCli(Object.defineProperties(input, Object.getOwnPropertyDescriptors(extra)));
    return { stdout, stderr };
  } catch (error) {
    return { stdout, stderr, error };
  }
}

/** The one line a user would see, and the exit code. */
export function failure(run: Run): { line: string; code: number } {
  expect(run.error).toBeDefined();
  return { line: describeFailure(run.error, false).split('\n')[0] ?? '', code: exitCodeOf(run.error) };
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) =>
    server.close(() => {
      r();
    }),
  );
  return port;
}

/** A fresh temporary directory for every test of the file (removed after each); read it through the getter. */
export function useTempDir(prefix = 'cc-cli-'): () => string {
  let dir: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => {
    if (dir === undefined) throw new Error('useTempDir: read the directory inside a test');
    return dir;
  };
}
