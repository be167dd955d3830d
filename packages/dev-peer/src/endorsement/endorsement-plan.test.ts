import { planEndorsers } from './endorsement-plan';

// A Gateway's plan (fabric internal/pkg/gateway, endorsement layouts from service discovery): the
// fewest peers satisfying the policy, preferring layouts with the gateway's own org's peer.
describe('planEndorsers', () => {
  const needs =
    (...required: string[][]) =>
    (set: readonly string[]): boolean =>
      required.some((option) => option.every((org) => set.includes(org)));

  it.each([
    [needs(['A']), ['A']],
    [needs(['B']), ['B']],
    [needs(['A', 'B']), ['A', 'B']],
    [needs(['B', 'C'], ['A', 'C']), ['A', 'C']],
    [needs(['B', 'C']), ['B', 'C']],
    [needs(['A', 'B', 'C', 'D']), ['A', 'B', 'C', 'D']],
  ])('%#: %p', (passes, expected) => {
    expect(planEndorsers('A', ['B', 'C', 'D'], passes)).toEqual(expected);
  });

  it('answers undefined when no set satisfies the policy', () => {
    expect(planEndorsers('A', ['B'], needs(['Z']))).toBeUndefined();
  });

  it('adds peers in order past twelve candidates', () => {
    const others = Array.from({ length: 15 }, (_, i) => `O${String(i)}`);
    expect(planEndorsers('A', others, needs(['A', 'O2']))).toEqual(['A', 'O0', 'O1', 'O2']);
  });
});
