const MAX_EXHAUSTIVE = 12;

/**
 * The fewest more peers (earlier candidates first) whose endorsements, added to `current`, make
 * `passes` true; [] when `current` already passes; undefined when no combination does. This is
 * what a Gateway's endorsement plan achieves with service discovery: a layout of peers satisfying
 * the policies the transaction will be validated against.
 */
export function planAdditionalEndorsers<P>(
  current: readonly P[],
  candidates: readonly P[],
  passes: (endorsers: readonly P[]) => boolean,
): P[] | undefined {
  if (passes(current)) return [];
  if (candidates.length > MAX_EXHAUSTIVE) {
    // Too many to try every combination: add candidates in order until it passes.
    for (let n = 1; n <= candidates.length; n++) {
      const more = candidates.slice(0, n);
      if (passes([...current, ...more])) return more;
    }
    return undefined;
  }
  for (let size = 1; size <= candidates.length; size++) {
    for (const combination of combinations(candidates, size)) {
      if (passes([...current, ...combination])) return combination;
    }
  }
  return undefined;
}

function* combinations<P>(items: readonly P[], size: number, start = 0): Generator<P[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= items.length - size; i++) {
    for (const rest of combinations(items, size - 1, i + 1)) yield [items[i] as P, ...rest];
  }
}
