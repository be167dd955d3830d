import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** `.cc-dev.json` in the project: how `cc invoke` / `cc query` find the running `cc dev`. */
export const SESSION_FILE = '.cc-dev.json';

export interface SessionInfo {
  readonly url: string;
  readonly name: string;
  readonly pid: number;
}

export async function writeSessionFile(dir: string, info: SessionInfo): Promise<string> {
  const file = join(dir, SESSION_FILE);
  await writeFile(file, JSON.stringify(info, null, 2) + '\n');
  return file;
}

export async function removeSessionFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

export function readSessionFile(dir: string): SessionInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(join(dir, SESSION_FILE), 'utf8')) as Record<string, unknown>;
    if (typeof info.url !== 'string') return undefined;
    return {
      url: info.url,
      name: typeof info.name === 'string' ? info.name : '',
      pid: typeof info.pid === 'number' ? info.pid : 0,
    };
  } catch {
    return undefined;
  }
}
