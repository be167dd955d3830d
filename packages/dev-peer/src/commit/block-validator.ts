import type { ChannelConfig } from '../channel/channel-config';
import type { ChannelLedger } from '../state/channel-ledger';
import { validateEndorsements } from './endorsement-validation';
import { BlockUpdates, validateReadSet } from './mvcc-validation';
import type { OrderedTransaction } from './ordered-transaction';
import type { Validation } from './validation-code';

const SEP = '\u0000';

/**
 * Validate a block's transactions as a Fabric peer commits a block: first each transaction's
 * endorsements against the endorsement policies (txvalidator/VSCC, a failure is
 * ENDORSEMENT_POLICY_FAILURE), then, in block order, the read sets of the transactions still valid
 * against committed state plus the writes of the valid transactions before them (the ledger's
 * MVCC validation: MVCC_READ_CONFLICT, PHANTOM_READ_CONFLICT).
 */
export function validateBlock(
  blockNum: number,
  txs: readonly OrderedTransaction[],
  config: ChannelConfig,
  ledger: ChannelLedger,
): Validation[] {
  const metadataUpdatedInBlock = new Set<string>();
  const validations = txs.map((tx, txNum): Validation => {
    const failure = validateEndorsements(tx.chaincodeName, tx.results, tx.endorsers, {
      config,
      ledger,
      blockNum,
      txNum,
      metadataUpdatedInBlock,
    });
    if (failure !== undefined) return { code: 'ENDORSEMENT_POLICY_FAILURE', message: failure };
    for (const m of tx.results.metadataWrites)
      metadataUpdatedInBlock.add(m.namespace + SEP + m.collection + SEP + m.key);
    return { code: 'VALID' };
  });
  const updates = new BlockUpdates();
  return validations.map((validation, txNum) => {
    if (validation.code !== 'VALID') return validation;
    const tx = txs[txNum] as OrderedTransaction;
    const code = validateReadSet(tx.results, ledger, updates);
    if (code !== 'VALID') return { code, message: `${code} in tx ${String(blockNum)}:${String(txNum)}` };
    updates.add(tx.results);
    return validation;
  });
}
