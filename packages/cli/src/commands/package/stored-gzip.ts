/**
 * gzip without compression (deflate "stored" blocks). Compressed output depends on the zlib build
 * and even the CPU features it uses, so packages compressed on two machines may differ; stored
 * blocks are the same everywhere, which keeps a chaincode package id stable. Chaincode packages
 * are small (connection.json, or sources without node_modules), so the size is no concern.
 */
const MAX_STORED = 0xffff;

export function storedGzip(data: Uint8Array): Buffer {
  const parts: Buffer[] = [];
  // header: magic, CM=8 (deflate), no flags, MTIME 0, XFL 0, OS 255 (unknown)
  parts.push(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]));
  let offset = 0;
  do {
    const length = Math.min(MAX_STORED, data.length - offset);
    const final = offset + length >= data.length ? 1 : 0;
    const block = Buffer.alloc(5);
    block[0] = final; // BFINAL, BTYPE=00
    block.writeUInt16LE(length, 1);
    block.writeUInt16LE(~length & 0xffff, 3);
    parts.push(block, Buffer.from(data.subarray(offset, offset + length)));
    offset += length;
  } while (offset < data.length);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data), 0);
  trailer.writeUInt32LE(data.length % 2 ** 32, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}

let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  if (table !== undefined) return table;
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  table = t;
  return t;
}

export function crc32(data: Uint8Array): number {
  const t = crcTable();
  let crc = 0xffffffff;
  for (const byte of data) crc = (t[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
