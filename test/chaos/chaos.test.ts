/**
 * The chaos suite: every scenario provokes one fault against our chaincode (and, when the table is
 * regenerated, against the official stack, fabric-shim / fabric-contract-api 2.5.8, where it can run
 * it), states what our chaincode must do, checks it, then proves correct service afterwards with a
 * few normal transactions. The table of both outcomes is test/chaos/RESULTS.md, checked here like
 * docs/errors.md for our column (UPDATE_CHAOS_RESULTS=1 regenerates it, running both stacks).
 * Loopback only; every wait is bounded.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DevPeer } from '@chaincode/dev-peer';
import { configureLogging } from '@chaincode/shim';
import { badArguments } from './scenarios/bad-arguments';
import { faults, streamDeaths } from './scenarios/faults';
import { peerMessages } from './scenarios/peer-messages';
import { removeTlsFiles, security } from './scenarios/security';
import { serviceCheck } from './support/observe';
import { cellOf, notRun, renderResults, type Cell, type ResultRow } from './support/results';
import type { Observed, RowContext, Scenario, Stack } from './support/scenario';
import { startOfficial, startOursBin, startOursInProcess, type Chaincode } from './support/stacks';

const SCENARIOS: readonly Scenario[] = [...badArguments, ...peerMessages, ...streamDeaths, ...faults, ...security];
const RESULTS_FILE = join(__dirname, 'RESULTS.md');

/** Bounds on waiting for a registration before the service check (termination only). */
const REGISTERED_WAIT_MS = 5000;
const REREGISTER_WAIT_MS = 15000;
const OFFICIAL_REREGISTER_WAIT_MS = 3000;

/**
 * The official stack runs when the table is regenerated (or with CHAOS_OFFICIAL=1); otherwise its
 * recorded column stands: a pinned third-party release has nothing new to show in a test run.
 */
const RUN_OFFICIAL = process.env.UPDATE_CHAOS_RESULTS === '1' || process.env.CHAOS_OFFICIAL === '1';

const logs: string[] = [];
/** One dev peer per stack (the official's only when it runs), so a row runs on both at once without one's faults touching the other. */
const peers = {} as Record<Stack, DevPeer>;
const shared: Partial<Record<'inProcess' | 'bin' | 'official', Chaincode>> = {};
let officialStarts = 0;
let dedicated = 0;
const rows: ResultRow[] = [];

beforeAll(async () => {
  // Our in-process sessions and the dev peer log here, never to the console.
  configureLogging({ level: 'warning', shimLevel: 'warning', sink: (line) => logs.push(line) });
  peers.ours = await DevPeer.start({ faults: true });
  if (RUN_OFFICIAL) peers.official = await DevPeer.start({ faults: true });
}, 30000);

afterAll(async () => {
  await Promise.allSettled([shared.inProcess, shared.bin, shared.official].map(async (cc) => cc?.stop()));
  await Promise.allSettled(Object.values(peers).map(async (p) => p.stop()));
  removeTlsFiles();
});

const registered = (cc: Chaincode | undefined): boolean =>
  cc !== undefined && cc.alive && peers.official.chaincodes().includes(cc.name);

/** Our chaincode for this row: the shared one of its runner, or a dedicated one with the row's options. */
async function acquireOurs(s: Scenario): Promise<{ cc: Chaincode | undefined; release: () => Promise<void> }> {
  const keep = async (): Promise<void> => undefined;
  switch (s.ours.runner) {
    case 'self':
      return { cc: undefined, release: keep };
    case 'in process':
      if (s.ours.options !== undefined) {
        const cc = await startOursInProcess(peers.ours, `ours-${String(++dedicated)}`, s.ours.options, logs);
        return { cc, release: () => cc.stop() };
      }
      shared.inProcess ??= await startOursInProcess(peers.ours, 'ours', {}, logs);
      // after a restart row it registers again by itself: give it the time it needs
      await peers.ours.waitForChaincode('ours', { timeoutMs: REREGISTER_WAIT_MS });
      return { cc: shared.inProcess, release: keep };
    case 'cc-start':
      if (s.ours.args !== undefined) {
        const cc = await startOursBin(peers.ours, `ours-bin-${String(++dedicated)}`, [...s.ours.args]);
        return { cc, release: () => cc.stop() };
      }
      if (shared.bin !== undefined && !shared.bin.alive) shared.bin = undefined;
      shared.bin ??= await startOursBin(peers.ours, 'ours-bin');
      await peers.ours.waitForChaincode('ours-bin', { timeoutMs: REREGISTER_WAIT_MS });
      return { cc: shared.bin, release: keep };
  }
}

/** The official chaincode for this row: the shared child (started again when it died or went down), or a dedicated one. */
async function acquireOfficial(s: Scenario): Promise<{ cc: Chaincode | undefined; release: () => Promise<void> }> {
  const keep = async (): Promise<void> => undefined;
  if ('skip' in s.official || s.official.runner === 'self') return { cc: undefined, release: keep };
  if (s.official.args !== undefined) {
    const cc = await startOfficial(peers.official, `official-row-${String(++dedicated)}`, [...s.official.args]);
    return { cc, release: () => cc.stop() };
  }
  if (!registered(shared.official)) {
    await shared.official?.stop();
    shared.official = await startOfficial(peers.official, `official-${String(++officialStarts)}`);
  }
  return { cc: shared.official, release: keep };
}

async function runStack(
  s: Scenario,
  stack: Stack,
  cc: Chaincode | undefined,
): Promise<{
  observed: Observed;
  service: { ok: boolean; detail: string };
  alive: boolean;
  cell: Cell;
  row: RowContext;
}> {
  const from = logs.length;
  const child = cc?.child;
  const mark = child?.mark() ?? 0;
  const output = (): string => (child !== undefined ? child.outputSince(mark) : logs.slice(from).join('\n'));
  const peer = peers[stack];
  const row: RowContext = { peer, stack, cc, output };
  let observed: Observed;
  try {
    observed = await s.run(row);
  } finally {
    peer.faults.clear();
  }
  let service: { ok: boolean; detail: string };
  let alive: boolean;
  if (observed.service !== undefined || cc === undefined) {
    service = { ok: observed.service?.ok ?? false, detail: observed.service?.detail ?? 'no service check' };
    alive = observed.service?.alive ?? false;
  } else {
    const wait = !s.streamDeath
      ? REGISTERED_WAIT_MS
      : stack === 'ours'
        ? REREGISTER_WAIT_MS
        : OFFICIAL_REREGISTER_WAIT_MS;
    service = cc.alive ? await serviceCheck(peer, cc.name, wait) : { ok: false, detail: 'not registered' };
    alive = cc.alive;
  }
  return { observed, service, alive, cell: cellOf(observed, service, alive, cc?.ended), row };
}

/**
 * The table with the official stack's cells (and its total) masked: its outcome of timing-sensitive
 * rows varies with the machine's load, and the suite tests our chaincode, not the official.
 */
function maskOfficial(table: string): string {
  return table
    .split('\n')
    .map((line) => {
      if (/^\| \d+ \| /.test(line)) return line.replace(/ \| [^|]*\|$/, ' | (official) |');
      if (line.startsWith('- fabric-shim 2.5.8: ')) return '- fabric-shim 2.5.8: (official)';
      return line;
    })
    .join('\n');
}

describe('chaos: each fault, what our chaincode must do, and correct service afterwards', () => {
  for (const s of SCENARIOS) {
    it(
      `${s.group}: ${s.title}`,
      async () => {
        // Both stacks at once (when the official runs), each on its own peer: the row costs the slower of the two.
        const runOurs = async (): Promise<Awaited<ReturnType<typeof runStack>> & { cc?: Chaincode }> => {
          const ours = await acquireOurs(s);
          try {
            return { ...(await runStack(s, 'ours', ours.cc)), cc: ours.cc };
          } finally {
            await ours.release();
          }
        };
        const runOfficial = async (): Promise<Cell> => {
          if ('skip' in s.official) return notRun(s.official.skip);
          if (!RUN_OFFICIAL) return notRun('recorded when the table is regenerated');
          const theirs = await acquireOfficial(s);
          try {
            return (await runStack(s, 'official', theirs.cc)).cell;
          } finally {
            await theirs.release();
          }
        };
        const [mine, official] = await Promise.all([runOurs(), runOfficial()]);
        rows.push({ group: s.group, title: s.title, expected: s.expected, ours: mine.cell, official });

        const context = `${mine.observed.response}\n${mine.cc?.output() ?? ''}`;
        s.check(mine.observed, mine.row);
        expect({ service: mine.service, alive: mine.alive, context: mine.service.ok ? '' : context }).toEqual({
          service: { ok: true, detail: 'serves' },
          alive: true,
          context: '',
        });
      },
      s.timeoutMs ?? 40000,
    );
  }

  it("test/chaos/RESULTS.md is the table of this run (our column; the official's is recorded)", () => {
    expect(rows).toHaveLength(SCENARIOS.length);
    const generated = renderResults(rows);
    if (process.env.UPDATE_CHAOS_RESULTS === '1') writeFileSync(RESULTS_FILE, generated);
    const committed = maskOfficial(readFileSync(RESULTS_FILE, 'utf8'));
    if (committed !== maskOfficial(generated)) {
      const was = committed.split('\n');
      const changed = maskOfficial(generated)
        .split('\n')
        .flatMap((line, i) => (line === was[i] ? [] : [`- ${was[i] ?? ''}`, `+ ${line}`]));
      throw new Error(
        'test/chaos/RESULTS.md differs from this run (regenerate it with UPDATE_CHAOS_RESULTS=1 npx jest test/chaos):\n' +
          changed.join('\n'),
      );
    }
  });
});
