import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const TEMPLATE_NAMES = ['typescript', 'javascript', 'private-data', 'ccaas'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/**
 * Templates that are an overlay on another one: `init` copies the base template's files, then the
 * overlay's files (replacing a base file of the same path, adding the others). `ccaas` is the
 * `typescript` project with a service Dockerfile, README, package.json and `connection.json`.
 */
export const TEMPLATE_BASES: Readonly<Partial<Record<TemplateName, TemplateName>>> = { ccaas: 'typescript' };

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
