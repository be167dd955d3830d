// Chaincode processes of the benchmark: spawned with the probe preloaded, pinned to their own core
// when taskset exists, asked for their CPU time and memory over IPC, and stopped.
import { execFileSync, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** ms on the system-wide monotonic clock, which the probe in each chaincode process reads too. */
export function monotonicMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}
const PROBE = join(here, '..', 'probe', 'probe.cjs');

/** The driver runs on CPU 0, every chaincode process on CPU 1 (when there are two and taskset exists). */
export const DRIVER_CPU = 0;
export const CHAINCODE_CPU = 1;

function which(command) {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Pin this process (the driver) to DRIVER_CPU; returns the taskset path to pin children with, or
 * undefined when pinning is off or impossible (one CPU, no taskset), with the reason.
 */
export function setUpPinning(enabled) {
  if (!enabled) return { taskset: undefined, reason: 'disabled (--no-pin)' };
  if (availableParallelism() < 2) return { taskset: undefined, reason: 'one CPU' };
  const taskset = which('taskset');
  if (taskset === undefined) return { taskset: undefined, reason: 'no taskset' };
  try {
    execFileSync(taskset, ['-a', '-p', '-c', String(DRIVER_CPU), String(process.pid)], { stdio: 'ignore' });
  } catch (err) {
    return { taskset: undefined, reason: `taskset failed: ${err.message}` };
  }
  return { taskset, reason: `driver on CPU ${DRIVER_CPU}, chaincode on CPU ${CHAINCODE_CPU}` };
}

/**
 * Start one chaincode process: `node [profiling flags] -r probe <script> <args>`, under taskset when
 * given. Returns `{ proc, spawnAt, stderr() }`; spawnAt is monotonicMs() just before the spawn.
 */
export function spawnChaincode({ script, args, env = {} }, { taskset, nodeFlags = [] }) {
  const nodeArgs = [...nodeFlags, '-r', PROBE];
  const options = {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    ...(taskset === undefined
      ? { execArgv: nodeArgs }
      : { execPath: taskset, execArgv: ['-c', String(CHAINCODE_CPU), process.execPath, ...nodeArgs] }),
  };
  const spawnAt = monotonicMs();
  const proc = fork(script, args, options);
  let stderr = '';
  proc.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  // An IPC write to a process that just died must not crash the bench.
  proc.on('error', () => undefined);
  return { proc, spawnAt, stderr: () => stderr };
}

let requestId = 0;
/** Send the probe a `{ type, ...fields }` request and resolve with its reply (rejects on `error`). */
export function ask(proc, type, fields = {}, timeoutMs = 10_000) {
  const id = ++requestId;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.off('message', onMessage);
      reject(new Error(`the chaincode process did not answer ${type}`));
    }, timeoutMs);
    function onMessage(message) {
      if (message?.type !== type || message.id !== id) return;
      clearTimeout(timer);
      proc.off('message', onMessage);
      if (message.error !== undefined) reject(new Error(`${type}: ${message.error}`));
      else resolve(message);
    }
    proc.on('message', onMessage);
    try {
      proc.send({ ...fields, type, id });
    } catch (err) {
      clearTimeout(timer);
      proc.off('message', onMessage);
      reject(err);
    }
  });
}

/** The probe's report: `{ cpu: {user, system}, rss, maxRss, modules, marks }`. */
export function statsOf(proc) {
  return ask(proc, 'bench:stats');
}

export function cpuMicros(stats) {
  return stats.cpu.user + stats.cpu.system;
}

/**
 * Stop a chaincode process: close its IPC channel (the probe exits normally, so profiles get
 * written), SIGTERM after `graceMs`, SIGKILL after as long again.
 */
export async function stopChaincode(proc, graceMs = 5000) {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  if (proc.connected) proc.disconnect();
  const term = setTimeout(() => proc.kill('SIGTERM'), graceMs);
  const kill = setTimeout(() => proc.kill('SIGKILL'), 2 * graceMs);
  await exited;
  clearTimeout(term);
  clearTimeout(kill);
}
