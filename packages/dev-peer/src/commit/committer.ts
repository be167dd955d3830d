import { createHash } from 'node:crypto';
import type { ChannelConfig } from '../channel/channel-config';
import type { EventHub } from '../events/event-hub';
import { toReadWriteSet } from '../simulation/tx-simulation';
import type { ReadWriteSet } from '../simulation/read-write-set';
import type { BlockChanges, TxWrites } from '../state/block-changes';
import type { Ledger } from '../state/ledger';
import type { BlockRecord, TransactionRecord } from './block-record';
import type { BlockStore } from './block-store';
import { validateBlock } from './block-validator';
import type { CommitOutcome } from './orderer';
import type { OrderedTransaction } from './ordered-transaction';
import type { Validation } from './validation-code';

/** Durable storage of committed blocks (the data directory); absent when in memory only. */
export interface BlockPersistence {
  /** Write a block's changes atomically; throws CC_DEVPEER_STORAGE_FAILED when it cannot. */
  writeBlock(changes: BlockChanges, block: BlockRecord): Promise<void>;
}

export interface CommitterParts {
  readonly ledger: Ledger;
  readonly blocks: BlockStore;
  readonly events: EventHub;
  readonly channel: (channelId: string) => ChannelConfig;
  readonly persistence: () => BlockPersistence | undefined;
}

/**
 * Commits blocks: validates them, computes the world state changes of the valid transactions,
 * writes them to the data directory first (when there is one), then applies them in memory, keeps
 * the block and delivers it to the event listeners.
 */
export class Committer {
  constructor(private readonly parts: CommitterParts) {}

  /**
   * Validate and commit one block. `prevalidated`: the transactions are taken as VALID without
   * validation (seed data, which nobody endorsed).
   */
  async commitBlock(
    channelId: string,
    txs: readonly OrderedTransaction[],
    options: { prevalidated?: boolean } = {},
  ): Promise<CommitOutcome[]> {
    const ledger = this.parts.ledger.channel(channelId);
    const config = this.parts.channel(channelId);
    const blockNum = ledger.height;
    const validations: Validation[] =
      options.prevalidated === true ? txs.map(() => ({ code: 'VALID' })) : validateBlock(blockNum, txs, config, ledger);
    const valid: TxWrites[] = [];
    validations.forEach((v, txNum) => {
      const tx = txs[txNum] as OrderedTransaction;
      if (v.code === 'VALID') valid.push({ txId: tx.txId, timestamp: tx.timestamp, txNum, ...tx.results });
    });
    const changes = ledger.prepareBlock(blockNum, valid, (ns, coll) => config.collection(ns, coll)?.blockToLive ?? 0);
    const block: BlockRecord = {
      channelId,
      number: blockNum,
      transactions: txs.map((tx, txNum) => transactionRecord(tx, txNum, validations[txNum] as Validation)),
    };
    await this.parts.persistence()?.writeBlock(changes, block);
    ledger.applyBlock(changes);
    this.parts.blocks.append(block);
    this.parts.events.publish(block);
    return validations.map((v, txNum) => ({ ...v, blockNumber: blockNum, txNum }));
  }
}

function transactionRecord(tx: OrderedTransaction, txNum: number, validation: Validation): TransactionRecord {
  const event = tx.response.event;
  return {
    txId: tx.txId,
    txNum,
    chaincodeName: tx.chaincodeName,
    creatorMspId: tx.creatorMspId,
    endorsers: tx.endorsers.map((e) => e.mspId),
    timestamp: tx.timestamp,
    validationCode: validation.code,
    ...(validation.message !== undefined ? { validationMessage: validation.message } : {}),
    status: tx.response.status,
    rwset: hashPrivateValues(toReadWriteSet(tx.results)),
    ...(event !== undefined ? { event } : {}),
  };
}

/** A block carries private writes as hashes only; the values stay in the private data store. */
function hashPrivateValues(rwset: ReadWriteSet): ReadWriteSet {
  return {
    ...rwset,
    privateWrites: rwset.privateWrites.map(({ value, ...write }) =>
      value === undefined ? write : { ...write, valueHash: createHash('sha256').update(value).digest() },
    ),
  };
}
