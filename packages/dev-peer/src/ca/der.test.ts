import { directoryString, namedBits, oid, octetString, time, unsignedInteger } from './der';

const hex = (b: Buffer): string => b.toString('hex');

// Source: ITU-T X.690 (DER) and RFC 5280 (UTCTime through 2049, GeneralizedTime from 2050;
// KeyUsage as a named bit list without trailing zero bits).
describe('DER encoding', () => {
  it.each([
    [oid('1.2.840.10045.4.3.2'), '06082a8648ce3d040302'],
    [oid('2.5.29.15'), '0603551d0f'],
    [oid('1.2.3.4.5.6.7.8.1'), '06082a03040506070801'],
    [unsignedInteger(Buffer.from([0x80])), '02020080'],
    [unsignedInteger(Buffer.from([0, 0, 5])), '020105'],
    [namedBits([0]), '03020780'],
    [namedBits([0, 5, 6]), '03020186'],
    [namedBits([0, 2, 4]), '030203a8'],
    [directoryString('Org1'), '13044f726731'],
    [directoryString('Zürich'), '0c075ac3bc72696368'],
    [time(new Date(Date.UTC(2049, 11, 31, 23, 59, 58))), '170d3439313233313233353935385a'],
    [time(new Date(Date.UTC(2050, 0, 1, 0, 0, 0))), '180f32303530303130313030303030305a'],
  ])('case %#', (encoded, expected) => {
    expect(hex(encoded)).toBe(expected);
  });

  it('writes long lengths in the long form', () => {
    expect(hex(octetString(Buffer.alloc(200))).slice(0, 6)).toBe('0481c8');
    expect(hex(octetString(Buffer.alloc(300))).slice(0, 8)).toBe('0482012c');
  });
});
