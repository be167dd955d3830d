import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chmod, link, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '@chaincode/contract-api/internal';
import { CliError } from '../../errors/cli-error';

/** `.chaincode-dev.json` in the project: how `chaincode invoke` / `query` reach the running `chaincode dev`. */
export const SESSION_FILE = '.chaincode-dev.json';

export interface SessionInfo {
  readonly url: string;
  readonly name: string;
  readonly pid: number;
  /** What every request to the control endpoint must carry (`authorization: Bearer <secret>`). */
  readonly secret: string;
}

/** A new per-session secret: 32 random bytes, hex. */
export function newSessionSecret(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Make the session file this session's, readable by its owner only (0600): created exclusively, so
 * a second `chaincode dev` in the same folder cannot take over the first one's. A file left by a
 * session that is gone (its process no longer exists) is replaced. Resolves with the owner's info
 * when another live session holds the file.
 */
export async function claimSessionFile(
  dir: string,
  info: SessionInfo,
): Promise<{ readonly file: string } | { readonly heldBy: SessionInfo }> {
  const file = join(dir, SESSION_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await createComplete(file, JSON.stringify(info, null, 2) + '\n')) return { file };
    const holder = readSessionFile(dir);
    if (holder !== undefined && isAlive(holder.pid)) return { heldBy: holder };
    await rm(file, { force: true }); // left by a session that is gone
  }
  throw new CliError('CC_CLI_FILE_ERROR', `cannot claim ${file}: another session keeps writing it`);
}

/**
 * Create `file` with its whole content, readable by its owner only, unless it exists (false). The
 * content goes to a private file first, then is linked to the name: a reader (`chaincode invoke`,
 * a second session) never sees the file half written.
 */
async function createComplete(file: string, content: string): Promise<boolean> {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(draft, content, { flag: 'wx', mode: 0o600 });
    await chmod(draft, 0o600);
    await link(draft, file);
    return true;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'EEXIST') return false;
    throw new CliError('CC_CLI_FILE_ERROR', `cannot write ${file}: ${errorMessage(err)}`, { cause: err });
  } finally {
    await rm(draft, { force: true });
  }
}

/** Remove the session file if it is still this session's. */
export async function releaseSessionFile(file: string, secret: string): Promise<void> {
  try {
    const info = JSON.parse(await readFile(file, 'utf8')) as { secret?: unknown };
    if (info.secret === secret) await rm(file, { force: true });
  } catch {
    // already gone or replaced: nothing of ours to remove
  }
}

export function readSessionFile(dir: string): SessionInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(join(dir, SESSION_FILE), 'utf8')) as Record<string, unknown>;
    if (typeof info.url !== 'string' || typeof info.secret !== 'string') return undefined;
    return {
      url: info.url,
      secret: info.secret,
      name: typeof info.name === 'string' ? info.name : '',
      pid: typeof info.pid === 'number' ? info.pid : 0,
    };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: unknown }).code === 'EPERM';
  }
}
