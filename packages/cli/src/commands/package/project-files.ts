import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { IgnoreRules } from './ignore-rules';
import type { TarEntry } from './tar-archive';

/**
 * The files under `dir` (or one of its folders) as archive entries, by `/`-separated path relative
 * to `dir`, sorted, leaving out what `rules` ignore (an ignored folder is not entered). Symbolic
 * links are followed; anything that is neither a file nor a folder is skipped.
 */
export function projectFiles(dir: string, rules: IgnoreRules | undefined, folder = ''): TarEntry[] {
  const entries: TarEntry[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      const path = relative(dir, full).split('\\').join('/');
      let stat;
      try {
        stat = statSync(full);
      } catch {
        continue; // a dangling link
      }
      if (rules?.ignores(path, stat.isDirectory()) === true) continue;
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile()) entries.push({ path, content: readFileSync(full) });
    }
  };
  const root = join(dir, folder);
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (isDirectory) walk(root);
  return entries;
}
