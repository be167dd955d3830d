// `npm run bench`: the chaincode stack's speed, side by side with a raw floor and the official
// fabric-contract-api / fabric-shim 2.5.8. See bench/README.md for what each number means.
//
//   npm run bench                    (builds first; the full matrix, several minutes)
//   npm run bench -- --quick         (the same matrix, shorter)
//   node bench/run.mjs --smoke       (a few hundred transactions: what CI runs)
//   node bench/run.mjs --help
//
// Sections: `matrix` (workloads × batching × in-flight × implementations, each implementation in
// its own chaincode process driven over gRPC by bench/driver/peer-driver.cjs), `harness` (the dev
// peer's own costs) and, on request, `dispatch` (the contract layers alone, in process). Prints
// the tables and writes every number to a JSON file whose path it prints last.
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMatrix } from './lib/matrix.mjs';
import { OptionsError, USAGE, parseOptions } from './lib/options.mjs';
import { setUpPinning, stopChaincode } from './lib/processes.mjs';
import { addRatios, printCpuSummary, printHarness, printMatrix, printStartup, startupSummary } from './lib/report.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
/** The JSON layout; bump when a field changes meaning. */
const RESULT_VERSION = 1;
const HARNESS_TIMEOUT_MS = 180_000;

function builtPackagesProblem() {
  try {
    require('@chaincode/shim');
    require('@chaincode/dev-peer');
    return undefined;
  } catch (err) {
    return `cannot load the built packages (run \`npm run build\` first): ${err.message}`;
  }
}

/** The harness section in its own fresh process; resolves with its report. */
async function runHarness(settings, taskset) {
  const script = join(here, 'harness', 'harness-costs.cjs');
  const options = {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    ...(taskset === undefined ? {} : { execPath: taskset, execArgv: ['-c', '1', process.execPath] }),
  };
  const proc = fork(script, [JSON.stringify(settings.harness)], options);
  let stderr = '';
  proc.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(
        () => resolve({ error: `no report within ${HARNESS_TIMEOUT_MS} ms` }),
        HARNESS_TIMEOUT_MS,
      );
      proc.on('message', (message) => {
        if (message?.type !== 'bench:harness') return;
        clearTimeout(timer);
        resolve(message.result);
      });
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        resolve({ error: `the harness process exited (${signal ?? code}): ${stderr.trim().split('\n').pop() ?? ''}` });
      });
    });
  } finally {
    await stopChaincode(proc);
  }
}

async function runDispatch(settings) {
  const { runDispatch: run } = require('./dispatch.cjs');
  const rows = await run({ count: settings.dispatchCount, seconds: settings.seconds * 2 });
  console.log(
    `\n${'workload'.padEnd(28)} ${'stack'.padEnd(9)} ${'calls'.padStart(6)} ${'cc CPU µs/call'.padStart(15)}`,
  );
  for (const row of rows) {
    if (row.error !== undefined) {
      console.log(`${row.workload.title.padEnd(28)} ${row.stack.padEnd(9)} ERROR: ${row.error}`);
      continue;
    }
    console.log(
      `${row.workload.title.padEnd(28)} ${row.stack.padEnd(9)} ${String(row.calls).padStart(6)} ${row.cpuPerCall.toFixed(1).padStart(15)}`,
    );
  }
  return rows.map((row) => ({
    workload: row.workload.id,
    stack: row.stack,
    ...(row.error !== undefined ? { error: row.error } : { calls: row.calls, cpuUsPerCall: row.cpuPerCall }),
  }));
}

async function main() {
  let settings;
  try {
    settings = parseOptions(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof OptionsError)) throw err;
    console.error(`bench: ${err.message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (settings.help) {
    console.log(USAGE);
    return;
  }
  const problem = builtPackagesProblem();
  if (problem !== undefined) {
    console.error(problem);
    process.exitCode = 1;
    return;
  }
  const began = Date.now();
  // before pinning: once pinned, this process sees one CPU
  const cpuCount = availableParallelism();
  const pinning = setUpPinning(settings.pin);
  const result = {
    version: RESULT_VERSION,
    mode: settings.mode,
    startedAt: new Date(began).toISOString(),
    argv: process.argv.slice(2),
    environment: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpuCount,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadAverageAtStart: loadavg(),
      pinning: pinning.reason,
    },
    settings: {
      workloads: settings.workloads,
      implementations: settings.implementations,
      inFlight: settings.inFlight,
      batching: settings.batching,
      sections: settings.sections,
      warmup: settings.warmup,
      count: settings.count,
      seconds: settings.seconds,
      rounds: settings.rounds,
      transactionPool: settings.poolSize,
    },
  };
  console.log(
    `bench (${settings.mode}): node ${process.version}, ${cpuCount} CPUs, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; pinning: ${pinning.reason}`,
  );
  const budgetSpent = () => Date.now() - began > settings.budgetSeconds * 1000;
  let failed = false;

  if (settings.sections.includes('matrix')) {
    console.log(
      `matrix: ${settings.workloads.join(', ')} × batching ${settings.batching.join('/')} × in flight ` +
        `${settings.inFlight.join('/')} × ${settings.implementations.length} implementations; ` +
        `warm-up ${settings.warmup.count} tx / ${settings.warmup.seconds} s, then up to ${settings.count} tx / ` +
        `${settings.seconds} s per cell in ${settings.rounds} alternating rounds`,
    );
    const profiled = [...new Set([...settings.cpuProf, ...settings.allocProf, ...settings.startupProf])];
    if (profiled.length > 0) {
      mkdirSync(settings.profDir, { recursive: true });
      console.log(`profiling ${profiled.join(', ')} → ${settings.profDir}`);
    }
    const { cells, profiles } = await runMatrix(settings, {
      taskset: pinning.taskset,
      budgetSpent,
      onGroup: (group) => {
        const first = group[0];
        const errors = group.filter((cell) => cell.error !== undefined || cell.failed > 0).length;
        console.log(
          `  ${first.workload}, batching ${first.batching}: ${group.length} cells` +
            (errors > 0 ? `, ${errors} with errors` : '') +
            ` (${((Date.now() - began) / 1000).toFixed(0)} s)`,
        );
      },
    });
    addRatios(cells);
    result.cells = cells;
    if (profiles.length > 0) result.profiles = profiles;
    result.startup = startupSummary(cells, settings.implementations);
    failed ||= cells.some((cell) => cell.error !== undefined || cell.failed > 0);
    console.log(
      '\nThe matrix (cc µs/tx = chaincode process CPU per transaction; ÷ = ratio of cc µs/tx; see bench/README.md)',
    );
    printMatrix(cells);
    for (const inFlight of [...settings.inFlight].reverse()) {
      console.log(`\nChaincode CPU µs per transaction, ${inFlight} in flight`);
      printCpuSummary(cells, { inFlight, implementations: settings.implementations });
    }
    console.log("\nStartup (medians over each implementation's processes; ms)");
    printStartup(result.startup);
  }

  if (settings.sections.includes('harness')) {
    console.log('\nHarness costs (dev peer in a fresh process)');
    result.harness = await runHarness(settings, pinning.taskset);
    printHarness(result.harness);
    failed ||= result.harness.error !== undefined || result.harness.submits.some((s) => s.error !== undefined);
  }

  if (settings.sections.includes('dispatch')) {
    console.log('\nContract layer alone, in process: Invoke(stub), ours vs official');
    result.dispatch = await runDispatch(settings);
    failed ||= result.dispatch.some((row) => row.error !== undefined);
  }

  result.finishedAt = new Date().toISOString();
  result.environment.loadAverageAtEnd = loadavg();
  mkdirSync(dirname(settings.json), { recursive: true });
  writeFileSync(settings.json, JSON.stringify(result, null, 2) + '\n');
  console.log(`\ntotal ${((Date.now() - began) / 1000).toFixed(1)} s; JSON results: ${settings.json}`);
  if (failed) process.exitCode = 1;
}

await main();
