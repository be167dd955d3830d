import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { FABRIC_ATTRIBUTES_OID, TestCa } from './test-ca';

/** The DER value bytes of an extension, found by OID, in a certificate's DER. */
function extensionValue(der: Buffer, oid: string): Buffer | undefined {
  const parts = oid.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = parts;
  const body: number[] = [first * 40 + second];
  for (const n of rest) {
    const bytes = [n & 0x7f];
    for (let v = n >> 7; v > 0; v >>= 7) bytes.unshift((v & 0x7f) | 0x80);
    body.push(...bytes);
  }
  const oidDer = Buffer.from([0x06, body.length, ...body]);
  const at = der.indexOf(oidDer);
  if (at < 0) return undefined;
  // OID, then the OCTET STRING (no critical flag when not critical): 04 len value
  let i = at + oidDer.length;
  if (der[i] === 0x01) i += 3; // BOOLEAN critical
  if (der[i] !== 0x04) return undefined;
  let len = der[i + 1] ?? 0;
  let start = i + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = Number(BigInt('0x' + der.subarray(start, start + n).toString('hex')));
    start += n;
  }
  return der.subarray(start, start + len);
}

describe('TestCa', () => {
  const ca = new TestCa('Org1MSP');

  it('issues Fabric CA-shaped client certificates signed by a per-MSP CA', () => {
    const id = ca.createIdentity({ commonName: 'alice', attributes: { role: 'auditor' } });
    const cert = new X509Certificate(id.certificate);
    expect(id.mspId).toBe('Org1MSP');
    expect(cert.subject.split('\n')).toEqual(['C=US', 'ST=North Carolina', 'O=Hyperledger', 'OU=client', 'CN=alice']);
    const caCert = new X509Certificate(ca.caCertificate());
    expect(cert.issuer).toBe(caCert.subject);
    expect(caCert.subject).toContain('CN=ca.org1.example.com');
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(caCert.ca).toBe(true);
    expect(cert.ca).toBe(false);
    // the private key belongs to the certificate
    const derived = createPublicKey(createPrivateKey(id.privateKey)).export({ format: 'der', type: 'spki' });
    expect(derived.equals(cert.publicKey.export({ format: 'der', type: 'spki' }))).toBe(true);
  });

  it('writes attributes as the JSON extension 1.2.3.4.5.6.7.8.1 with the hf.* defaults', () => {
    const id = ca.createIdentity({ commonName: 'bob', attributes: { role: 'admin', 'hf.Type': 'admin' } });
    const raw = extensionValue(new X509Certificate(id.certificate).raw, FABRIC_ATTRIBUTES_OID);
    expect(JSON.parse(raw?.toString() ?? 'null')).toEqual({
      attrs: { 'hf.Affiliation': '', 'hf.EnrollmentID': 'bob', 'hf.Type': 'admin', role: 'admin' },
    });
  });

  it('uses the given OUs and a separate CA per MSP', () => {
    const id = ca.createIdentity({ mspId: 'Org2MSP', commonName: 'peer0', ous: ['peer', 'org2'] });
    const cert = new X509Certificate(id.certificate);
    expect(cert.subject).toContain('OU=peer\nOU=org2\nCN=peer0');
    expect(cert.verify(new X509Certificate(ca.caCertificate('Org2MSP')).publicKey)).toBe(true);
    expect(cert.verify(new X509Certificate(ca.caCertificate('Org1MSP')).publicKey)).toBe(false);
  });

  it('refuses an empty common name with a coded error', () => {
    expect(() => ca.createIdentity({ commonName: '' })).toThrow(
      expect.objectContaining({ code: 'CC_DEVPEER_INVALID_OPTIONS' }),
    );
  });

  it('writes the node OU of a role, and hf.Type as Fabric CA does', () => {
    const admin = ca.createIdentity({ commonName: 'boss', role: 'admin' });
    expect(new X509Certificate(admin.certificate).subject).toContain('OU=admin\nCN=boss');
    const raw = extensionValue(new X509Certificate(admin.certificate).raw, FABRIC_ATTRIBUTES_OID);
    expect(JSON.parse(raw?.toString() ?? 'null').attrs['hf.Type']).toBe('admin');
  });

  it('shares CAs and identical identities across shared CAs, never with a private one', () => {
    const a = new TestCa('SharedOrgMSP', { shared: true });
    const b = new TestCa('SharedOrgMSP', { shared: true });
    expect(a.caCertificate()).toBe(b.caCertificate());
    const one = a.createIdentity({ commonName: 'u', attributes: { x: '1', y: '2' } });
    expect(b.createIdentity({ commonName: 'u', attributes: { y: '2', x: '1' } })).toBe(one);
    expect(b.createIdentity({ commonName: 'u', attributes: { x: '2' } })).not.toBe(one);
    expect(new TestCa('SharedOrgMSP').caCertificate()).not.toBe(a.caCertificate());
  });
});
