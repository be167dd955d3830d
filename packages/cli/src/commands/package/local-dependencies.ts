import { isAbsolute, relative, resolve } from 'node:path';

/** A dependency installed from the file system (`file:`, `link:` or a path) rather than a registry. */
export interface LocalDependency {
  readonly name: string;
  /** `dependencies`, `optionalDependencies`, `devDependencies` or `overrides`. */
  readonly section: string;
  readonly spec: string;
  /** The path it points at. */
  readonly path: string;
  /** That path, relative to the project, `/`-separated, when it is inside the project. */
  readonly inside: string | undefined;
}

const SECTIONS = ['dependencies', 'optionalDependencies', 'devDependencies'] as const;

/** The path a spec points at, for `file:`, `link:` and path specs; undefined for anything else. */
export function localSpecPath(spec: string): string | undefined {
  const match = /^(?:file:|link:)(.*)$/.exec(spec);
  if (match !== null) return (match[1] ?? '').replace(/^\/\/(?=\/)/, '');
  if (/^(?:\.{1,2}[\\/]|\.{1,2}$|\/|~[\\/])/.test(spec)) return spec;
  return undefined;
}

/** Every local dependency of a package.json, overrides included (at any depth). */
export function localDependencies(projectDir: string, pkg: Readonly<Record<string, unknown>>): LocalDependency[] {
  const out: LocalDependency[] = [];
  const add = (section: string, name: string, spec: unknown): void => {
    if (typeof spec !== 'string') return;
    const target = localSpecPath(spec);
    if (target === undefined) return;
    const path = resolve(projectDir, target);
    const rel = relative(projectDir, path);
    const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : undefined;
    out.push({ name, section, spec, path, inside });
  };
  for (const section of SECTIONS) {
    const deps = pkg[section];
    if (typeof deps !== 'object' || deps === null) continue;
    for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) add(section, name, spec);
  }
  const walkOverrides = (value: unknown, name: string): void => {
    if (typeof value === 'string') add('overrides', name, value);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, nested] of Object.entries(value as Record<string, unknown>)) {
        walkOverrides(nested, key === '.' ? name : key);
      }
    }
  };
  walkOverrides(pkg.overrides, '');
  return out;
}
