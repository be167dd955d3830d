/**
 * ClientIdentity in a running chaincode: creators made by the DevPeer's CA travel in a real
 * SignedProposal to a chaincode on @chaincode/shim, which reads them with our ClientIdentity and,
 * on the same stub, with fabric-shim 2.5.8's.
 */
import { DevPeer } from '@chaincode/dev-peer';
import { ClientIdentity, Shim, startChaincode, type ChaincodeSession } from '@chaincode/shim';
import { quietLogs } from '../shim/harness';
import type { ChaincodeStub } from '@chaincode/contract-api';

const { ClientIdentity: OfficialClientIdentity } = require('fabric-shim') as {
  ClientIdentity: new (stub: ChaincodeStub) => {
    getID(): string;
    getMSPID(): string;
    getAttributeValue(n: string): unknown;
  };
};

const name = 'identity-cc';
let peer: DevPeer;
let session: ChaincodeSession;

beforeAll(async () => {
  quietLogs();
  peer = await DevPeer.start();
  session = await startChaincode(
    {
      Init: () => Promise.resolve(Shim.success()),
      Invoke: (stub) => {
        const ours = new ClientIdentity(stub);
        const official = new OfficialClientIdentity(stub);
        const report = {
          ours: { id: ours.getID(), msp: ours.getMSPID(), role: ours.getAttributeValue('role') },
          official: { id: official.getID(), msp: official.getMSPID(), role: official.getAttributeValue('role') },
          enrollmentId: ours.getAttributeValue('hf.EnrollmentID'),
          subject: ours.getX509Certificate().subject,
          sameCertificateObject: new ClientIdentity(stub).getX509Certificate() === ours.getX509Certificate(),
        };
        return Promise.resolve(Shim.success(Buffer.from(JSON.stringify(report))));
      },
    },
    { peerAddress: peer.address, chaincodeIdName: name },
  );
  await peer.waitForChaincode(name);
});

afterAll(async () => {
  await session.close();
  await peer.stop();
});

describe('ClientIdentity over the wire', () => {
  it('reads the default identity exactly as fabric-shim does', async () => {
    const result = await peer.evaluate(name, ['who']);
    expect(result.status).toBe(200);
    const report = JSON.parse(Buffer.from(result.payload).toString('utf8'));
    expect(report.ours).toEqual(report.official);
    expect(report.ours.msp).toBe(peer.defaultIdentity.mspId);
    expect(report.ours.id).toMatch(/^x509::\/.*CN=.*::\/.*CN=/);
    expect(report.sameCertificateObject).toBe(true);
  });

  it('reads a CA-issued identity with attributes, OUs and a slash in its name', async () => {
    const identity = peer.ca.createIdentity({
      mspId: 'Org2MSP',
      commonName: 'alice/admin',
      attributes: { role: 'auditor' },
      ous: ['client', 'org2/dept1'],
    });
    const result = await peer.evaluate(name, ['who'], { identity });
    expect(result.status).toBe(200);
    const report = JSON.parse(Buffer.from(result.payload).toString('utf8'));
    expect(report.ours).toEqual(report.official);
    expect(report.ours).toMatchObject({ msp: 'Org2MSP', role: 'auditor' });
    expect(report.ours.id).toContain('CN=alice\\/admin');
    expect(report.enrollmentId).toBe('alice/admin');
    expect(report.subject).toContain('CN=alice/admin');
  });
});
