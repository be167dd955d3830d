import type { Identity } from '../ca/identity';
import type { ChannelConfig } from '../channel/channel-config';
import { isCollectionMember } from '../collections/collection-access';
import { validateEndorsements } from '../commit/endorsement-validation';
import type { Orderer } from '../commit/orderer';
import { DevPeerError } from '../errors/dev-peer-error';
import type { MspDirectory } from '../msp/msp-directory';
import type { TransactionOptions, TransactionResult } from '../network/transaction-types';
import type { PeerNode } from '../peer/peer-node';
import { buildProposal } from '../proposal/proposal-builder';
import { toReadWriteSet, type SimulationResults } from '../simulation/tx-simulation';
import type { Ledger } from '../state/ledger';
import { endorseOn, type Endorsement } from './endorser';
import { planEndorsers } from './endorsement-plan';
import type { Proposal } from './proposal';
import { sameEndorsement } from './same-results';

export interface GatewayParts {
  /** The network's peers, in org order. */
  readonly peers: readonly PeerNode[];
  readonly ledger: Ledger;
  readonly channel: (channelId: string) => ChannelConfig;
  readonly msps: MspDirectory;
  readonly orderer: Orderer;
  readonly defaultChannelId: string;
  readonly defaultIdentity: () => Identity;
  /** DevPeer: identities of unknown MSPs are endorsed by the peer without a proposal check. */
  readonly lenient: boolean;
  readonly checkRunning: () => void;
}

type Args = readonly (string | Uint8Array)[];
const EMPTY = new Uint8Array(0);

/**
 * What a Fabric Gateway does for a client: build and sign the proposal, have it endorsed (a peer
 * of the client's org first, then the peers the endorsement policies need, or exactly the orgs the
 * client named), check that the endorsements agree, send the transaction to ordering and wait for
 * its commit status. A chaincode or endorsement failure is a result, never a thrown error.
 */
export class Gateway {
  constructor(private readonly parts: GatewayParts) {}

  evaluate(chaincodeName: string, args: Args, options: TransactionOptions = {}): Promise<TransactionResult> {
    return this.run(chaincodeName, args, options, false);
  }

  submit(chaincodeName: string, args: Args, options: TransactionOptions = {}): Promise<TransactionResult> {
    return this.run(chaincodeName, args, options, true);
  }

  private async run(
    chaincodeName: string,
    args: Args,
    options: TransactionOptions,
    submit: boolean,
  ): Promise<TransactionResult> {
    this.parts.checkRunning();
    const channelId = options.channelId ?? this.parts.defaultChannelId;
    const config = this.parts.channel(channelId);
    const identity = options.identity ?? this.parts.defaultIdentity();
    const built = buildProposal({
      channelId,
      chaincodeName,
      args,
      identity,
      ...(options.transient !== undefined ? { transient: options.transient } : {}),
      ...(options.init === true ? { init: true } : {}),
    });
    const creator = this.parts.msps.describe(identity.mspId, identity.certificate);
    const proposal: Proposal = {
      txId: built.txId,
      channelId,
      chaincodeName,
      timestamp: built.timestamp,
      input: built.input,
      signedProposal: built.signedProposal,
      init: options.init === true,
      creator,
    };
    const first = this.firstEndorsers(chaincodeName, creator.mspId, options.endorsingOrgs, submit);
    if (!this.parts.lenient && (!creator.valid || !this.parts.msps.has(creator.mspId))) {
      // core/common/validation msgvalidation checkSignatureFromCreator's generic refusal.
      return failed(
        proposal.txId,
        `error validating proposal: access denied: channel [${channelId}] creator org [${creator.mspId}]`,
        [],
      );
    }
    const endorsements = await this.endorseAll(first, proposal, config);
    const failure = endorsements.find((e) => e.response.status >= 400);
    if (failure !== undefined) return responseOf(proposal, failure, endorsements);
    const firstEndorsement = endorsements[0] as Endorsement;
    if (!submit) return responseOf(proposal, firstEndorsement, endorsements);
    if (options.endorsingOrgs === undefined) {
      const hasTransient = options.transient !== undefined && Object.keys(options.transient).length > 0;
      const layout = this.plan(proposal, firstEndorsement, config, hasTransient);
      if (layout === undefined) {
        return failed(
          proposal.txId,
          'no combination of peers can be derived which satisfy the endorsement policy',
          endorsements,
        );
      }
      // The first endorsement is kept when its peer is part of the layout (it is when it can be).
      const extra = await this.endorseAll(
        layout.filter((p) => p !== firstEndorsement.peer),
        proposal,
        config,
      );
      endorsements.splice(
        0,
        endorsements.length,
        ...(layout.includes(firstEndorsement.peer) ? [firstEndorsement] : []),
        ...extra,
      );
      const extraFailure = extra.find((e) => e.response.status >= 400);
      if (extraFailure !== undefined) return responseOf(proposal, extraFailure, endorsements);
    }
    if (endorsements.some((e) => !sameEndorsement(e, firstEndorsement))) {
      return failed(proposal.txId, 'ProposalResponsePayloads do not match', endorsements, firstEndorsement.results);
    }
    const outcome = await this.parts.orderer.order({
      txId: proposal.txId,
      channelId,
      chaincodeName,
      timestamp: proposal.timestamp,
      creatorMspId: creator.mspId,
      endorsers: endorsements.map((e) => e.peer.signer),
      results: firstEndorsement.results,
      response: firstEndorsement.response,
    });
    return {
      ...responseOf(proposal, firstEndorsement, endorsements),
      committed: outcome.code === 'VALID',
      validationCode: outcome.code,
      ...(outcome.message !== undefined ? { validationMessage: outcome.message } : {}),
      blockNumber: outcome.blockNumber,
    };
  }

  // The peers asked first: the named orgs (all of them for a submit, the first with the chaincode
  // for an evaluate), else a peer of the client's org, else the first peer that has the chaincode.
  private firstEndorsers(
    chaincodeName: string,
    clientMspId: string,
    endorsingOrgs: readonly string[] | undefined,
    submit: boolean,
  ): PeerNode[] {
    const { peers } = this.parts;
    if (endorsingOrgs !== undefined) {
      if (endorsingOrgs.length === 0)
        throw new DevPeerError('CC_DEVPEER_INVALID_OPTIONS', 'endorsingOrgs must name at least one org');
      const named = endorsingOrgs.map((mspId) => {
        const peer = peers.find((p) => p.mspId === mspId);
        if (peer === undefined)
          throw new DevPeerError('CC_DEVPEER_UNKNOWN_ORG', `${mspId} is not an org of this network`);
        return peer;
      });
      const ready = named.filter((p) => p.has(chaincodeName));
      if (submit ? ready.length < named.length : ready.length === 0) {
        const missing = named.filter((p) => !p.has(chaincodeName)).map((p) => p.mspId);
        throw new DevPeerError(
          'CC_DEVPEER_NOT_REGISTERED',
          `no chaincode is registered as ${chaincodeName} on the peer of ${missing.join(', ')}`,
        );
      }
      return submit ? ready : [ready[0] as PeerNode];
    }
    const local = peers.find((p) => p.mspId === clientMspId && p.has(chaincodeName));
    const any = local ?? peers.find((p) => p.has(chaincodeName));
    if (any === undefined)
      throw new DevPeerError('CC_DEVPEER_NOT_REGISTERED', `no chaincode is registered as ${chaincodeName}`);
    return [any];
  }

  private async endorseAll(
    peers: readonly PeerNode[],
    proposal: Proposal,
    config: ChannelConfig,
  ): Promise<Endorsement[]> {
    return Promise.all(peers.map((peer) => endorseOn(peer, proposal, this.parts.ledger, config, this.parts.peers)));
  }

  // The Gateway's endorsement plan: the smallest set of peers whose endorsements satisfy the
  // policies the transaction will be validated against, preferring sets with the first endorser.
  // Candidates hold every collection the transaction read (a peer outside a collection cannot
  // simulate a private read) and, when the client sent transient data, every collection it wrote
  // (fabric PR #3445: transient data goes to member orgs only).
  private plan(
    proposal: Proposal,
    first: Endorsement,
    config: ChannelConfig,
    hasTransient: boolean,
  ): PeerNode[] | undefined {
    const { results } = first;
    const touched = [
      ...results.privateReads,
      ...(hasTransient ? results.writes.filter((w) => w.collection !== '') : []),
    ];
    const readCollections = touched.map((r) => config.collection(r.namespace, r.collection));
    const others = this.parts.peers.filter(
      (p) =>
        p !== first.peer &&
        p.has(proposal.chaincodeName) &&
        readCollections.every((c) => c === undefined || isCollectionMember(c, p.signer)),
    );
    const ledger = this.parts.ledger.channel(proposal.channelId);
    return planEndorsers(
      first.peer,
      others,
      (endorsers) =>
        validateEndorsements(
          proposal.chaincodeName,
          results,
          endorsers.map((p) => p.signer),
          {
            config,
            ledger,
            blockNum: ledger.height,
            txNum: 0,
            metadataUpdatedInBlock: new Set(),
          },
        ) === undefined,
    );
  }
}

function responseOf(proposal: Proposal, endorsement: Endorsement, all: readonly Endorsement[]): TransactionResult {
  const { response } = endorsement;
  const event = response.status < 400 ? response.event : undefined;
  return {
    txId: proposal.txId,
    status: response.status,
    message: response.message,
    payload: response.payload,
    ...(event !== undefined ? { event: { ...event, chaincodeId: proposal.chaincodeName, txId: proposal.txId } } : {}),
    committed: false,
    rwset: toReadWriteSet(endorsement.results),
    endorsingOrgs: all.map((e) => e.peer.mspId),
  };
}

function failed(
  txId: string,
  message: string,
  endorsements: readonly Endorsement[],
  results?: SimulationResults,
): TransactionResult {
  return {
    txId,
    status: 500,
    message,
    payload: EMPTY,
    committed: false,
    rwset: toReadWriteSet(results ?? { reads: [], privateReads: [], rangeQueries: [], writes: [], metadataWrites: [] }),
    endorsingOrgs: endorsements.map((e) => e.peer.mspId),
  };
}
