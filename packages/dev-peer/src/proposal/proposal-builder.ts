import { createHash, randomBytes } from 'node:crypto';
import Long from 'long';
import { common, msp, protos } from '@chaincode/shim/internal';
import { identityKey, type Identity } from '../ca/identity';
import type { TxTimestamp } from '../state/ledger-types';
import { signLowS } from './ecdsa-signature';

export interface ProposalRequest {
  readonly channelId: string;
  readonly chaincodeName: string;
  readonly args: readonly (string | Uint8Array)[];
  readonly identity: Identity;
  readonly transient?: Readonly<Record<string, Uint8Array>>;
  readonly init?: boolean;
  /** Default: now. */
  readonly timestamp?: Date;
}

export interface BuiltProposal {
  readonly txId: string;
  readonly timestamp: TxTimestamp;
  readonly input: protos.ChaincodeInput;
  readonly signedProposal: protos.SignedProposal;
  readonly nonce: Buffer;
  readonly creator: Buffer;
}

const creatorCache = new Map<string, Buffer>();

/** SerializedIdentity{mspid, id_bytes: PEM}, encoded once per identity. */
export function serializeIdentity(identity: Identity): Buffer {
  const cacheKey = identity.mspId + '\u0000' + identity.certificate;
  let bytes = creatorCache.get(cacheKey);
  if (bytes === undefined) {
    bytes = Buffer.from(
      msp.SerializedIdentity.encode({ mspid: identity.mspId, idBytes: Buffer.from(identity.certificate) }).finish(),
    );
    if (creatorCache.size > 1000) creatorCache.clear();
    creatorCache.set(cacheKey, bytes);
  }
  return bytes;
}

export function toArgBytes(arg: string | Uint8Array): Uint8Array {
  return typeof arg === 'string' ? Buffer.from(arg, 'utf8') : arg;
}

/**
 * A SignedProposal as a Fabric client builds one for an endorsement: ENDORSER_TRANSACTION channel
 * header with tx_id = hex(sha256(nonce ‖ creator)), a 24-byte nonce, the chaincode invocation spec
 * and transient map in the payload, signed (ECDSA, low-S) with the identity's key.
 */
export function buildProposal(request: ProposalRequest): BuiltProposal {
  const creator = serializeIdentity(request.identity);
  const nonce = randomBytes(24);
  const txId = createHash('sha256').update(nonce).update(creator).digest('hex');
  const ms = (request.timestamp ?? new Date()).getTime();
  const timestamp: TxTimestamp = { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 };
  const chaincodeId = { name: request.chaincodeName };
  const input = protos.ChaincodeInput.create({
    args: request.args.map(toArgBytes),
    ...(request.init === true ? { isInit: true } : {}),
  });

  const channelHeader = common.ChannelHeader.encode({
    type: common.HeaderType.ENDORSER_TRANSACTION,
    version: 0,
    timestamp: { seconds: Long.fromNumber(timestamp.seconds), nanos: timestamp.nanos },
    channelId: request.channelId,
    txId,
    epoch: Long.UZERO,
    extension: protos.ChaincodeHeaderExtension.encode({ chaincodeId }).finish(),
  }).finish();
  const signatureHeader = common.SignatureHeader.encode({ creator, nonce }).finish();
  const header = common.Header.encode({ channelHeader, signatureHeader }).finish();
  const invocationSpec = protos.ChaincodeInvocationSpec.encode({
    chaincodeSpec: { type: protos.ChaincodeSpec.Type.NODE, chaincodeId, input },
  }).finish();
  const payload = protos.ChaincodeProposalPayload.encode({
    input: invocationSpec,
    TransientMap: { ...(request.transient ?? {}) },
  }).finish();
  const proposalBytes = protos.Proposal.encode({ header, payload }).finish();
  const signature = signLowS(proposalBytes, identityKey(request.identity));
  const signedProposal = protos.SignedProposal.create({ proposalBytes, signature });
  return { txId, timestamp, input, signedProposal, nonce, creator };
}
