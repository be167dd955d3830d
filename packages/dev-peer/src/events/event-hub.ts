import { errorMessage } from '@chaincode/contract-api/internal';
import { shimLogger } from '@chaincode/shim/internal';
import type { BlockRecord } from '../commit/block-record';
import type { ChaincodeEvent } from './chaincode-event';

const logger = shimLogger('dev-peer');

/** The events of a committed block's valid transactions invoking `chaincodeName`. */
export function chaincodeEventsOf(block: BlockRecord, chaincodeName: string): ChaincodeEvent[] {
  const events: ChaincodeEvent[] = [];
  for (const tx of block.transactions) {
    if (tx.validationCode !== 'VALID' || tx.event === undefined || tx.chaincodeName !== chaincodeName) continue;
    events.push({
      channelId: block.channelId,
      blockNumber: block.number,
      transactionId: tx.txId,
      chaincodeName: tx.chaincodeName,
      eventName: tx.event.name,
      payload: tx.event.payload,
    });
  }
  return events;
}

/**
 * Delivers every committed block to its listeners, in commit order. A listener that throws is
 * logged and skipped: it never stops a commit.
 */
export class EventHub {
  private readonly listeners = new Set<(block: BlockRecord) => void>();

  onBlock(listener: (block: BlockRecord) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  publish(block: BlockRecord): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(block);
      } catch (error) {
        logger.warning('a block listener threw', { error: errorMessage(error) });
      }
    }
  }

  /** Forget every listener (the network stops). */
  clear(): void {
    this.listeners.clear();
  }
}
