import { MessageType, protos } from '../wire/protos';

/** Where a batch goes: the transaction's request queue. */
export interface BatchRequester {
  request(type: MessageType, payload: Uint8Array): Promise<Buffer>;
}

export type WriteRecordInit = protos.WriteRecord.$Properties;

/** WriteRecord.Type values, as they appear on the wire. */
export const WriteRecordType = protos.WriteRecord.Type;

/**
 * The writes of one transaction on a peer that supports WRITE_BATCH_STATE (Fabric 3.1), with the
 * Go shim's semantics: nothing is buffered until the batch is open (`startWriteBatch()`, or from
 * the start with automatic batching); while open, writes are kept per (collection, key, data or
 * metadata) with the last write winning, and `flush` sends them in chunks of the peer's maximum
 * size and closes the batch. Fabric never shows a transaction its own writes, so nothing reads
 * them back. Records go in the order of each entry's last write.
 */
export class WriteBatch {
  #records = new Map<string, WriteRecordInit>();
  readonly #maxSize: number;
  #open: boolean;

  constructor(maxSize: number, open: boolean) {
    this.#maxSize = maxSize;
    this.#open = open;
  }

  /** True while writes are buffered instead of sent. */
  get isOpen(): boolean {
    return this.#open;
  }

  get size(): number {
    return this.#records.size;
  }

  open(): void {
    this.#open = true;
  }

  add(record: WriteRecordInit): void {
    const kind = record.type === WriteRecordType.PUT_STATE_METADATA ? '\u0001' : '\u0000';
    const id = `${record.collection ?? ''}\u0000${record.key ?? ''}${kind}`;
    const records = this.#records;
    if (records.has(id)) records.delete(id);
    records.set(id, record);
  }

  /** Send everything buffered, one WRITE_BATCH_STATE per chunk, and close the batch. */
  async flush(port: BatchRequester): Promise<void> {
    this.#open = false;
    const records = this.#records;
    if (records.size === 0) return;
    this.#records = new Map();
    const all = [...records.values()];
    const size = this.#maxSize;
    for (let start = 0; start < all.length; start += size) {
      const rec = start === 0 && all.length <= size ? all : all.slice(start, start + size);
      await port.request(MessageType.WRITE_BATCH_STATE, protos.WriteBatchState.encode({ rec }).finish());
    }
  }
}
