/**
 * The arguments that follow a command's name in a raw argv, e.g. `['start', '--peer.address', 'p:1']`
 * → `['--peer.address', 'p:1']`. Commands hand these on to the options module untouched, so one
 * parser decides what every flag and CORE_* variable means.
 */
export function argsAfterCommand(argv: readonly string[], ...names: readonly string[]): string[] {
  let index = 0;
  for (const name of names) {
    const found = argv.indexOf(name, index);
    if (found < 0) return [...argv];
    index = found + 1;
  }
  return argv.slice(index);
}
