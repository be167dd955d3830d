const MAX_EXHAUSTIVE = 12;

/**
 * The smallest set of peers whose endorsements make `passes` true: sets of one peer first, then
 * two..., and within a size those including `first` (the Gateway's local peer) before the others,
 * then in the order given. Undefined when no set does. This is what a Fabric Gateway achieves with
 * service discovery: a layout of peers satisfying the policies the transaction is validated against.
 */
export function planEndorsers<P>(
  first: P,
  others: readonly P[],
  passes: (endorsers: readonly P[]) => boolean,
): P[] | undefined {
  const all = [first, ...others];
  if (all.length > MAX_EXHAUSTIVE) {
    // Too many to try every combination: add peers in order until it passes.
    for (let n = 1; n <= all.length; n++) {
      const set = all.slice(0, n);
      if (passes(set)) return set;
    }
    return undefined;
  }
  for (let size = 1; size <= all.length; size++) {
    // combinations of `all` in lexicographic order: those with `first` (index 0) come first
    for (const set of combinations(all, size)) if (passes(set)) return set;
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
