import { watch, type FSWatcher } from 'node:fs';

/** What never triggers a redeploy: installs, build output, VCS data, local state, packages. */
const IGNORED =
  /(^|[\\/])(node_modules|dist|coverage|\.git|\.chaincode)([\\/]|$)|\.chaincode-dev\.json(\.[^\\/]*)?$|\.tar\.gz$|\.tsbuildinfo$|(^|[\\/])\.#|~$|\.swp$/;

/**
 * Watch a project for saved source changes: `onChange` gets the changed paths (relative to the
 * project) once the saves have settled for `settleMs`, so an editor's burst of writes, or a
 * `git checkout`, gives one redeploy.
 */
export function watchProject(
  dir: string,
  onChange: (paths: readonly string[]) => void,
  settleMs = 250,
): { close(): void } {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dir, { recursive: true }, (_event, file) => {
    if (file === null || IGNORED.test(file)) return;
    pending.add(file);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const paths = [...pending].sort();
      pending.clear();
      onChange(paths);
    }, settleMs);
  });
  watcher.on('error', () => undefined); // a removed folder: keep watching the rest
  return {
    close: () => {
      if (timer !== undefined) clearTimeout(timer);
      watcher.close();
    },
  };
}
