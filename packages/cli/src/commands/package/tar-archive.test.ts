import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { crc32, storedGzip } from './stored-gzip';
import { createTar } from './tar-archive';

/** Read a tar the simple way (ustar + PAX path records), to check what we wrote. */
function readTar(tar: Buffer): { path: string; content: string; mode: string; uid: string; mtime: string }[] {
  const out: { path: string; content: string; mode: string; uid: string; mtime: string }[] = [];
  let offset = 0;
  let paxPath: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number): string =>
      header
        .subarray(start, start + length)
        .toString('latin1')
        .replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12), 8);
    const type = field(156, 1);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if (type === 'x') {
      paxPath = /path=(.*)\n/.exec(body.toString('utf8'))?.[1];
    } else {
      out.push({
        path: paxPath ?? field(0, 100),
        content: body.toString('utf8'),
        mode: field(100, 8),
        uid: field(108, 8),
        mtime: field(136, 12),
      });
      paxPath = undefined;
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('createTar', () => {
  it('writes sorted regular files with fixed owner, mode and time', () => {
    const tar = createTar([
      { path: 'b.txt', content: Buffer.from('bee') },
      { path: 'a/x.json', content: Buffer.from('{}') },
    ]);
    expect(tar.length % 512).toBe(0);
    expect(readTar(tar)).toEqual([
      { path: 'a/x.json', content: '{}', mode: '0000644', uid: '0000000', mtime: '00000000000' },
      { path: 'b.txt', content: 'bee', mode: '0000644', uid: '0000000', mtime: '00000000000' },
    ]);
  });

  it('is byte-identical whatever the input order', () => {
    const a = createTar([
      { path: 'one', content: Buffer.from('1') },
      { path: 'two', content: Buffer.from('2') },
    ]);
    const b = createTar([
      { path: 'two', content: Buffer.from('2') },
      { path: 'one', content: Buffer.from('1') },
    ]);
    expect(a.equals(b)).toBe(true);
  });

  it('stores names longer than 100 bytes in a PAX record', () => {
    const long = `src/${'deep/'.repeat(30)}file.js`;
    const entries = readTar(createTar([{ path: long, content: Buffer.from('x') }]));
    expect(entries).toEqual([expect.objectContaining({ path: long, content: 'x' })]);
  });

  it('is read by the system tar', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-tar-'));
    try {
      const long = `${'n'.repeat(120)}.txt`;
      writeFileSync(
        join(dir, 'a.tar'),
        createTar([
          { path: 'dir/file.txt', content: Buffer.from('hello') },
          { path: long, content: Buffer.from('long') },
        ]),
      );
      execFileSync('tar', ['-xf', 'a.tar'], { cwd: dir });
      expect(readFileSync(join(dir, 'dir', 'file.txt'), 'utf8')).toBe('hello');
      expect(readFileSync(join(dir, long), 'utf8')).toBe('long');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses absolute, parent and duplicate paths', () => {
    expect(() => createTar([{ path: '/etc/passwd', content: Buffer.alloc(0) }])).toThrow(/unsafe/);
    expect(() => createTar([{ path: 'a/../../b', content: Buffer.alloc(0) }])).toThrow(/unsafe/);
    expect(() =>
      createTar([
        { path: 'a', content: Buffer.alloc(0) },
        { path: './a', content: Buffer.alloc(0) },
      ]),
    ).toThrow(/duplicate/);
  });
});

describe('storedGzip', () => {
  it('round-trips through zlib, including empty and multi-block data', () => {
    for (const size of [0, 1, 65535, 65536, 200000]) {
      const data = Buffer.alloc(size, 7);
      data.write('start');
      expect(gunzipSync(storedGzip(data)).equals(data)).toBe(true);
    }
  });

  it('has a fixed header: no name, mtime 0, OS unknown', () => {
    expect([...storedGzip(Buffer.from('x')).subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
