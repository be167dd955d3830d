import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version in a package.json two levels above `dir` (src/cli or dist/cli → the package root). */
export function packageVersion(dir: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
