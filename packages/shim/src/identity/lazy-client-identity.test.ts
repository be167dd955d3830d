import { IdentityError } from '../errors/shim-error';
import { ClientIdentity } from './client-identity';
import { LazyClientIdentity } from './lazy-client-identity';
import { creatorStub, makeCertificate } from './test-utils/certificates';

function countingSource(pem: string | Uint8Array) {
  const stub = creatorStub(pem);
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    getCreator() {
      calls += 1;
      return stub.getCreator();
    },
  };
}

describe('LazyClientIdentity', () => {
  it('reads the creator only when first asked, then once', async () => {
    const pem = await makeCertificate({ subject: [{ O: ['Org1'] }, { CN: ['lazy'] }] });
    const source = countingSource(pem);
    const lazy = new LazyClientIdentity(source);
    expect(source.calls).toBe(0);

    const eager = new ClientIdentity(creatorStub(pem));
    expect(lazy.getID()).toBe(eager.getID());
    expect(lazy.getMSPID()).toBe('Org1MSP');
    expect(Buffer.from(lazy.getIDBytes()).toString()).toBe(pem);
    expect(lazy.getAttributeValue('role')).toBeNull();
    expect(lazy.assertAttributeValue('role', 'x')).toBe(false);
    expect(lazy.getX509Certificate().subject).toContain('CN=lazy');
    expect(source.calls).toBe(1);
  });

  it('throws the IdentityError of a creator that is not a certificate at first use, not at construction', () => {
    const lazy = new LazyClientIdentity(countingSource('idemix credential'));
    expect(() => lazy.getID()).toThrow(IdentityError);
    expect(() => lazy.getMSPID()).toThrow(IdentityError);
  });
});
