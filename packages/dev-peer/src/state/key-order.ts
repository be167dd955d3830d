/**
 * Key order as Fabric's state database sees it: keys are UTF-8 strings compared byte by byte (Go's
 * byte order). For well-formed strings that is code point order, which differs from JavaScript's
 * UTF-16 code unit order only for surrogate pairs against U+E000..U+FFFF.
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

// Surrogates (D800-DFFF) stand for code points above U+FFFF: move them above E000-FFFF.
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  if (unit < 0xe000) return unit + 0x2000;
  return unit - 0x800;
}
