import { ClientIdentity } from './client-identity';
import { IdentityError } from '../errors/shim-error';
import { creatorStub, makeCertificate, rawName } from './test-utils/certificates';

const CN = '2.5.4.3';
const issuerText = '/C=US/O=Test CA/CN=ca.example.com';

describe('ClientIdentity', () => {
  it('exposes the MSP id, the creator bytes and the certificate', async () => {
    const pem = await makeCertificate({ subject: [{ O: ['Org1'] }, { CN: ['alice'] }] });
    const stub = creatorStub(pem, 'Org1MSP');
    const identity = new ClientIdentity(stub);
    expect(identity.getMSPID()).toBe('Org1MSP');
    expect(identity.getIDBytes()).toBe(stub.getCreator().idBytes);
    expect(identity.getID()).toBe(`x509::/O=Org1/CN=alice::${issuerText}`);
    const certificate = identity.getX509Certificate();
    expect(certificate.subject).toBe('O=Org1\nCN=alice');
    expect(certificate.serialNumber.toLowerCase()).toBe('0a1b2c');
  });

  it('renders values like fabric-shim: only the first "/" of a value is escaped', async () => {
    const pem = await makeCertificate({ subject: [{ OU: ['a/b/c'] }, { CN: ['x,y+z=\\'] }] });
    expect(new ClientIdentity(creatorStub(pem)).getID()).toBe(`x509::/OU=a\\/b/c/CN=x,y+z=\\::${issuerText}`);
  });

  it('parses each distinct creator once: equal bytes in different buffers share one certificate object', async () => {
    const pem = await makeCertificate({ subject: [{ CN: ['cached'] }], serialNumber: '77' });
    const first = new ClientIdentity(creatorStub(Buffer.from(pem)));
    const second = new ClientIdentity(creatorStub(new Uint8Array(Buffer.from(pem))));
    expect(second.getX509Certificate()).toBe(first.getX509Certificate());
    const other = await makeCertificate({ subject: [{ CN: ['cached'] }], serialNumber: '78' });
    expect(new ClientIdentity(creatorStub(other)).getX509Certificate()).not.toBe(first.getX509Certificate());
  });

  it('reads the first certificate when the creator holds a chain', async () => {
    const leaf = await makeCertificate({ subject: [{ CN: ['leaf'] }] });
    const ca = await makeCertificate({ subject: [{ CN: ['intermediate'] }] });
    expect(new ClientIdentity(creatorStub(leaf + ca)).getID()).toBe(`x509::/CN=leaf::${issuerText}`);
  });

  describe('Fabric CA attributes', () => {
    it('returns string values, and null for absent names and for "" (as fabric-shim does)', async () => {
      const attributes = JSON.stringify({ attrs: { role: 'admin', empty: '', 'hf.Affiliation': 'org1.dept1' } });
      const identity = new ClientIdentity(creatorStub(await makeCertificate({ subject: [{ CN: ['u'] }], attributes })));
      expect(identity.getAttributeValue('role')).toBe('admin');
      expect(identity.getAttributeValue('hf.Affiliation')).toBe('org1.dept1');
      expect(identity.getAttributeValue('empty')).toBeNull();
      expect(identity.assertAttributeValue('empty', '')).toBe(false);
      expect(identity.getAttributeValue('absent')).toBeNull();
      expect(identity.assertAttributeValue('role', 'admin')).toBe(true);
      expect(identity.assertAttributeValue('role', 'Admin')).toBe(false);
      expect(identity.assertAttributeValue('absent', '')).toBe(false);
    });

    it('ignores values that are not strings (Fabric CA writes only strings)', async () => {
      const attributes = JSON.stringify({ attrs: { n: 5, b: true, o: { x: 1 }, z: null } });
      const identity = new ClientIdentity(creatorStub(await makeCertificate({ subject: [{ CN: ['u'] }], attributes })));
      for (const name of ['n', 'b', 'o', 'z']) expect(identity.getAttributeValue(name)).toBeNull();
      expect(identity.assertAttributeValue('n', '5')).toBe(false);
    });

    it.each(['{}', 'null', '[]', '{"attrs":null}', '{"attrs":"text"}', '{"attrs":["a"]}'])(
      'treats %s as a certificate without attributes',
      async (json) => {
        const identity = new ClientIdentity(
          creatorStub(await makeCertificate({ subject: [{ CN: ['u'] }], attributes: json })),
        );
        expect(identity.getAttributeValue('0')).toBeNull();
        expect(identity.assertAttributeValue('a', 'a')).toBe(false);
      },
    );

    it('reports an extension that is not JSON on attribute access, not at construction', async () => {
      const pem = await makeCertificate({ subject: [{ CN: ['u'] }], attributes: 'not json' });
      const identity = new ClientIdentity(creatorStub(pem));
      expect(identity.getID()).toBe(`x509::/CN=u::${issuerText}`);
      expect(() => identity.getAttributeValue('role')).toThrow(IdentityError);
      expect(() => identity.assertAttributeValue('role', 'x')).toThrow(/1\.2\.3\.4\.5\.6\.7\.8\.1 is not JSON/);
    });
  });

  describe('subject values the official cannot read', () => {
    it.each([
      ['BMPString', 0x1e, Buffer.from([0x00, 0x5a, 0x00, 0xeb, 0xd8, 0x3d, 0xde, 0x00]), 'Zë😀'],
      ['UniversalString', 0x1c, Buffer.from([0, 0, 0, 0x61, 0, 0, 0, 0xfc]), 'aü'],
      ['VisibleString', 0x1a, Buffer.from('vis/ible'), 'vis\\/ible'],
      ['IA5String with a high byte', 0x16, Buffer.from([0x61, 0xfc]), 'aü'],
      ['INTEGER', 0x02, Buffer.from([0x05]), '#020105'],
    ])('%s', async (_name, tag, value, text) => {
      const pem = await makeCertificate({ subject: rawName([[[CN, tag, value]]]) });
      expect(new ClientIdentity(creatorStub(pem)).getID()).toBe(`x509::/CN=${text}::${issuerText}`);
    });

    it('keeps id and attributes when OpenSSL refuses the certificate; getX509Certificate then throws', async () => {
      const pem = await makeCertificate({
        subject: rawName([[[CN, 0x02, Buffer.from([0x05])]]]),
        attributes: '{"attrs":{"role":"x"}}',
      });
      const identity = new ClientIdentity(creatorStub(pem));
      expect(identity.getID()).toBe(`x509::/CN=#020105::${issuerText}`);
      expect(identity.getAttributeValue('role')).toBe('x');
      expect(() => identity.getX509Certificate()).toThrow(IdentityError);
      expect(() => identity.getX509Certificate()).toThrow(/node:crypto cannot load/);
    });
  });

  describe('creators that are not X.509 PEM certificates', () => {
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['idemix identity bytes', Buffer.from([0x0a, 0x20, 0x12, 0x34]), /not a PEM X\.509 certificate.*idemix/],
      ['empty bytes', new Uint8Array(0), /not a PEM X\.509 certificate/],
      ['a BEGIN line without END', '-----BEGIN CERTIFICATE-----\nMIIB\n', /not a well-formed PEM block/],
      [
        'a body that is not base64',
        '-----BEGIN CERTIFICATE-----\n#!$\n-----END CERTIFICATE-----\n',
        /not a well-formed PEM/,
      ],
      [
        'base64 that is not a certificate',
        `-----BEGIN CERTIFICATE-----\n${Buffer.from('hello world').toString('base64')}\n-----END CERTIFICATE-----\n`,
        /cannot be parsed/,
      ],
    ];
    it.each(cases)('%s → IdentityError naming the MSP', (_name, bytes, message) => {
      let thrown: unknown;
      try {
        new ClientIdentity(creatorStub(bytes, 'IdemixOrgMSP'));
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(IdentityError);
      expect(thrown).toMatchObject({ code: 'CC_SHIM_IDENTITY_ERROR', name: 'IdentityError' });
      expect((thrown as Error).message).toMatch(message);
      expect((thrown as Error).message).toContain('IdemixOrgMSP');
    });

    it('a truncated certificate is refused with the parser error as cause', async () => {
      const pem = await makeCertificate({ subject: [{ CN: ['u'] }] });
      const der = Buffer.from(pem.split('\n').slice(1, -2).join(''), 'base64');
      const truncated = `-----BEGIN CERTIFICATE-----\n${der.subarray(0, der.length - 10).toString('base64')}\n-----END CERTIFICATE-----\n`;
      expect(() => new ClientIdentity(creatorStub(truncated))).toThrow(
        expect.objectContaining({
          code: 'CC_SHIM_IDENTITY_ERROR',
          cause: expect.objectContaining({ name: 'DerError' }),
        }),
      );
    });
  });
});
