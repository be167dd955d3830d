import { spawn } from 'node:child_process';
import { packageJsonOrEmpty } from '../../project/package-json';

/** How a project build went: its output is kept for when it failed. */
export interface BuildOutcome {
  readonly ok: boolean;
  readonly output: string;
  readonly ms: number;
}

/** True when the project's package.json has a `build` script (a TypeScript project, usually). */
export function hasBuildScript(projectDir: string): boolean {
  const { scripts } = packageJsonOrEmpty(projectDir) as { scripts?: Record<string, unknown> };
  return typeof scripts?.build === 'string';
}

/** Run the project's `npm run build`, bounded in time (a build that hangs is stopped). */
export function runBuild(
  projectDir: string,
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs = 120000,
): Promise<BuildOutcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'build', '--silent'], {
      cwd: projectDir,
      env: { ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      output += `\n(the build took longer than ${timeoutMs / 1000} s and was stopped)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, output: `cannot run npm: ${err.message}`, ms: Date.now() - started });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, output: output.trim(), ms: Date.now() - started });
    });
  });
}
