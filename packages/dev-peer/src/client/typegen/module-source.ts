import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';

const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);
const COMPILED_EXTENSIONS = new Set(['.js', '.cjs', '.mjs']);

/**
 * The TypeScript source a compiled module came from, read from its source map (tsc's `sourceMap`
 * or `inlineSourceMap`), when that source exists; otherwise the file itself. So a declaration
 * naming a class refers to the same declaration the tests import from `src/`.
 */
export function sourceFileOf(file: string): string {
  if (!COMPILED_EXTENSIONS.has(extname(file))) return file;
  let code: string;
  try {
    code = readFileSync(file, 'utf8');
  } catch {
    return file;
  }
  const map = readSourceMap(file, code);
  if (map === undefined) return file;
  const sources = Array.isArray(map.json.sources) ? (map.json.sources as unknown[]) : [];
  const root = typeof map.json.sourceRoot === 'string' ? map.json.sourceRoot : '';
  for (const source of sources) {
    if (typeof source !== 'string' || source.includes('://')) continue;
    const path = resolve(map.dir, root, source);
    if (SOURCE_EXTENSIONS.has(extname(path)) && existsSync(path)) return path;
  }
  return file;
}

interface SourceMap {
  readonly dir: string;
  readonly json: { sources?: unknown; sourceRoot?: unknown };
}

function readSourceMap(file: string, code: string): SourceMap | undefined {
  const match = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code);
  const url = match?.[1];
  if (url === undefined) return undefined;
  try {
    const inline = /^data:application\/json;(?:charset=utf-8;)?base64,(.*)$/i.exec(url);
    if (inline?.[1] !== undefined) {
      return {
        dir: dirname(file),
        json: JSON.parse(Buffer.from(inline[1], 'base64').toString('utf8')) as SourceMap['json'],
      };
    }
    if (url.includes('://')) return undefined;
    const path = resolve(dirname(file), decodeURIComponent(url));
    return { dir: dirname(path), json: JSON.parse(readFileSync(path, 'utf8')) as SourceMap['json'] };
  } catch {
    return undefined;
  }
}
