import { extname, relative, sep } from 'node:path';
import { quote } from './contract-types-file';
import { sourceFileOf } from './module-source';

/** Where a contract class can be named from: a module file and how the module exports it. */
export interface ClassLocation {
  readonly file: string;
  /** A named export; `default` for a default export; undefined when the module is the class itself. */
  readonly exportName: string | undefined;
}

/** The loaded modules a class may be exported from: `[file, exports]`, the entry module first. */
export type LoadedModules = Iterable<readonly [file: string, exports: unknown]>;

/** Find the module that exports `cls`, preferring the entry module. */
export function locateClass(cls: unknown, modules: LoadedModules): ClassLocation | undefined {
  for (const [file, exported] of modules) {
    if (exported === cls) return { file, exportName: undefined };
    if ((typeof exported !== 'object' && typeof exported !== 'function') || exported === null) continue;
    for (const key of Object.keys(exported)) {
      let value: unknown;
      try {
        value = (exported as Record<string, unknown>)[key];
      } catch {
        continue; // a throwing getter is no export of the class
      }
      if (value === cls) return { file, exportName: key };
    }
  }
  return undefined;
}

/**
 * The type of the class's instances, written from the declaration file in `outDir`:
 * `import('../src/index').AssetContract`. A compiled module is named by its source (source maps).
 */
export function instanceTypeReference(location: ClassLocation, outDir: string): string {
  const specifier = moduleSpecifier(sourceFileOf(location.file), outDir);
  const module = `import(${quote(specifier)})`;
  if (location.exportName === undefined) return `InstanceType<typeof ${module}>`;
  if (/^[A-Za-z_$][\w$]*$/.test(location.exportName)) return `${module}.${location.exportName}`;
  return `${module}[${quote(location.exportName)}]`;
}

/** A relative, extensionless, forward-slashed module specifier for `file` as seen from `fromDir`. */
export function moduleSpecifier(file: string, fromDir: string): string {
  const extension = extname(file);
  const stem = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.cjs', '.mjs'].includes(extension)
    ? file.slice(0, -extension.length)
    : file;
  const path = relative(fromDir, stem).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}
