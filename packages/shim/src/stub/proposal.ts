import { createHash } from 'node:crypto';
import type { ProposalView, SerializedIdentity, Timestamp } from '@chaincode/contract-api';
import { ProtocolError } from '../errors/shim-error';
import { common, msp, protos } from '../wire/protos';
import { timestampDate, toLong, txTimestamp } from './timestamp';
import { asBuffer, plainBytes } from '../wire/bytes';

const EMPTY = Buffer.alloc(0);

function bytesOf(value: Uint8Array | null | undefined): Uint8Array {
  return value ?? EMPTY;
}

function decodeStep<T>(what: string, decode: () => T): T {
  try {
    return decode();
  } catch (err) {
    throw new ProtocolError(`could not decode the transaction's ${what}: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * The transaction's SignedProposal, decoded one layer at a time and only when a stub method asks
 * (most transactions never look at the header, the creator or the transient map).
 */
export class LazyProposal {
  readonly #signed: protos.SignedProposal.$Properties | null | undefined;
  #proposal: protos.Proposal | undefined;
  #channelHeader: common.ChannelHeader | undefined;
  #signatureHeader: common.SignatureHeader | undefined;
  #creator: SerializedIdentity | undefined;
  #transient: Map<string, Uint8Array> | undefined;
  #view: ProposalView | undefined;
  #payload: protos.ChaincodeProposalPayload | undefined;
  #header: common.Header | undefined;

  constructor(signed: protos.SignedProposal.$Properties | null | undefined) {
    this.#signed = signed;
  }

  /** True when the peer sent a proposal with the transaction. */
  get present(): boolean {
    return this.#signed !== null && this.#signed !== undefined;
  }

  #require(): protos.SignedProposal.$Properties {
    if (this.#signed === null || this.#signed === undefined) {
      throw new ProtocolError('the transaction carries no signed proposal');
    }
    return this.#signed;
  }

  get proposal(): protos.Proposal {
    if (this.#proposal === undefined) {
      const signed = this.#require();
      this.#proposal = decodeStep('proposal', () => protos.Proposal.decode(bytesOf(signed.proposalBytes)));
    }
    return this.#proposal;
  }

  get header(): common.Header {
    if (this.#header === undefined) {
      const proposal = this.proposal;
      this.#header = decodeStep('proposal header', () => common.Header.decode(proposal.header));
    }
    return this.#header;
  }

  get channelHeader(): common.ChannelHeader {
    if (this.#channelHeader === undefined) {
      const header = this.header;
      this.#channelHeader = decodeStep('channel header', () => common.ChannelHeader.decode(header.channelHeader));
    }
    return this.#channelHeader;
  }

  get signatureHeader(): common.SignatureHeader {
    if (this.#signatureHeader === undefined) {
      const header = this.header;
      this.#signatureHeader = decodeStep('signature header', () =>
        common.SignatureHeader.decode(header.signatureHeader),
      );
    }
    return this.#signatureHeader;
  }

  get creator(): SerializedIdentity {
    if (this.#creator === undefined) {
      const bytes = this.signatureHeader.creator;
      const identity = decodeStep('creator', () => msp.SerializedIdentity.decode(bytes));
      this.#creator = { mspid: identity.mspid, idBytes: plainBytes(identity.idBytes) };
    }
    return this.#creator;
  }

  get payload(): protos.ChaincodeProposalPayload {
    if (this.#payload === undefined) {
      const proposal = this.proposal;
      this.#payload = decodeStep('proposal payload', () => protos.ChaincodeProposalPayload.decode(proposal.payload));
    }
    return this.#payload;
  }

  /**
   * The transient map as fabric-shim gives it: one Map for the whole transaction, its values
   * Buffers, its keys in sorted order (google-protobuf iterates maps so), not wire order.
   */
  get transient(): Map<string, Uint8Array> {
    if (this.#transient === undefined) {
      const map = new Map<string, Uint8Array>();
      if (this.present) {
        const entries = this.payload.TransientMap;
        for (const name of Object.keys(entries).sort()) {
          const value = entries[name];
          if (value !== undefined) map.set(name, asBuffer(value));
        }
      }
      this.#transient = map;
    }
    return this.#transient;
  }

  /** A fresh `{nanos, seconds: unsigned Long}` each time, as fabric-shim's getTxTimestamp(). */
  get timestamp(): Timestamp {
    return txTimestamp(this.channelHeader.timestamp);
  }

  get date(): Date {
    return timestampDate(this.channelHeader.timestamp);
  }

  /** hex sha256(nonce ‖ creator ‖ epoch as 8 bytes little-endian), as Fabric computes the binding. */
  get binding(): string {
    const epoch = toLong(this.channelHeader.epoch);
    const epochBytes = Buffer.allocUnsafe(8);
    epochBytes.writeInt32LE(epoch.low, 0);
    epochBytes.writeInt32LE(epoch.high, 4);
    const signatureHeader = this.signatureHeader;
    return createHash('sha256')
      .update(signatureHeader.nonce)
      .update(signatureHeader.creator)
      .update(epochBytes)
      .digest('hex');
  }

  /** The decoded proposal, built once (fabric-shim hands out the same object each call). */
  view(): ProposalView {
    this.#view ??= this.#buildView();
    return this.#view;
  }

  #buildView(): ProposalView {
    const signed = this.#require();
    const channelHeader = this.channelHeader;
    const signatureHeader = this.signatureHeader;
    return {
      signature: plainBytes(bytesOf(signed.signature)),
      proposal: {
        header: {
          signatureHeader: { creator: this.creator, nonce: signatureHeader.nonce },
          channelHeader: {
            type: channelHeader.type,
            version: channelHeader.version,
            timestamp: this.timestamp,
            channelId: channelHeader.channelId,
            txId: channelHeader.txId,
            epoch: toLong(channelHeader.epoch).toNumber(),
            extension: channelHeader.extension,
            tlsCertHash: channelHeader.tlsCertHash,
          },
        },
        payload: { input: this.payload.input, transientMap: this.transient },
      },
    };
  }
}
