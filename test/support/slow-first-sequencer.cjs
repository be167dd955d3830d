// Jest runs the files it knows to be slow first, so on two workers the long ones overlap with the
// many short ones instead of finishing last. Jest orders by the durations of its previous run when
// it has them (its cache); a fresh clone (CI) has none and would order by file size, so the files
// known to take longest are named here, slowest first.
const Sequencer = require('@jest/test-sequencer').default;

const SLOWEST_FIRST = [
  'test/templates/readme.test.ts',
  'test/chaos/chaos.test.ts',
  'test/typings/typings-matrix.test.ts',
  'test/bench/bench-smoke.test.ts',
  'test/contract/toolchains.test.ts',
  'test/dev-peer/client-types.test.ts',
  'test/cli/cc-start.test.ts',
];

const rank = (path) => {
  const i = SLOWEST_FIRST.findIndex((suffix) => path.endsWith(suffix));
  return i === -1 ? SLOWEST_FIRST.length : i;
};

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const byDefault = super.sort(tests);
    const order = new Map(byDefault.map((test, i) => [test, i]));
    return [...byDefault].sort((a, b) => rank(a.path) - rank(b.path) || order.get(a) - order.get(b));
  }
}

module.exports = SlowFirstSequencer;
