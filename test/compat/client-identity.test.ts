/**
 * ClientIdentity against the official fabric-shim 2.5.8 ClientIdentity on the same certificates.
 * The official takes a stub; the fake here (creator, channel and tx id only) is the true boundary.
 */
import { ClientIdentity, IdentityError } from '@chaincode/shim';
import {
  creatorStub,
  makeCertificate,
  rawName,
  type CertificateSpec,
  type NameSpec,
  type RawAttribute,
} from '../../packages/shim/src/identity/test-utils/certificates';

interface OfficialIdentity {
  getID(): string;
  getMSPID(): string;
  getIDBytes(): Uint8Array;
  getAttributeValue(name: string): unknown;
  assertAttributeValue(name: string, value: string): boolean;
}
const { ClientIdentity: OfficialClientIdentity } = require('fabric-shim') as {
  ClientIdentity: new (stub: ReturnType<typeof creatorStub>) => OfficialIdentity;
};

const UTF8 = 0x0c;
const PRINTABLE = 0x13;
const TELETEX = 0x14;
const NUMERIC = 0x12;
const IA5 = 0x16;
const CN = '2.5.4.3';
const O = '2.5.4.10';
const raw = (...rdns: RawAttribute[][]): Buffer => rawName(rdns);

const fabricCaIssuer: NameSpec = [
  { C: ['US'] },
  { ST: ['North Carolina'] },
  { L: ['Durham'] },
  { O: ['org1.example.com'] },
  { CN: ['ca.org1.example.com'] },
];

const cases: [string, CertificateSpec][] = [
  [
    'a Fabric CA enrollment certificate',
    {
      subject: [
        { C: ['US'] },
        { ST: ['North Carolina'] },
        { O: ['Hyperledger'] },
        { OU: ['client'] },
        { OU: ['org1'] },
        { CN: ['user1'] },
      ],
      issuer: fabricCaIssuer,
    },
  ],
  ['an RSA certificate', { subject: [{ O: ['Org2'] }, { CN: ['rsa-user'] }], key: 'rsa' }],
  ['attributes out of the usual order', { subject: [{ O: ['b'] }, { C: ['US'] }, { CN: ['z'] }, { O: ['a'] }] }],
  ['one slash', { subject: [{ CN: ['a/b'] }] }],
  ['several slashes (only the first is escaped)', { subject: [{ CN: ['a/b/c'] }, { O: ['//x//'] }] }],
  ['a value that is only a slash', { subject: [{ CN: ['/'] }, { OU: ['/x'] }] }],
  ['RFC 4514 specials', { subject: [{ CN: ['a,b=c+d"e;f<g>h#i'] }, { O: [' leading and trailing '] }] }],
  ['a backslash before a slash', { subject: raw([[CN, UTF8, 'a\\/b']], [[O, UTF8, '\\']]) }],
  ['unicode', { subject: [{ CN: ['Zoë 日本 😀'] }, { L: ['Düsseldorf'] }] }],
  ['an empty value', { subject: raw([[CN, UTF8, '']], [[O, PRINTABLE, '']]) }],
  ['a multi-valued RDN', { subject: [{ CN: ['a', 'b'] }, { O: ['x+y'] }] }],
  [
    'a multi-valued RDN of mixed types, not DER-sorted',
    {
      subject: raw([
        [CN, UTF8, 'b'],
        [O, UTF8, 'a'],
        [CN, PRINTABLE, 'a'],
      ]),
    },
  ],
  ['email address', { subject: [{ E: ['user@example.com/x'] }, { CN: ['u'] }] }],
  [
    'attribute types without a short name',
    {
      subject: raw(
        [['2.5.4.5', PRINTABLE, 'SER123']],
        [['0.9.2342.19200300.100.1.25', IA5, 'com']],
        [['0.9.2342.19200300.100.1.1', UTF8, 'uid1']],
        [['2.5.4.12', UTF8, 'title']],
        [['2.5.4.9', UTF8, 'street 1/2']],
        [['2.5.4.42', UTF8, 'given']],
        [['1.3.6.1.4.1.99999.7', UTF8, 'private']],
        [[CN, UTF8, 'u']],
      ),
    },
  ],
  [
    'PrintableString, IA5String, TeletexString, NumericString',
    {
      subject: raw([[CN, PRINTABLE, 'p']], [[O, IA5, 'i@x']], [['2.5.4.11', TELETEX, 'tü']], [[CN, NUMERIC, '12 34']]),
    },
  ],
  [
    'a UTF8String that is not UTF-8',
    {
      subject: raw(
        [[CN, UTF8, Buffer.from([0x61, 0xff, 0xc3, 0x62])]],
        [[O, UTF8, Buffer.from([0x61, 0xed, 0xa0, 0x80])]],
      ),
    },
  ],
  [
    'a PrintableString with non-ASCII bytes',
    { subject: raw([[CN, PRINTABLE, Buffer.from([0x61, 0xfc, 0x62, 0xc3])]]) },
  ],
  [
    'a byte-order mark and control characters',
    { subject: raw([[CN, UTF8, '\ufeffa\nb\u0000c']], [[O, IA5, 'x\u007f']]) },
  ],
  ['an empty subject', { subject: raw() }],
  ['long values (long-form DER lengths)', { subject: [{ CN: ['x'.repeat(200)] }, { O: ['y/'.repeat(150)] }] }],
  [
    'an issuer with slashes and a multi-valued RDN',
    { subject: [{ CN: ['u'] }], issuer: [{ C: ['US'] }, { O: ['ca/1', 'ca/2'] }, { CN: ['root/ca'] }] },
  ],
];

describe('ClientIdentity.getID matches fabric-shim 2.5.8 byte for byte', () => {
  it.each(cases)('%s', async (_name, spec) => {
    const pem = await makeCertificate(spec);
    const official = new OfficialClientIdentity(creatorStub(pem)).getID();
    const ours = new ClientIdentity(creatorStub(pem)).getID();
    expect(ours).toBe(official);
    expect(Buffer.from(ours)).toEqual(Buffer.from(official));
  });

  it('the Fabric CA case reads as expected (so the comparison is not vacuous)', async () => {
    const pem = await makeCertificate(cases[0]![1]);
    expect(new ClientIdentity(creatorStub(pem)).getID()).toBe(
      'x509::/C=US/ST=North Carolina/O=Hyperledger/OU=client/OU=org1/CN=user1::/C=US/ST=North Carolina/L=Durham/O=org1.example.com/CN=ca.org1.example.com',
    );
  });

  it('accepts the PEM variations the official accepts (CRLF, leading blank lines, trailing text)', async () => {
    const pem = await makeCertificate({ subject: [{ CN: ['user/1'] }] });
    for (const variant of [pem.replace(/\n/g, '\r\n'), `  \n${pem}`, `${pem}\ntrailing text`]) {
      expect(new ClientIdentity(creatorStub(variant)).getID()).toBe(
        new OfficialClientIdentity(creatorStub(variant)).getID(),
      );
    }
  });
});

describe('ClientIdentity MSP id, id bytes and attributes compared with fabric-shim 2.5.8', () => {
  const attributes = JSON.stringify({
    attrs: { 'hf.EnrollmentID': 'user1', 'hf.Type': 'client', role: 'auditor', empty: '', 'with space': 'a b' },
  });

  it('agrees on MSP id, id bytes, present and missing attributes, and assertions', async () => {
    const pem = await makeCertificate({ subject: [{ CN: ['user1'] }], attributes });
    const stub = creatorStub(pem, 'Org7MSP');
    const official = new OfficialClientIdentity(stub);
    const ours = new ClientIdentity(stub);
    expect(ours.getMSPID()).toBe(official.getMSPID());
    expect(Buffer.from(ours.getIDBytes())).toEqual(Buffer.from(official.getIDBytes()));
    for (const name of ['hf.EnrollmentID', 'hf.Type', 'role', 'with space', 'missing', 'ROLE']) {
      expect(ours.getAttributeValue(name)).toBe(official.getAttributeValue(name));
      expect(ours.assertAttributeValue(name, 'auditor')).toBe(official.assertAttributeValue(name, 'auditor'));
    }
  });

  it('agrees that a certificate without the extension has no attributes', async () => {
    const pem = await makeCertificate({ subject: [{ CN: ['plain'] }] });
    const official = new OfficialClientIdentity(creatorStub(pem));
    const ours = new ClientIdentity(creatorStub(pem));
    expect(ours.getAttributeValue('role')).toBe(official.getAttributeValue('role'));
    expect(ours.getAttributeValue('role')).toBeNull();
    expect(ours.assertAttributeValue('role', 'x')).toBe(official.assertAttributeValue('role', 'x'));
  });

  // Documented differences: inputs where the official loses data or throws.
  it('an attribute whose value is "" reads as null, as in the official', async () => {
    const pem = await makeCertificate({ subject: [{ CN: ['user1'] }], attributes });
    const official = new OfficialClientIdentity(creatorStub(pem));
    const ours = new ClientIdentity(creatorStub(pem));
    expect(ours.getAttributeValue('empty')).toBe(official.getAttributeValue('empty'));
    expect(ours.getAttributeValue('empty')).toBeNull();
    expect(ours.assertAttributeValue('empty', '')).toBe(official.assertAttributeValue('empty', ''));
  });

  it('DIFFERENCE: an extension without "attrs" means no attributes (official: every call throws)', async () => {
    const pem = await makeCertificate({ subject: [{ CN: ['user1'] }], attributes: '{"other":{"role":"x"}}' });
    const official = new OfficialClientIdentity(creatorStub(pem));
    expect(() => official.getAttributeValue('role')).toThrow(TypeError);
    const ours = new ClientIdentity(creatorStub(pem));
    expect(ours.getAttributeValue('role')).toBeNull();
    expect(ours.assertAttributeValue('role', 'x')).toBe(false);
  });

  it('DIFFERENCE: inherited property names are not attributes (official: toString gives a function)', async () => {
    const pem = await makeCertificate({ subject: [{ CN: ['user1'] }], attributes });
    const official = new OfficialClientIdentity(creatorStub(pem));
    expect(typeof official.getAttributeValue('toString')).toBe('function');
    const ours = new ClientIdentity(creatorStub(pem));
    expect(ours.getAttributeValue('toString')).toBeNull();
    expect(ours.getAttributeValue('__proto__')).toBeNull();
  });

  it('DIFFERENCE: a BMPString subject value is decoded (official: TypeError from getID construction)', async () => {
    const bmp = Buffer.from([0x00, 0x61, 0x00, 0xfc]);
    const pem = await makeCertificate({ subject: raw([[CN, 0x1e, bmp]]) });
    expect(() => new OfficialClientIdentity(creatorStub(pem))).toThrow();
    expect(new ClientIdentity(creatorStub(pem)).getID()).toBe('x509::/CN=aü::/C=US/O=Test CA/CN=ca.example.com');
  });

  it('both refuse a creator that is not a PEM certificate; ours with a typed error', () => {
    const stub = creatorStub(Buffer.from([0x0a, 0x03, 0x61, 0x62, 0x63]), 'IdemixMSP');
    expect(() => new OfficialClientIdentity(stub)).toThrow();
    expect(() => new ClientIdentity(stub)).toThrow(IdentityError);
    expect(() => new ClientIdentity(stub)).toThrow(expect.objectContaining({ code: 'CC_SHIM_IDENTITY_ERROR' }));
  });
});
