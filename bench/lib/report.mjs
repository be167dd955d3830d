// Ratios between cells, and the printed tables.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { IMPLEMENTATIONS, officialOf } = require('../implementations/index.cjs');
const { WORKLOADS } = require('../workloads/workloads.cjs');

const ok = (cell) => cell !== undefined && cell.error === undefined && cell.completed > 0;

function sameCellOf(cells, cell, implementation) {
  return cells.find(
    (other) =>
      other.implementation === implementation &&
      other.workload === cell.workload &&
      other.batching === cell.batching &&
      other.inFlight === cell.inFlight,
  );
}

/**
 * Adds `ratios` to every measured cell: chaincode CPU per transaction relative to the floor and to
 * the official implementation of the same programming model (contract ↔ contract, low-level ↔
 * low-level), and tx/s relative to that official one. Missing comparisons are null.
 */
export function addRatios(cells) {
  for (const cell of cells) {
    if (!ok(cell)) continue;
    const floor = sameCellOf(cells, cell, 'floor');
    const officialId = officialOf(cell.implementation);
    const official = officialId === undefined ? undefined : sameCellOf(cells, cell, officialId);
    cell.ratios = {
      cpuVsFloor: ok(floor) ? cell.cpuUsPerTx / floor.cpuUsPerTx : null,
      cpuVsOfficial: ok(official) ? cell.cpuUsPerTx / official.cpuUsPerTx : null,
      tpsVsOfficial: ok(official) ? cell.tps / official.tps : null,
    };
  }
}

function median(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Per implementation: medians of its processes' startup marks, and the range of peak RSS. */
export function startupSummary(cells, implementations) {
  return implementations.map((implementation) => {
    // one startup per process = per workload and batching mode (the in-flight levels share it)
    const processes = new Map();
    const rss = [];
    for (const cell of cells) {
      if (cell.implementation !== implementation || !ok(cell)) continue;
      processes.set(`${cell.workload}.${cell.batching}`, cell.startup);
      rss.push(cell.peakRssMb);
    }
    const marks = [...processes.values()];
    const of = (field) => median(marks.map((mark) => mark[field]));
    // modules and load time by package: medians over the processes
    const packageNames = new Set(marks.flatMap((mark) => Object.keys(mark.modulesByPackage ?? {})));
    const packages = [...packageNames]
      .map((name) => ({
        name,
        modules: median(marks.map((mark) => mark.modulesByPackage?.[name] ?? 0)),
        loadMs: median(marks.map((mark) => mark.loadMsByPackage?.[name] ?? 0)),
      }))
      .sort((a, b) => b.loadMs - a.loadMs);
    return {
      implementation,
      processes: marks.length,
      spawnToRegisterMs: of('spawnToRegisterMs'),
      bootMs: of('bootMs'),
      loadMs: of('loadMs'),
      connectMs: of('connectMs'),
      modulesAtConnect: of('modulesAtConnect'),
      packages,
      spawnToFirstTxMs: of('spawnToFirstTxMs'),
      peakRssMb: { min: rss.length > 0 ? Math.min(...rss) : NaN, max: rss.length > 0 ? Math.max(...rss) : NaN },
    };
  });
}

const pad = (text, width) => String(text).padStart(width);
const padEnd = (text, width) => String(text).padEnd(width);

function fixed(value, digits = 0) {
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
}

function ratio(value) {
  return value === null || value === undefined || !Number.isFinite(value) ? '-' : `${value.toFixed(2)}×`;
}

function printRows(columns, rows, log) {
  const header = columns.map(([title, width, left]) => (left ? padEnd(title, width) : pad(title, width))).join(' ');
  log(header);
  log('-'.repeat(header.length));
  for (const row of rows) {
    if (typeof row === 'string') {
      log(row);
      continue;
    }
    log(columns.map(([, width, left], i) => (left ? padEnd(row[i], width) : pad(row[i], width))).join(' '));
  }
}

/** The full matrix: one line per cell. */
export function printMatrix(cells, log = console.log) {
  const columns = [
    ['workload', 9, true],
    ['batch', 5, true],
    ['in-fl', 5],
    ['implementation', 26, true],
    ['tx', 6],
    ['fail', 4],
    ['msg/tx', 6],
    ['tx/s', 7],
    ['p50 ms', 7],
    ['p99 ms', 7],
    ['cc µs/tx', 8],
    ['÷floor', 7],
    ['÷official', 9],
    ['tx/s÷off', 8],
    ['RSS MB', 6],
    ['→REG ms', 7],
    ['→1st ms', 7],
  ];
  const rows = [];
  let previous;
  for (const cell of cells) {
    const group = `${cell.workload}.${cell.batching}.${cell.inFlight}`;
    if (previous !== undefined && group !== previous) rows.push('');
    previous = group;
    const label = IMPLEMENTATIONS[cell.implementation].label;
    const head = [cell.workload, cell.batching, cell.inFlight, label];
    if (!ok(cell)) {
      rows.push(
        `${head.map((text, i) => (i === 2 ? pad(text, 5) : padEnd(text, columns[i][1]))).join(' ')} ERROR: ${cell.error}`,
      );
      continue;
    }
    rows.push([
      ...head,
      cell.completed,
      cell.failed,
      fixed(cell.messagesPerTx, 1),
      fixed(cell.tps),
      fixed(cell.latencyMs.p50, 2),
      fixed(cell.latencyMs.p99, 2),
      fixed(cell.cpuUsPerTx),
      cell.implementation === 'floor' ? '' : ratio(cell.ratios?.cpuVsFloor),
      ratio(cell.ratios?.cpuVsOfficial),
      ratio(cell.ratios?.tpsVsOfficial),
      fixed(cell.peakRssMb),
      fixed(cell.startup.spawnToRegisterMs),
      fixed(cell.startup.spawnToFirstTxMs),
    ]);
    if (cell.error !== undefined) rows.push(`  ^ ${cell.error}`);
    if (cell.failed > 0) rows.push(`  ^ ${cell.failed} failed, first: ${cell.firstFailure}`);
  }
  printRows(columns, rows, log);
}

/** The view: chaincode CPU µs/tx per workload at one in-flight level, ours ÷ floor. */
export function printCpuSummary(cells, { inFlight, implementations }, log = console.log) {
  const shown = implementations;
  const columns = [
    ['workload', 26, true],
    ...shown.map((id) => [id, Math.max(id.length, 6)]),
    ['ours-contract÷floor', 19],
    ['ours-lowlevel÷floor', 19],
  ];
  const rows = [];
  const groups = [...new Set(cells.filter((c) => c.inFlight === inFlight).map((c) => `${c.workload}.${c.batching}`))];
  for (const group of groups) {
    const [workload, batching] = group.split('.');
    const of = (id) =>
      cells.find(
        (c) => c.workload === workload && c.batching === batching && c.inFlight === inFlight && c.implementation === id,
      );
    const title = `${WORKLOADS[workload].title.split(' (')[0]}${batching === 'on' ? ', batching' : ''}`;
    rows.push([
      title,
      ...shown.map((id) => (ok(of(id)) ? fixed(of(id).cpuUsPerTx) : 'err')),
      ratio(of('ours-contract')?.ratios?.cpuVsFloor),
      ratio(of('ours-lowlevel')?.ratios?.cpuVsFloor),
    ]);
  }
  printRows(columns, rows, log);
}

export function printStartup(summary, log = console.log) {
  const columns = [
    ['implementation', 26, true],
    ['procs', 5],
    ['spawn→REG', 9],
    ['boot', 5],
    ['load', 5],
    ['connect', 7],
    ['modules', 7],
    ['spawn→1st tx', 12],
    ['peak RSS MB', 11],
  ];
  const rows = summary.map((s) => [
    IMPLEMENTATIONS[s.implementation].label,
    s.processes,
    fixed(s.spawnToRegisterMs),
    fixed(s.bootMs),
    fixed(s.loadMs),
    fixed(s.connectMs),
    fixed(s.modulesAtConnect),
    fixed(s.spawnToFirstTxMs),
    Number.isFinite(s.peakRssMb.min) ? `${fixed(s.peakRssMb.min)}-${fixed(s.peakRssMb.max)}` : '-',
  ]);
  printRows(columns, rows, log);
  log('load phase by package: ms spent loading its modules (own time, medians) / modules, largest first:');
  for (const s of summary) {
    const shown = s.packages.slice(0, 8).map((p) => `${p.name} ${fixed(p.loadMs)}/${fixed(p.modules)}`);
    const rest = s.packages.slice(8);
    const more =
      rest.length > 0
        ? `, ${rest.length} more ${fixed(rest.reduce((sum, p) => sum + p.loadMs, 0))}/${fixed(rest.reduce((sum, p) => sum + p.modules, 0))}`
        : '';
    log(`  ${IMPLEMENTATIONS[s.implementation].label}: ${shown.join(', ')}${more}`);
  }
}

export function printHarness(harness, log = console.log) {
  if (harness.error !== undefined) {
    log(`ERROR: ${harness.error}`);
    return;
  }
  const f = harness.freshPeer;
  log(
    `modules (dev-peer + shim + contract-api) load: ${fixed(harness.loadModulesMs)} ms; ` +
      `fresh dev peer + deploy + first submit, ${f.samples.length} samples: first ${fixed(f.samples[0]?.totalMs)} ms, ` +
      `median ${fixed(f.medianTotalMs)} ms (start ${fixed(f.median.startMs)}, deploy ${fixed(f.median.deployMs)}, ` +
      `first submit ${fixed(f.median.firstSubmitMs)}, stop ${fixed(f.median.stopMs)})`,
  );
  const columns = [
    ['submits through', 28, true],
    ['count', 6],
    ['total ms', 9],
    ['µs/submit', 9],
    ['CPU µs/submit', 13],
  ];
  const rows = harness.submits.map((s) =>
    s.error !== undefined
      ? `${padEnd(s.api, 28)} ERROR: ${s.error}`
      : [s.api, s.count, fixed(s.totalMs), fixed(s.usPerSubmit), fixed(s.cpuUsPerSubmit)],
  );
  printRows(columns, rows, log);
}
