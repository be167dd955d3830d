import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorRegistry } from '@chaincode/contract-api/internal';

/** One package's registry, as the docs list it. */
export interface RegistryEntry {
  /** The npm package name. */
  readonly pkg: string;
  /** The code prefix every code of this package starts with. */
  readonly prefix: string;
  /** The package's `src` folder, searched for a use of each code. */
  readonly srcDir: string;
  readonly registry: ErrorRegistry;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** docs/errors.md, rendered from the registries. */
export function renderErrorDocs(entries: readonly RegistryEntry[]): string {
  const lines = [
    '# Error codes',
    '',
    'Every error our packages throw at a user is a `ChaincodeError` (from `@chaincode/contract-api`)',
    'with a stable `code`. Codes are never reused; a new one is added here by `npm run docs:errors`',
    '(a test fails when this page and the code disagree). `ContractError`, which a contract throws',
    'itself, carries the code its author chose and is not listed here.',
    '',
  ];
  for (const entry of entries) {
    lines.push(`## ${entry.pkg} (\`${entry.prefix}\`)`, '', '| code | meaning | what to do |', '|---|---|---|');
    for (const [code, info] of Object.entries(entry.registry)) {
      lines.push(`| \`${code}\` | ${cell(info.meaning)} | ${cell(info.action)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Every non-test TypeScript source under `dir`, concatenated (registry files excluded). */
export function sourcesOf(dir: string): string {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'generated' && name !== '__fixtures__' && name !== 'test-utils') walk(path);
      } else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'codes.ts') {
        out.push(readFileSync(path, 'utf8'));
      }
    }
  };
  walk(dir);
  return out.join('\n');
}
