import { CliError } from '../../errors/cli-error';

/**
 * A byte-for-byte reproducible tar archive (POSIX ustar, PAX records for long names): regular files
 * only, sorted by path, mode 0644, uid/gid 0, no user or group names, mtime 0. The same entries
 * always give the same bytes, whatever the machine, clock or umask.
 */
export interface TarEntry {
  readonly path: string;
  readonly content: Uint8Array;
}

const BLOCK = 512;

export function createTar(entries: readonly TarEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const parts: Buffer[] = [];
  const seen = new Set<string>();
  for (const entry of sorted) {
    const path = normalizePath(entry.path);
    if (seen.has(path)) throw new CliError('CC_CLI_FILE_ERROR', `duplicate archive entry ${path}`);
    seen.add(path);
    if (Buffer.byteLength(path) > 100) {
      const record = paxRecord('path', path);
      parts.push(header(paxName(path), record.length, 'x'), padded(record));
    }
    parts.push(header(truncateName(path), entry.content.length, '0'), padded(Buffer.from(entry.content)));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

function normalizePath(path: string): string {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  if (p === '' || p.startsWith('/') || p.split('/').includes('..'))
    throw new CliError('CC_CLI_FILE_ERROR', `unsafe archive path ${path}`);
  return p;
}

function padded(data: Buffer): Buffer {
  const rest = data.length % BLOCK;
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(BLOCK - rest)]);
}

/** A PAX record "<len> key=value\n", where len counts the whole record including itself. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const bodyLength = Buffer.byteLength(body);
  let length = bodyLength + 1;
  while (String(length).length + bodyLength !== length) length = String(length).length + bodyLength;
  return Buffer.from(`${length}${body}`);
}

function paxName(path: string): string {
  return truncateName(`PaxHeaders/${path.slice(path.lastIndexOf('/') + 1)}`);
}

function truncateName(name: string): string {
  const bytes = Buffer.from(name);
  return bytes.length <= 100 ? name : bytes.subarray(0, 100).toString('latin1');
}

function header(name: string, size: number, type: '0' | 'x'): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  writeOctal(h, 100, 8, 0o644); // mode
  writeOctal(h, 108, 8, 0); // uid
  writeOctal(h, 116, 8, 0); // gid
  writeOctal(h, 124, 12, size);
  writeOctal(h, 136, 12, 0); // mtime
  h.fill(0x20, 148, 156); // checksum field counts as spaces
  h.write(type, 156, 1, 'latin1');
  h.write('ustar\u000000', 257, 8, 'latin1'); // magic "ustar\0" + version "00"
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(sum.toString(8).padStart(6, '0') + '\u0000 ', 148, 8, 'latin1');
  return h;
}

function writeOctal(buf: Buffer, offset: number, width: number, value: number): void {
  buf.write(value.toString(8).padStart(width - 1, '0') + '\u0000', offset, width, 'latin1');
}
