import type { BlockRecord } from './block-record';

/** The blocks of every channel, in order (block 0, the genesis block, is not kept). */
export class BlockStore {
  private readonly channels = new Map<string, BlockRecord[]>();

  append(block: BlockRecord): void {
    let list = this.channels.get(block.channelId);
    if (list === undefined) {
      list = [];
      this.channels.set(block.channelId, list);
    }
    list.push(block);
  }

  /** The channel's blocks from `startBlock` (default 1) on. */
  blocks(channelId: string, startBlock = 1): readonly BlockRecord[] {
    return (this.channels.get(channelId) ?? []).filter((b) => b.number >= startBlock);
  }

  channelIds(): string[] {
    return [...this.channels.keys()];
  }

  /** A copy of every channel's block list (blocks themselves are immutable and shared). */
  snapshot(): ReadonlyMap<string, readonly BlockRecord[]> {
    return new Map([...this.channels].map(([id, list]) => [id, list.slice()]));
  }

  restore(snapshot: ReadonlyMap<string, readonly BlockRecord[]>): void {
    this.channels.clear();
    for (const [id, list] of snapshot) this.channels.set(id, list.slice());
  }

  clear(): void {
    this.channels.clear();
  }
}
