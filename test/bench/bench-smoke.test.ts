import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm run bench` in smoke mode: every implementation × workload × in-flight level runs a few
// transactions over real gRPC, and the JSON result is complete and well formed. No timing
// assertions: the numbers only have to be numbers.

const root = join(__dirname, '..', '..');
const runScript = join(root, 'bench', 'run.mjs');
const WORKLOADS = ['noop', 'rmw', 'range', 'object', 'write10'];
const IMPLEMENTATIONS = ['floor', 'ours-contract', 'ours-lowlevel', 'official-contract', 'official-lowlevel'];
const OFFICIAL = new Set(['official-contract', 'official-lowlevel']);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function bench(args: string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [runScript, ...args],
      { cwd: root, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The fields of the JSON result this test reads (bench/README.md describes them all). */
interface Cell {
  workload: string;
  inFlight: number;
  implementation: string;
  error?: string;
  completed: number;
  failed: number;
  tps: number;
  latencyMs: { p50: number; p99: number };
  cpuUsPerTx: number;
  peakRssMb: number;
  startup: { spawnToRegisterMs: number; spawnToFirstTxMs: number; loadMs: number; modulesAtConnect: number };
  ratios: { cpuVsFloor: number | null; cpuVsOfficial: number | null; tpsVsOfficial: number | null };
}

interface StartupSummary {
  implementation: string;
  processes: number;
}

const finite = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);
const positive = (value: unknown): boolean => finite(value) && (value as number) > 0;

describe('npm run bench --smoke', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('measures every cell of the matrix and the harness, and writes a complete JSON result', async () => {
    const jsonPath = join(dir, 'smoke.json');
    const run = await bench(['--smoke', '--no-pin', '--json', jsonPath], 300_000);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`JSON results: ${jsonPath}`);

    const result = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(result).toMatchObject({ version: 1, mode: 'smoke', settings: { inFlight: [1, 64], batching: ['on'] } });
    expect(typeof result.environment.node).toBe('string');

    // the five of issue 11 at least; a variant added to bench/implementations is measured too
    const implementations: string[] = result.settings.implementations;
    expect(implementations).toEqual(expect.arrayContaining(IMPLEMENTATIONS));
    const cells: Cell[] = result.cells;
    const expected = WORKLOADS.flatMap((workload) =>
      [1, 64].flatMap((inFlight) =>
        implementations.map((implementation) => `${workload}/${inFlight}/${implementation}`),
      ),
    );
    expect(cells.map((c) => `${c.workload}/${c.inFlight}/${c.implementation}`).sort()).toEqual(expected.sort());
    for (const cell of cells) {
      const where = `${cell.workload}/${cell.inFlight}/${cell.implementation}`;
      expect({ where, error: cell.error, failed: cell.failed }).toEqual({ where, error: undefined, failed: 0 });
      expect({ where, completed: positive(cell.completed), tps: positive(cell.tps) }).toEqual({
        where,
        completed: true,
        tps: true,
      });
      expect({
        where,
        latency: finite(cell.latencyMs.p50) && cell.latencyMs.p99 >= cell.latencyMs.p50,
        cpu: positive(cell.cpuUsPerTx),
        rss: positive(cell.peakRssMb),
        spawnToRegister: positive(cell.startup.spawnToRegisterMs),
        spawnToFirstTx: cell.startup.spawnToFirstTxMs >= cell.startup.spawnToRegisterMs,
        load: positive(cell.startup.loadMs),
        modules: positive(cell.startup.modulesAtConnect),
        vsFloor: cell.implementation === 'floor' || positive(cell.ratios.cpuVsFloor),
        vsOfficial:
          cell.implementation === 'floor' || OFFICIAL.has(cell.implementation)
            ? true
            : positive(cell.ratios.cpuVsOfficial) && positive(cell.ratios.tpsVsOfficial),
      }).toEqual({
        where,
        latency: true,
        cpu: true,
        rss: true,
        spawnToRegister: true,
        spawnToFirstTx: true,
        load: true,
        modules: true,
        vsFloor: true,
        vsOfficial: true,
      });
    }

    expect((result.startup as StartupSummary[]).map((s) => s.implementation)).toEqual(implementations);
    for (const summary of result.startup as StartupSummary[]) {
      expect({ impl: summary.implementation, processes: summary.processes }).toEqual({
        impl: summary.implementation,
        processes: WORKLOADS.length,
      });
    }

    expect(result.harness.error).toBeUndefined();
    expect(positive(result.harness.loadModulesMs)).toBe(true);
    expect(result.harness.freshPeer.samples.length).toBeGreaterThanOrEqual(1);
    expect(positive(result.harness.freshPeer.medianTotalMs)).toBe(true);
    expect(result.harness.submits).toEqual([
      expect.objectContaining({ api: 'raw API (peer.submit)', count: 20 }),
      expect.objectContaining({ api: 'typed client (submit.rmw)', count: 20 }),
    ]);
    expect(result.harness.submits.every((s: { cpuUsPerSubmit: unknown }) => positive(s.cpuUsPerSubmit))).toBe(true);
  }, 360_000);

  it('refuses an unknown option or workload with the usage, and runs nothing', async () => {
    const unknownOption = await bench(['--smoke', '--fast'], 30_000);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/^bench: unknown option --fast\nusage: /);

    const unknownWorkload = await bench(['--workloads', 'rmw,nope'], 30_000);
    expect(unknownWorkload.code).toBe(2);
    expect(unknownWorkload.stderr).toContain(
      'bench: unknown workload: nope (known: noop, rmw, range, object, write10)',
    );

    const bothModes = await bench(['--quick', '--smoke'], 30_000);
    expect(bothModes.code).toBe(2);
    expect(bothModes.stderr).toContain('--quick and --smoke exclude each other');
  });
});
