import { generateKeyPairSync, verify } from 'node:crypto';
import { signLowS } from './ecdsa-signature';

const HALF_N = BigInt('0x7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8');

function integers(der: Buffer): [bigint, bigint] {
  expect(der[0]).toBe(0x30);
  const rLen = der[3] ?? 0;
  const r = der.subarray(4, 4 + rLen);
  const s = der.subarray(4 + rLen + 2, 4 + rLen + 2 + (der[4 + rLen + 1] ?? 0));
  return [BigInt('0x' + r.toString('hex')), BigInt('0x' + s.toString('hex'))];
}

describe('signLowS', () => {
  it('always yields a verifiable DER signature with S <= N/2', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (let i = 0; i < 100; i++) {
      const data = Buffer.from(`message ${String(i)}`);
      const signature = signLowS(data, privateKey);
      expect(verify('sha256', data, publicKey, signature)).toBe(true);
      const [r, s] = integers(signature);
      expect(r > 0n && s > 0n && s <= HALF_N).toBe(true);
    }
  });
});
