import { errorMessage } from '@chaincode/contract-api/internal';
import type { ChannelConfig } from '../channel/channel-config';
import { IMPLICIT_COLLECTION_PREFIX } from '../collections/collection-definition';
import type { MspIdentity } from '../msp/msp-directory';
import { evaluateEndorsementPolicy } from '../policy/endorsement-policy';
import { evaluateSignaturePolicy } from '../policy/policy-evaluator';
import { decodeSignaturePolicy } from '../policy/signature-policy';
import type { SimulationResults } from '../simulation/tx-simulation';
import type { ChannelLedger } from '../state/channel-ledger';

/** The metadata key of a key-level endorsement policy (peer.MetaDataKeys.VALIDATION_PARAMETER). */
export const VALIDATION_PARAMETER = 'VALIDATION_PARAMETER';

/** Where a transaction sits, and what earlier valid transactions of its block changed. */
export interface EndorsementContext {
  readonly config: ChannelConfig;
  readonly ledger: ChannelLedger;
  readonly blockNum: number;
  readonly txNum: number;
  /** `namespace\0collection\0key` of key metadata written by earlier transactions of the block that passed. */
  readonly metadataUpdatedInBlock: ReadonlySet<string>;
}

const SEP = '\u0000';

/**
 * Fabric's endorsement policy validation of one transaction (core/common/validation/statebased,
 * V20 evaluator), namespace by namespace: the invoked chaincode, then every other namespace the
 * transaction writes. Each written key (value or metadata, public or private) is checked against
 * its key-level policy (VALIDATION_PARAMETER) when it has one; otherwise, once per namespace, the
 * collection's endorsement policy (private writes of a collection that has one) or the chaincode's.
 * A transaction writing nothing is checked against the chaincode's policy (FAB-9473). A key whose
 * metadata an earlier valid transaction of the same block changed invalidates the transaction.
 * Returns undefined when valid, else the validator's message (ENDORSEMENT_POLICY_FAILURE).
 */
export function validateEndorsements(
  chaincodeName: string,
  results: SimulationResults,
  endorsers: readonly MspIdentity[],
  context: EndorsementContext,
): string | undefined {
  const written = new Set<string>([chaincodeName]);
  for (const w of results.writes) written.add(w.namespace);
  for (const m of results.metadataWrites) written.add(m.namespace);
  for (const namespace of written) {
    const failure = new NamespaceEvaluator(namespace, endorsers, context).evaluate(results);
    if (failure !== undefined) return failure;
  }
  return undefined;
}

class NamespaceEvaluator {
  private readonly checked = new Set<string>();
  private someChecked = false;
  private readonly at: string;

  constructor(
    private readonly namespace: string,
    private readonly endorsers: readonly MspIdentity[],
    private readonly context: EndorsementContext,
  ) {
    this.at = `${String(context.blockNum)}:${String(context.txNum)}`;
  }

  evaluate(results: SimulationResults): string | undefined {
    const keys = [
      ...results.writes.filter((w) => w.namespace === this.namespace && w.collection === ''),
      ...results.metadataWrites.filter((m) => m.namespace === this.namespace && m.collection === ''),
      ...results.writes.filter((w) => w.namespace === this.namespace && w.collection !== ''),
      ...results.metadataWrites.filter((m) => m.namespace === this.namespace && m.collection !== ''),
    ];
    for (const { collection, key } of keys) {
      const failure = this.checkKey(collection, key);
      if (failure !== undefined) return failure;
    }
    return this.someChecked ? undefined : this.checkChaincodePolicy();
  }

  private checkKey(collection: string, key: string): string | undefined {
    if (this.context.metadataUpdatedInBlock.has(this.namespace + SEP + collection + SEP + key)) {
      return (
        `validation parameters for key [${key}] in namespace [${this.namespace}:${collection}] have been changed ` +
        `in transaction ${String(this.context.txNum)} of block ${String(this.context.blockNum)}`
      );
    }
    const vp = this.context.ledger.get(this.namespace, collection, key)?.metadata?.get(VALIDATION_PARAMETER);
    if (vp === undefined || vp.length === 0) return this.checkCollectionOrChaincodePolicy(collection);
    let reason: string | undefined;
    try {
      reason = evaluateSignaturePolicy(decodeSignaturePolicy(vp), this.endorsers)
        ? undefined
        : 'signature set did not satisfy policy';
    } catch (error) {
      reason = errorMessage(error);
    }
    if (reason !== undefined) {
      return `validation of key ${key} (coll'${collection}':ns'${this.namespace}') in tx ${this.at} failed: ${reason}`;
    }
    this.someChecked = true;
    return undefined;
  }

  private checkCollectionOrChaincodePolicy(collection: string): string | undefined {
    if (collection !== '') {
      if (this.checked.has(collection)) return undefined;
      const { config } = this.context;
      const definition = config.collection(this.namespace, collection);
      if (definition === undefined && !config.openCollections(this.namespace)) {
        return `no such collection '${collection}'`;
      }
      if (definition?.implicit === true) {
        const mspId = collection.slice(IMPLICIT_COLLECTION_PREFIX.length);
        if (!config.orgs.includes(mspId)) return `no org found in channel with MSPID '${mspId}'`;
      }
      const policy = definition?.endorsementPolicy;
      if (policy !== undefined) {
        const reason = evaluateEndorsementPolicy(policy, this.endorsers, config.policies);
        if (reason !== undefined) {
          return `validation of endorsement policy for collection ${collection} chaincode ${this.namespace} in tx ${this.at} failed: ${reason}`;
        }
        this.checked.add(collection);
        this.someChecked = true;
        return undefined;
      }
    }
    return this.checked.has('') ? undefined : this.checkChaincodePolicy();
  }

  private checkChaincodePolicy(): string | undefined {
    const { config } = this.context;
    const reason = evaluateEndorsementPolicy(
      config.definition(this.namespace).endorsementPolicy,
      this.endorsers,
      config.policies,
    );
    if (reason !== undefined) {
      return `validation of endorsement policy for chaincode ${this.namespace} in tx ${this.at} failed: ${reason}`;
    }
    this.checked.add('');
    this.someChecked = true;
    return undefined;
  }
}
