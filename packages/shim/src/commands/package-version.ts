import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version of @chaincode/shim (its package.json is two levels above src/commands and dist/commands). */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
