// Command-line options of `npm run bench` → one settings object. Three presets (full, --quick,
// --smoke) set the sizes; the selection flags narrow the matrix. Every loop the bench runs is bounded
// by one of the counts below AND by one of the time limits.
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { IMPLEMENTATIONS } = require('../implementations/index.cjs');

export const ALL_WORKLOADS = ['noop', 'rmw', 'range', 'object', 'write10'];
/** In the registry's order: floor, ours (contract, low-level), official (contract, low-level). */
export const ALL_IMPLEMENTATIONS = Object.keys(IMPLEMENTATIONS);
const ALL_SECTIONS = ['matrix', 'harness', 'dispatch'];

export const USAGE = `usage: node bench/run.mjs [--quick | --smoke] [options]
  --quick                 shorter warm-up and measurement (same matrix)
  --smoke                 a few hundred transactions, batching advertised only (CI keeps it working)
  --workloads a,b         noop, rmw, range, object, write10 (default: all)
  --impls a,b             ${ALL_IMPLEMENTATIONS.join(', ')} (default: all)
  --in-flight 1,64        transactions in flight per cell (default: 1,64)
  --batching off,on       READY without / with write batching advertised (default: off,on)
  --sections a,b          matrix, harness, dispatch (default: matrix,harness)
  --count N               measured transactions per cell at the highest in-flight level
  --seconds S             time limit of one cell's measurement
  --rounds R              each cell is measured in R chunks, alternating implementations
  --json PATH             where to write the JSON results (default: a file under ${join(tmpdir(), 'chaincode-bench')})
  --no-pin                do not pin the driver and the chaincode processes to different cores
  --cpu-prof a,b          CPU-profile these implementations over the measured chunks of the highest
                          in-flight level (.cpuprofile; summarise with bench/profile/summarize.mjs)
  --alloc-prof a,b        the same with the sampling heap profiler, collected objects included (.heapprofile)
  --startup-prof a,b      node --cpu-prof over the whole process lifetime (startup included)
  --prof-interval US      CPU sampling interval in µs (default 200)
  --prof-dir DIR          where the profiles go (default: next to the JSON file)
  --help`;

const PRESETS = {
  full: {
    warmup: { count: 1500, seconds: 2 },
    /** measured tx per cell at in-flight 64; at in-flight 1 a third of it (latency-bound) */
    count: 5000,
    seconds: 4,
    rounds: 4,
    poolSize: 1024,
    batching: ['off', 'on'],
    harness: { freshSamples: 5, submits: 1000 },
    dispatchCount: 4000,
    budgetSeconds: 1200,
  },
  quick: {
    warmup: { count: 400, seconds: 1 },
    count: 1500,
    seconds: 1.5,
    rounds: 3,
    poolSize: 512,
    batching: ['off', 'on'],
    harness: { freshSamples: 3, submits: 1000 },
    dispatchCount: 1000,
    budgetSeconds: 600,
  },
  smoke: {
    warmup: { count: 5, seconds: 1 },
    count: 12,
    seconds: 2,
    rounds: 1,
    poolSize: 64,
    batching: ['on'],
    harness: { freshSamples: 1, submits: 20 },
    dispatchCount: 20,
    budgetSeconds: 280,
  },
};

export class OptionsError extends Error {}

function list(value, allowed, what) {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const unknown = items.filter((item) => !allowed.includes(item));
  if (unknown.length > 0)
    throw new OptionsError(`unknown ${what}: ${unknown.join(', ')} (known: ${allowed.join(', ')})`);
  if (items.length === 0) throw new OptionsError(`no ${what} given`);
  return items;
}

function positive(value, flag, integer) {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    throw new OptionsError(`${flag} needs a positive ${integer ? 'integer' : 'number'}, got ${value}`);
  }
  return number;
}

/** Parse argv (without node and the script) into settings; throws OptionsError on a bad flag. */
export function parseOptions(argv) {
  const flags = new Map();
  const booleans = new Set(['--quick', '--smoke', '--no-pin', '--help']);
  const known = new Set([
    ...booleans,
    '--workloads',
    '--impls',
    '--in-flight',
    '--batching',
    '--sections',
    '--count',
    '--seconds',
    '--rounds',
    '--json',
    '--cpu-prof',
    '--alloc-prof',
    '--startup-prof',
    '--prof-interval',
    '--prof-dir',
  ]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (booleans.has(arg)) {
      flags.set(arg, true);
    } else if (arg.startsWith('--')) {
      const [name, inline] = arg.split(/=(.*)/s, 2);
      if (!known.has(name)) throw new OptionsError(`unknown option ${name}`);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new OptionsError(`${name} needs a value`);
      flags.set(name, value);
    } else {
      throw new OptionsError(`unexpected argument ${arg}`);
    }
  }
  if (flags.has('--quick') && flags.has('--smoke')) throw new OptionsError('--quick and --smoke exclude each other');

  const mode = flags.has('--smoke') ? 'smoke' : flags.has('--quick') ? 'quick' : 'full';
  const preset = PRESETS[mode];
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const json = flags.get('--json') ?? join(tmpdir(), 'chaincode-bench', `bench-${mode}-${stamp}.json`);
  const inFlight = flags.has('--in-flight')
    ? flags
        .get('--in-flight')
        .split(',')
        .map((value) => positive(value, '--in-flight', true))
    : [1, 64];
  return {
    help: flags.has('--help'),
    mode,
    workloads: flags.has('--workloads') ? list(flags.get('--workloads'), ALL_WORKLOADS, 'workload') : ALL_WORKLOADS,
    implementations: flags.has('--impls')
      ? list(flags.get('--impls'), ALL_IMPLEMENTATIONS, 'implementation')
      : ALL_IMPLEMENTATIONS,
    inFlight: [...new Set(inFlight)].sort((a, b) => a - b),
    batching: flags.has('--batching') ? list(flags.get('--batching'), ['off', 'on'], 'batching mode') : preset.batching,
    sections: flags.has('--sections') ? list(flags.get('--sections'), ALL_SECTIONS, 'section') : ['matrix', 'harness'],
    warmup: preset.warmup,
    count: flags.has('--count') ? positive(flags.get('--count'), '--count', true) : preset.count,
    seconds: flags.has('--seconds') ? positive(flags.get('--seconds'), '--seconds', false) : preset.seconds,
    rounds: flags.has('--rounds') ? positive(flags.get('--rounds'), '--rounds', true) : preset.rounds,
    poolSize: preset.poolSize,
    harness: preset.harness,
    dispatchCount: preset.dispatchCount,
    budgetSeconds: preset.budgetSeconds,
    pin: !flags.has('--no-pin'),
    json,
    cpuProf: flags.has('--cpu-prof') ? list(flags.get('--cpu-prof'), ALL_IMPLEMENTATIONS, 'implementation') : [],
    allocProf: flags.has('--alloc-prof') ? list(flags.get('--alloc-prof'), ALL_IMPLEMENTATIONS, 'implementation') : [],
    startupProf: flags.has('--startup-prof')
      ? list(flags.get('--startup-prof'), ALL_IMPLEMENTATIONS, 'implementation')
      : [],
    profIntervalUs: flags.has('--prof-interval')
      ? positive(flags.get('--prof-interval'), '--prof-interval', true)
      : 200,
    profDir: flags.get('--prof-dir') ?? json.replace(/\.json$/, '') + '-profiles',
  };
}

/** Measured transactions of one cell: `count` at the highest in-flight level, fewer when latency-bound. */
export function cellCount(settings, inFlight) {
  const highest = settings.inFlight[settings.inFlight.length - 1];
  return inFlight >= highest || settings.mode === 'smoke' ? settings.count : Math.ceil(settings.count / 3);
}
