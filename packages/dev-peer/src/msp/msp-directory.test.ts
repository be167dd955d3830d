import { msp } from '@chaincode/shim/internal';
import { TestCa } from '../ca/test-ca';
import { MspDirectory } from './msp-directory';

const ca = new TestCa('Org1MSP');
const other = new TestCa('Org1MSP'); // another CA for the same MSP ID
const directory = (lenient = false): MspDirectory =>
  new MspDirectory(
    new Map([
      ['Org1MSP', ca.caCertificate('Org1MSP')],
      ['Org2MSP', ca.caCertificate('Org2MSP')],
    ]),
    lenient,
  );

// Source: hyperledger/fabric msp/mspimplvalidate.go validateIdentityOUsV142 (with NodeOUs, exactly
// one of the client/peer/admin/orderer OUs; its two error texts) and the certificate chain check
// (an identity must be issued by its MSP's CA); sampleconfig msp config.yaml OU identifiers.
describe('MspDirectory (NodeOUs)', () => {
  it.each([
    [['client'], ['client']],
    [['peer'], ['peer']],
    [['admin'], ['admin']],
    [['orderer'], ['orderer']],
    [['client', 'org1', 'department1'], ['client']],
  ])('an identity with OUs %p has roles %p', (ous, roles) => {
    const id = ca.createIdentity({ commonName: 'x', ous });
    const described = directory().describe('Org1MSP', id.certificate);
    expect(described).toMatchObject({ mspId: 'Org1MSP', valid: true, ous });
    expect([...described.roles]).toEqual(roles);
  });

  it.each([
    [['org1'], 'the identity does not have an OU that resolves to client or peer. OUs: [org1], MSP: [Org1MSP]'],
    [
      ['client', 'admin'],
      'the identity must be a client or a peer identity to be valid, not a combination of them. OUs: [client admin], MSP: [Org1MSP]',
    ],
  ])('refuses OUs %p', (ous, reason) => {
    const id = ca.createIdentity({ commonName: 'x', ous });
    expect(directory().describe('Org1MSP', id.certificate)).toMatchObject({ valid: false, invalidReason: reason });
  });

  it('refuses an identity of another CA, of another MSP, or of an unknown MSP', () => {
    const foreign = other.createIdentity({ commonName: 'intruder' });
    expect(directory().describe('Org1MSP', foreign.certificate).valid).toBe(false);
    const org1 = ca.createIdentity({ commonName: 'alice' });
    expect(directory().describe('Org2MSP', org1.certificate).valid).toBe(false);
    const org3 = ca.createIdentity({ mspId: 'Org3MSP', commonName: 'carol' });
    expect(directory().describe('Org3MSP', org3.certificate)).toMatchObject({
      valid: false,
      invalidReason: 'MSP Org3MSP is unknown',
    });
    expect(directory().describe('Org1MSP', 'not a certificate')).toMatchObject({ valid: false });
  });

  it('takes identities as they are when lenient (the single-org DevPeer)', () => {
    const org3 = ca.createIdentity({ mspId: 'Org3MSP', commonName: 'carol', ous: ['org3'] });
    expect(directory(true).describe('Org3MSP', org3.certificate)).toMatchObject({ valid: true, mspId: 'Org3MSP' });
  });

  it('describes a SerializedIdentity (a proposal creator)', () => {
    const id = ca.createIdentity({ commonName: 'bob', role: 'peer' });
    const bytes = msp.SerializedIdentity.encode({ mspid: 'Org1MSP', idBytes: Buffer.from(id.certificate) }).finish();
    expect([...directory().describeSerialized(bytes).roles]).toEqual(['peer']);
  });
});
