import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const TEMPLATE_NAMES = ['typescript', 'javascript', 'private-data', 'ccaas'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/**
 * Where the templates live: a copy inside the published package (packages/cli/templates, made at
 * pack time), else the repository's top-level templates/ (a workspace checkout).
 */
export function templatesRoot(): string {
  const packageRoot = resolve(__dirname, '..', '..', '..');
  const candidates = [join(packageRoot, 'templates'), join(packageRoot, '..', '..', 'templates')];
  for (const dir of candidates) {
    if (existsSync(join(dir, 'typescript', 'package.json'))) return dir;
  }
  return candidates[candidates.length - 1] ?? join(packageRoot, 'templates');
}
