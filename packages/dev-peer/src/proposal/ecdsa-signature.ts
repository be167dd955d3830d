import { sign, type KeyObject } from 'node:crypto';

// Order of the P-256 group, and half of it, as 32-byte big-endian numbers.
const P256_N = Buffer.from('ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551', 'hex');
const HALF_N = Buffer.from('7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8', 'hex');

/**
 * ECDSA-SHA256 signature in DER, normalised to low-S as Fabric's MSP requires (it rejects a
 * signature whose S is above N/2). Byte arithmetic only: no BigInt on the hot path.
 */
export function signLowS(data: Uint8Array, key: KeyObject): Buffer {
  const raw = sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' });
  const r = raw.subarray(0, 32);
  let s: Buffer = raw.subarray(32, 64);
  if (Buffer.compare(s, HALF_N) > 0) s = subtract(P256_N, s);
  return derSignature(r, s);
}

/** a - b for 32-byte big-endian numbers with a > b. */
function subtract(a: Buffer, b: Buffer): Buffer {
  const out = Buffer.alloc(32);
  let borrow = 0;
  for (let i = 31; i >= 0; i--) {
    let d = (a[i] ?? 0) - (b[i] ?? 0) - borrow;
    borrow = d < 0 ? 1 : 0;
    if (d < 0) d += 256;
    out[i] = d;
  }
  return out;
}

function derInteger(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const pad = ((bytes[i] ?? 0) & 0x80) !== 0 ? 1 : 0;
  const out = Buffer.alloc(2 + pad + bytes.length - i);
  out[0] = 0x02;
  out[1] = pad + bytes.length - i;
  bytes.copy(out, 2 + pad, i);
  return out;
}

function derSignature(r: Buffer, s: Buffer): Buffer {
  const ri = derInteger(r);
  const si = derInteger(s);
  return Buffer.concat([Buffer.from([0x30, ri.length + si.length]), ri, si]);
}
