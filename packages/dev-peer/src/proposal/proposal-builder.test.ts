import { createHash, verify, X509Certificate } from 'node:crypto';
import { common, msp, protos } from '@chaincode/shim/internal';
import { TestCa } from '../ca/test-ca';
import { buildProposal } from './proposal-builder';

const HALF_N = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551') >> 1n;

function derS(signature: Buffer): bigint {
  // SEQUENCE { INTEGER r, INTEGER s } with short lengths (P-256)
  const rLen = signature[3] ?? 0;
  const sLen = signature[4 + rLen + 1] ?? 0;
  const s = signature.subarray(4 + rLen + 2, 4 + rLen + 2 + sLen);
  return BigInt('0x' + s.toString('hex'));
}

describe('buildProposal', () => {
  const ca = new TestCa('Org1MSP');
  const identity = ca.createIdentity({ commonName: 'Alice' });

  it('builds a SignedProposal as a Fabric client does, every field decodable', () => {
    const before = Date.now();
    const built = buildProposal({
      channelId: 'mychannel',
      chaincodeName: 'basic',
      args: ['fn', Buffer.from([1, 2])],
      identity,
      transient: { k: Buffer.from('t') },
    });
    const proposal = protos.Proposal.decode(built.signedProposal.proposalBytes);
    const header = common.Header.decode(proposal.header);
    const channelHeader = common.ChannelHeader.decode(header.channelHeader);
    const signatureHeader = common.SignatureHeader.decode(header.signatureHeader);

    expect(channelHeader.type).toBe(common.HeaderType.ENDORSER_TRANSACTION);
    expect(channelHeader.channelId).toBe('mychannel');
    expect(channelHeader.txId).toBe(built.txId);
    expect(Number(channelHeader.epoch)).toBe(0);
    const ms = Number(channelHeader.timestamp?.seconds) * 1000 + (channelHeader.timestamp?.nanos ?? 0) / 1e6;
    expect(ms).toBeGreaterThanOrEqual(before - 1000);
    expect(ms).toBeLessThanOrEqual(Date.now());
    expect(protos.ChaincodeHeaderExtension.decode(channelHeader.extension).chaincodeId?.name).toBe('basic');

    expect(signatureHeader.nonce).toHaveLength(24);
    const creator = msp.SerializedIdentity.decode(signatureHeader.creator);
    expect(creator.mspid).toBe('Org1MSP');
    expect(Buffer.from(creator.idBytes).toString()).toBe(identity.certificate);
    expect(built.txId).toBe(
      createHash('sha256').update(signatureHeader.nonce).update(signatureHeader.creator).digest('hex'),
    );

    const payload = protos.ChaincodeProposalPayload.decode(proposal.payload);
    expect(Buffer.from(payload.TransientMap['k'] ?? []).toString()).toBe('t');
    const spec = protos.ChaincodeInvocationSpec.decode(payload.input).chaincodeSpec;
    expect(spec?.type).toBe(protos.ChaincodeSpec.Type.NODE);
    expect(spec?.chaincodeId?.name).toBe('basic');
    expect((spec?.input?.args ?? []).map((a) => Buffer.from(a))).toEqual([Buffer.from('fn'), Buffer.from([1, 2])]);
    expect(built.input.args).toHaveLength(2);
  });

  it('signs the proposal bytes with the identity key: verifiable with the certificate, low-S', () => {
    const publicKey = new X509Certificate(identity.certificate).publicKey;
    for (let i = 0; i < 20; i++) {
      const built = buildProposal({ channelId: 'c', chaincodeName: 'cc', args: [String(i)], identity });
      const signature = Buffer.from(built.signedProposal.signature);
      expect(verify('sha256', built.signedProposal.proposalBytes, publicKey, signature)).toBe(true);
      expect(derS(signature) <= HALF_N).toBe(true);
    }
  });

  it('marks an init proposal in ChaincodeInput.is_init and gives every proposal a fresh txid', () => {
    const a = buildProposal({ channelId: 'c', chaincodeName: 'cc', args: [], identity, init: true });
    const b = buildProposal({ channelId: 'c', chaincodeName: 'cc', args: [], identity });
    expect(a.input.isInit).toBe(true);
    expect(b.input.isInit).toBe(false);
    expect(a.txId).not.toBe(b.txId);
  });
});
