import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repo = resolve(__dirname, '..', '..', '..');
/** Lets `node` run this repository's TypeScript (the fixtures, and our bins from source). */
const register = join(repo, 'test', 'cli', 'helpers', 'register-sources.js');

export const BINS = {
  /** Our runtime's bin, from source. */
  ccStart: join(repo, 'packages', 'shim', 'src', 'bin', 'cc-start.ts'),
  /** The official bin (fabric-shim 2.5.8). */
  fabricChaincodeNode: join(repo, 'node_modules', 'fabric-shim', 'cli.js'),
};

export const FIXTURES = {
  ours: join(__dirname, '..', 'fixtures', 'ours'),
  official: join(__dirname, '..', 'fixtures', 'official'),
};

/** A chaincode process started the way a peer starts one. */
export class Child {
  readonly process: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private out = '';
  private total = 0;

  constructor(bin: string, args: string[], env: Record<string, string>) {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CORE_')));
    this.process = spawn(process.execPath, ['-r', register, bin, ...args], {
      cwd: repo,
      env: { ...clean, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (d: Buffer): void => {
      // the last 64 kB is enough to explain a failure
      const chunk = d.toString();
      this.total += chunk.length;
      this.out = (this.out + chunk).slice(-65536);
    };
    this.process.stdout?.on('data', keep);
    this.process.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code, signal) => {
        resolve({ code, signal });
      });
    });
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** 'exit 1', 'signal SIGKILL', or undefined while running. */
  get ended(): string | undefined {
    if (this.process.exitCode !== null) return `exit ${String(this.process.exitCode)}`;
    if (this.process.signalCode !== null) return `signal ${this.process.signalCode}`;
    return undefined;
  }

  /** What it wrote (stdout and stderr, the last 64 kB). */
  get output(): string {
    return this.out;
  }

  /** A mark for `outputSince`. */
  mark(): number {
    return this.total;
  }

  /** What it wrote after `mark` (within the last 64 kB). */
  outputSince(mark: number): string {
    return this.out.slice(Math.max(0, this.out.length - (this.total - mark)));
  }

  /** Resident set size in bytes (Linux /proc). */
  rss(): number {
    const status = readFileSync(`/proc/${String(this.process.pid)}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    if (kb === undefined) throw new Error(`no VmRSS for pid ${String(this.process.pid)}`);
    return Number(kb) * 1024;
  }

  /** SIGTERM, SIGKILL after a second; resolves once it is gone. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 1000);
    await this.exited;
    clearTimeout(timer);
  }
}
