// The TRANSACTION messages the driver sends, built before any measurement and encoded once, so every
// implementation receives exactly the same bytes and the driver spends nothing on them while
// measuring. Each carries a real SignedProposal as a Fabric client builds it: an
// ENDORSER_TRANSACTION channel header with tx_id = hex(sha256(nonce ‖ creator)), the creator's
// SerializedIdentity (an X.509 certificate from the dev peer's test CA), the chaincode invocation
// spec, signed with the creator's ECDSA key.
'use strict';
const { createHash, randomBytes, sign } = require('node:crypto');
const { MessageType, common, msp, protos } = require('@chaincode/shim/internal');

const CHANNEL = 'mychannel';
/** The chaincode name the proposals address (the process names differ; the chaincode never checks). */
const CHAINCODE = 'bench';

let identity;
/** One client identity for the whole run: CN=User1 of Org1MSP, issued by the dev peer's test CA. */
function benchIdentity() {
  if (identity === undefined) {
    const { TestCa } = require('@chaincode/dev-peer');
    identity = new TestCa('Org1MSP').createIdentity({ commonName: 'User1' });
  }
  return identity;
}

function signedProposal(args, creator, key) {
  const nonce = randomBytes(24);
  const txId = createHash('sha256').update(nonce).update(creator).digest('hex');
  const ms = Date.now();
  const chaincodeId = { name: CHAINCODE };
  const input = { args: args.map((arg) => Buffer.from(arg)) };
  const channelHeader = common.ChannelHeader.encode({
    type: common.HeaderType.ENDORSER_TRANSACTION,
    version: 0,
    timestamp: { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 },
    channelId: CHANNEL,
    txId,
    epoch: 0,
    extension: protos.ChaincodeHeaderExtension.encode({ chaincodeId }).finish(),
  }).finish();
  const signatureHeader = common.SignatureHeader.encode({ creator, nonce }).finish();
  const header = common.Header.encode({ channelHeader, signatureHeader }).finish();
  const invocationSpec = protos.ChaincodeInvocationSpec.encode({
    chaincodeSpec: { type: protos.ChaincodeSpec.Type.NODE, chaincodeId, input },
  }).finish();
  const payload = protos.ChaincodeProposalPayload.encode({ input: invocationSpec, TransientMap: {} }).finish();
  const proposalBytes = protos.Proposal.encode({ header, payload }).finish();
  const signature = sign('sha256', proposalBytes, key);
  return { txId, input, proposal: { proposalBytes, signature } };
}

/**
 * `size` encoded TRANSACTION messages of one workload: `[{ index, txid, bytes }]`, index i carrying
 * `args(i)`. The driver cycles through them (a txid is reused only after its transaction completed).
 */
function buildTransactions(args, size) {
  const { mspId, certificate, privateKey } = benchIdentity();
  const creator = Buffer.from(
    msp.SerializedIdentity.encode({ mspid: mspId, idBytes: Buffer.from(certificate) }).finish(),
  );
  const key = require('node:crypto').createPrivateKey(privateKey);
  const pool = [];
  for (let index = 0; index < size; index++) {
    const { txId, input, proposal } = signedProposal(args(index), creator, key);
    const bytes = protos.ChaincodeMessage.encode({
      type: MessageType.TRANSACTION,
      txid: txId,
      channelId: CHANNEL,
      payload: protos.ChaincodeInput.encode(input).finish(),
      proposal,
    }).finish();
    pool.push({ index, txid: txId, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  }
  return pool;
}

module.exports = { CHANNEL, buildTransactions };
