import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimSessionFile, newSessionSecret, readSessionFile, releaseSessionFile, SESSION_FILE } from './session-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cc-session-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const info = (pid: number) => ({ url: 'http://127.0.0.1:1', name: 'x', pid, secret: newSessionSecret() });

describe('the session file', () => {
  it('is created owner-only, and a live session keeps it', async () => {
    const first = info(process.pid);
    const claim = await claimSessionFile(dir, first);
    expect(claim).toEqual({ file: join(dir, SESSION_FILE) });
    expect(statSync(join(dir, SESSION_FILE)).mode & 0o777).toBe(0o600);
    expect(await claimSessionFile(dir, info(process.pid))).toEqual({ heldBy: first });
    expect(readSessionFile(dir)).toEqual(first);
  });

  it('replaces the file of a session that is gone', async () => {
    writeFileSync(join(dir, SESSION_FILE), JSON.stringify({ ...info(2 ** 22 + 12345), url: 'http://old' }));
    const next = info(process.pid);
    expect(await claimSessionFile(dir, next)).toEqual({ file: join(dir, SESSION_FILE) });
    expect(readSessionFile(dir)?.secret).toBe(next.secret);
  });

  it('is removed only by the session that owns it', async () => {
    const mine = info(process.pid);
    await claimSessionFile(dir, mine);
    await releaseSessionFile(join(dir, SESSION_FILE), 'someone else');
    expect(JSON.parse(readFileSync(join(dir, SESSION_FILE), 'utf8'))).toEqual(mine);
    await releaseSessionFile(join(dir, SESSION_FILE), mine.secret);
    expect(readSessionFile(dir)).toBeUndefined();
  });
});
