import { errorMessage } from '@chaincode/contract-api/internal';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexFile } from './index-catalog';
import { IndexFilesError } from './query-error';

/**
 * The files under `<modulePath>/META-INF/statedb`, as the chaincode package carries them (paths
 * relative to the package, "/"-separated). Hidden files are left out, as `chaincode package` does.
 * No META-INF/statedb directory: no index files.
 */
export function readIndexFiles(modulePath: string): IndexFile[] {
  const root = join(modulePath, 'META-INF', 'statedb');
  try {
    if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) return [];
    const files: IndexFile[] = [];
    walk(root, 'META-INF/statedb', files);
    return files;
  } catch (error) {
    throw new IndexFilesError(`cannot read the index files under ${root}: ${errorMessage(error)}`, error);
  }
}

function walk(dir: string, relative: string, out: IndexFile[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const rel = `${relative}/${entry.name}`;
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path).isDirectory());
    if (isDir) walk(path, rel, out);
    else out.push({ path: rel, content: readFileSync(path, 'utf8') });
  }
}
