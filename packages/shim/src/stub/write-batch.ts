import { MessageType, protos } from '../wire/protos';

/** Where a batch goes: the transaction's request queue. */
export interface BatchRequester {
  request(type: MessageType, payload: Uint8Array): Promise<Buffer>;
}

export type WriteRecordInit = protos.WriteRecord.$Properties;

/** WriteRecord.Type values, as they appear on the wire. */
export const WriteRecordType = protos.WriteRecord.Type;

/**
 * The writes of one transaction while the peer supports WRITE_BATCH_STATE: kept in call order
 * (Fabric never shows a transaction its own writes, so nothing reads them back) and sent in chunks
 * of the advertised maximum size.
 */
export class WriteBatch {
  #records: WriteRecordInit[] = [];
  readonly #maxSize: number;

  constructor(maxSize: number) {
    this.#maxSize = maxSize;
  }

  get size(): number {
    return this.#records.length;
  }

  add(record: WriteRecordInit): void {
    this.#records.push(record);
  }

  /** Send everything buffered so far, one WRITE_BATCH_STATE per chunk, in order. */
  async flush(port: BatchRequester): Promise<void> {
    const records = this.#records;
    if (records.length === 0) return;
    this.#records = [];
    const size = this.#maxSize;
    for (let start = 0; start < records.length; start += size) {
      const rec = start === 0 && records.length <= size ? records : records.slice(start, start + size);
      await port.request(MessageType.WRITE_BATCH_STATE, protos.WriteBatchState.encode({ rec }).finish());
    }
  }
}
