import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { errorMessage } from '@chaincode/contract-api/internal';
import type { BlockRecord } from '../commit/block-record';
import type { BlockStore } from '../commit/block-store';
import type { BlockPersistence } from '../commit/committer';
import { DevPeerError } from '../errors/dev-peer-error';
import type { BlockChanges, EntryChange, HistoryAppend } from '../state/block-changes';
import type { Ledger } from '../state/ledger';
import type { StateEntry } from '../state/ledger-types';
import { decodeRecord, encodeRecord } from './record-codec';

const FORMAT = '@chaincode/dev-peer ledger';
const VERSION = 1;
const META_KEY = 'm:format';

type BatchOp = { type: 'put'; key: string; value: string } | { type: 'del'; key: string };

const entryKey = (channelId: string, c: { namespace: string; collection: string; key: string }): string =>
  's:' + JSON.stringify([channelId, c.namespace, c.collection, c.key]);
const historyKey = (channelId: string, seq: number): string => `h:${channelId}\u0000${String(seq).padStart(16, '0')}`;
const blockKey = (channelId: string, n: number): string => `b:${channelId}\u0000${String(n).padStart(16, '0')}`;
const heightKey = (channelId: string): string => `c:${channelId}`;

function corrupt(dir: string, detail: string, cause?: unknown): DevPeerError {
  return new DevPeerError(
    'CC_DEVPEER_DATA_DIR_CORRUPT',
    `the data directory ${dir} cannot be read as a dev peer ledger: ${detail}`,
    cause === undefined ? undefined : { cause },
  );
}

/** Throws CC_DEVPEER_DATA_DIR_FOREIGN unless `dir` is missing, empty, or a LevelDB directory. */
function checkDirectory(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    return;
  }
  if (!statSync(dir).isDirectory()) {
    throw new DevPeerError('CC_DEVPEER_DATA_DIR_FOREIGN', `the data directory ${dir} is a file, not a directory`);
  }
  const files = readdirSync(dir);
  if (files.length > 0 && !files.includes('CURRENT')) {
    throw new DevPeerError(
      'CC_DEVPEER_DATA_DIR_FOREIGN',
      `the data directory ${dir} holds other files (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', ...' : ''}) and no dev peer ledger: use an empty or new directory`,
    );
  }
}

/**
 * The ledger kept in LevelDB (classic-level, the store Fabric's peer uses) under a data directory:
 * committed entries (public and private, with versions, metadata and purge block), history, blocks
 * and block height per channel, and a format marker. Each block is written in one atomic batch
 * before it is applied in memory; everything is read back into memory when the network starts.
 * A directory holding anything else is refused, never overwritten.
 */
export class LevelLedgerStore implements BlockPersistence {
  private readonly historyCount = new Map<string, number>();

  private constructor(
    private readonly dir: string,
    private readonly db: ClassicLevel,
  ) {}

  static async open(location: string): Promise<LevelLedgerStore> {
    const dir = resolve(location);
    checkDirectory(dir);
    const db = new ClassicLevel(dir, { keyEncoding: 'utf8', valueEncoding: 'utf8' });
    try {
      await db.open();
    } catch (error) {
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      if (code === 'LEVEL_LOCKED') {
        throw new DevPeerError(
          'CC_DEVPEER_DATA_DIR_LOCKED',
          `the data directory ${dir} is in use by another network or process`,
          {
            cause: error,
          },
        );
      }
      throw corrupt(dir, errorMessage((error as { cause?: unknown }).cause ?? error), error);
    }
    const store = new LevelLedgerStore(dir, db);
    try {
      await store.checkFormat();
    } catch (error) {
      await db.close();
      throw error;
    }
    return store;
  }

  /** Read every record into the in-memory ledger and block store. */
  async load(ledger: Ledger, blocks: BlockStore): Promise<void> {
    try {
      for await (const [key, value] of this.db.iterator()) this.loadRecord(key, value, ledger, blocks);
    } catch (error) {
      if (error instanceof DevPeerError) throw error;
      throw corrupt(this.dir, errorMessage(error), error);
    }
  }

  async writeBlock(changes: BlockChanges, block: BlockRecord): Promise<void> {
    const ops: BatchOp[] = [];
    this.entryOps(block.channelId, changes.entries, ops);
    this.historyOps(block.channelId, changes.history, ops);
    ops.push({ type: 'put', key: blockKey(block.channelId, block.number), value: encodeRecord(block) });
    ops.push({ type: 'put', key: heightKey(block.channelId), value: String(block.number + 1) });
    await this.write(ops);
  }

  /** Replace everything stored with the in-memory state (after reset or restore), atomically. */
  async replaceAll(ledger: Ledger, blocks: BlockStore): Promise<void> {
    const ops: BatchOp[] = [];
    for await (const key of this.db.keys()) if (key !== META_KEY) ops.push({ type: 'del', key });
    this.historyCount.clear();
    for (const channelId of ledger.channelIds()) {
      const channel = ledger.channel(channelId);
      this.entryOps(channelId, [...channel.entries()], ops);
      this.historyOps(channelId, [...channel.historyRecords()], ops);
      ops.push({ type: 'put', key: heightKey(channelId), value: String(channel.height) });
    }
    for (const channelId of blocks.channelIds()) {
      for (const block of blocks.blocks(channelId)) {
        ops.push({ type: 'put', key: blockKey(channelId, block.number), value: encodeRecord(block) });
      }
    }
    await this.write(ops);
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  private async write(ops: BatchOp[]): Promise<void> {
    try {
      await this.db.batch(ops);
    } catch (error) {
      throw new DevPeerError(
        'CC_DEVPEER_STORAGE_FAILED',
        `could not write to the data directory ${this.dir}: ${errorMessage(error)}`,
        {
          cause: error,
        },
      );
    }
  }

  private entryOps(channelId: string, changes: readonly EntryChange[], ops: BatchOp[]): void {
    for (const change of changes) {
      const key = entryKey(channelId, change);
      const e = change.entry;
      if (e === undefined) {
        ops.push({ type: 'del', key });
        continue;
      }
      const record = {
        ns: change.namespace,
        coll: change.collection,
        key: change.key,
        v: e.value,
        bn: e.version.blockNum,
        tn: e.version.txNum,
        ...(e.metadata !== undefined ? { md: [...e.metadata] } : {}),
        ...(e.hash !== undefined ? { h: e.hash } : {}),
        ...(e.expiresAt !== undefined ? { x: e.expiresAt } : {}),
      };
      ops.push({ type: 'put', key, value: encodeRecord(record) });
    }
  }

  private historyOps(channelId: string, history: readonly HistoryAppend[], ops: BatchOp[]): void {
    let seq = this.historyCount.get(channelId) ?? 0;
    for (const h of history) {
      const { txId, timestamp, isDelete, value } = h.record;
      const record = {
        ns: h.namespace,
        key: h.key,
        txId,
        s: timestamp.seconds,
        n: timestamp.nanos,
        del: isDelete,
        v: value,
      };
      ops.push({ type: 'put', key: historyKey(channelId, seq++), value: encodeRecord(record) });
    }
    this.historyCount.set(channelId, seq);
  }

  private async checkFormat(): Promise<void> {
    const meta = await this.db.get(META_KEY);
    if (meta === undefined) {
      for await (const _key of this.db.keys({ limit: 1 })) {
        throw new DevPeerError(
          'CC_DEVPEER_DATA_DIR_FOREIGN',
          `the data directory ${this.dir} is a LevelDB database that a dev peer did not create (no ${META_KEY} record)`,
        );
      }
      await this.db.put(META_KEY, JSON.stringify({ format: FORMAT, version: VERSION }));
      return;
    }
    let parsed: { format?: unknown; version?: unknown };
    try {
      parsed = JSON.parse(meta) as { format?: unknown; version?: unknown };
    } catch (error) {
      throw corrupt(this.dir, `unreadable format record: ${errorMessage(error)}`, error);
    }
    if (parsed.format !== FORMAT) {
      throw new DevPeerError(
        'CC_DEVPEER_DATA_DIR_FOREIGN',
        `the data directory ${this.dir} holds a ${String(parsed.format)}, not a dev peer ledger`,
      );
    }
    if (parsed.version !== VERSION) {
      throw new DevPeerError(
        'CC_DEVPEER_DATA_DIR_FOREIGN',
        `the data directory ${this.dir} holds a dev peer ledger of format version ${String(parsed.version)}; this dev peer reads version ${String(VERSION)}`,
      );
    }
  }

  private loadRecord(key: string, value: string, ledger: Ledger, blocks: BlockStore): void {
    if (key === META_KEY) return;
    const kind = key.slice(0, 2);
    if (kind === 'c:') {
      const height = Number(value);
      if (!Number.isInteger(height) || height < 1) throw corrupt(this.dir, `bad block height record ${key}`);
      ledger.channel(key.slice(2)).setHeight(height);
      return;
    }
    const channelId = kind === 's:' ? undefined : key.slice(2, key.indexOf('\u0000'));
    const record = decodeRecord(value) as Record<string, unknown>;
    if (kind === 's:') this.loadEntry(key, record, ledger);
    else if (kind === 'h:' && channelId !== undefined) this.loadHistory(channelId, key, record, ledger);
    else if (kind === 'b:') blocks.append(record as unknown as BlockRecord);
    else throw corrupt(this.dir, `unknown record ${JSON.stringify(key)}`);
  }

  private loadEntry(key: string, r: Record<string, unknown>, ledger: Ledger): void {
    const parsedKey = JSON.parse(key.slice(2)) as unknown;
    const [channelId, namespace, collection, k] = Array.isArray(parsedKey) ? (parsedKey as unknown[]) : [];
    const ok =
      typeof channelId === 'string' &&
      typeof namespace === 'string' &&
      typeof collection === 'string' &&
      typeof k === 'string' &&
      Buffer.isBuffer(r.v) &&
      Number.isInteger(r.bn) &&
      Number.isInteger(r.tn);
    if (!ok) throw corrupt(this.dir, `bad state record ${key}`);
    const entry: StateEntry = {
      value: r.v as Buffer,
      version: { blockNum: r.bn as number, txNum: r.tn as number },
      ...(Array.isArray(r.md) ? { metadata: new Map(r.md as [string, Buffer][]) } : {}),
      ...(Buffer.isBuffer(r.h) ? { hash: r.h } : {}),
      ...(typeof r.x === 'number' ? { expiresAt: r.x } : {}),
    };
    ledger.channel(channelId).setEntry({ namespace, collection, key: k, entry });
  }

  private loadHistory(channelId: string, key: string, r: Record<string, unknown>, ledger: Ledger): void {
    if (typeof r.ns !== 'string' || typeof r.key !== 'string' || typeof r.txId !== 'string' || !Buffer.isBuffer(r.v)) {
      throw corrupt(this.dir, `bad history record ${JSON.stringify(key)}`);
    }
    ledger
      .channel(channelId)
      .namespace(r.ns)
      .appendHistory(r.key, {
        txId: r.txId,
        timestamp: { seconds: Number(r.s), nanos: Number(r.n) },
        isDelete: r.del === true,
        value: r.v,
      });
    this.historyCount.set(channelId, (this.historyCount.get(channelId) ?? 0) + 1);
  }
}
