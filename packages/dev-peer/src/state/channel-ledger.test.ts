import { createHash } from 'node:crypto';
import { ChannelLedger } from './channel-ledger';
import type { MetadataWriteRecord, WriteRecord } from './ledger-types';

const ts = { seconds: 1700000000, nanos: 5 };
const put = (key: string, value: string, collection = ''): WriteRecord => ({
  namespace: 'cc',
  collection,
  key,
  value: Buffer.from(value),
  isDelete: false,
  isPurge: false,
});
const del = (key: string, collection = ''): WriteRecord => ({
  namespace: 'cc',
  collection,
  key,
  value: undefined,
  isDelete: true,
  isPurge: false,
});
const meta = (key: string, value?: string, collection = ''): MetadataWriteRecord => ({
  namespace: 'cc',
  collection,
  key,
  metadata: new Map(value === undefined ? [] : [['VALIDATION_PARAMETER', Buffer.from(value)]]),
});

describe('ChannelLedger.commit', () => {
  it('gives each commit a new block number as the version of what it writes', () => {
    const ledger = new ChannelLedger('ch');
    const v1 = ledger.commit({ txId: 't1', timestamp: ts, writes: [put('a', '1')], metadataWrites: [] });
    const v2 = ledger.commit({ txId: 't2', timestamp: ts, writes: [put('b', '2')], metadataWrites: [] });
    expect(v2.blockNum).toBe(v1.blockNum + 1);
    expect(ledger.get('cc', '', 'a')?.version).toEqual(v1);
    expect(ledger.get('cc', '', 'b')?.version).toEqual(v2);
    expect(ledger.get('other', '', 'a')).toBeUndefined();
  });

  it('applies metadata with Fabric rules: kept by value writes, dropped by deletes, ignored for missing keys', () => {
    const ledger = new ChannelLedger('ch');
    ledger.commit({
      txId: 't1',
      timestamp: ts,
      writes: [put('k', 'v')],
      metadataWrites: [meta('k', 'p1'), meta('missing', 'p')],
    });
    expect(ledger.get('cc', '', 'k')?.metadata?.get('VALIDATION_PARAMETER')?.toString()).toBe('p1');
    expect(ledger.get('cc', '', 'missing')).toBeUndefined();
    ledger.commit({ txId: 't2', timestamp: ts, writes: [put('k', 'v2')], metadataWrites: [] });
    expect(ledger.get('cc', '', 'k')?.metadata?.get('VALIDATION_PARAMETER')?.toString()).toBe('p1');
    const v3 = ledger.commit({ txId: 't3', timestamp: ts, writes: [], metadataWrites: [meta('k', 'p2')] });
    expect(ledger.get('cc', '', 'k')).toMatchObject({ value: Buffer.from('v2'), version: v3 });
    expect(ledger.get('cc', '', 'k')?.metadata?.get('VALIDATION_PARAMETER')?.toString()).toBe('p2');
    ledger.commit({ txId: 't4', timestamp: ts, writes: [], metadataWrites: [meta('k')] });
    expect(ledger.get('cc', '', 'k')?.metadata).toBeUndefined();
    ledger.commit({ txId: 't5', timestamp: ts, writes: [del('k')], metadataWrites: [meta('k', 'x')] });
    expect(ledger.get('cc', '', 'k')).toBeUndefined();
  });

  it('appends public history at commit (not private data, not metadata-only writes)', () => {
    const ledger = new ChannelLedger('ch');
    ledger.commit({ txId: 't1', timestamp: ts, writes: [put('h', 'a'), put('p', 's', 'col')], metadataWrites: [] });
    ledger.commit({ txId: 't2', timestamp: ts, writes: [], metadataWrites: [meta('h', 'x')] });
    ledger.commit({ txId: 't3', timestamp: ts, writes: [del('h')], metadataWrites: [] });
    expect(ledger.namespace('cc').historyOf('h')).toEqual([
      { txId: 't1', timestamp: ts, isDelete: false, value: Buffer.from('a') },
      { txId: 't3', timestamp: ts, isDelete: true, value: Buffer.alloc(0) },
    ]);
    expect(ledger.namespace('cc').historyOf('p')).toEqual([]);
  });

  it('keeps private data apart with sha256 hashes; a delete or purge removes value and hash', () => {
    const ledger = new ChannelLedger('ch');
    ledger.commit({ txId: 't1', timestamp: ts, writes: [put('s', 'secret', 'col')], metadataWrites: [] });
    expect(ledger.get('cc', 'col', 's')?.hash).toEqual(createHash('sha256').update('secret').digest());
    expect(ledger.get('cc', '', 's')).toBeUndefined();
    ledger.commit({
      txId: 't2',
      timestamp: ts,
      writes: [{ ...del('s', 'col'), isPurge: true }],
      metadataWrites: [],
    });
    expect(ledger.get('cc', 'col', 's')).toBeUndefined();
  });
});

// Source: hyperledger/fabric core/ledger/kvledger/txmgmt/validation/batch_preparer.go (valid
// transactions of a block applied in order, version = {block, tx position}) and
// core/ledger/pvtdatapolicy/btlpolicy.go ComputeExpiringBlock (private data committed in block b
// with blockToLive n is purged when block b + n + 1 commits; 0 never expires).
describe('ChannelLedger blocks', () => {
  it('versions each write by block and position; a later transaction of the block sees earlier ones', () => {
    const ledger = new ChannelLedger('ch');
    const changes = ledger.prepareBlock(1, [
      { txId: 't0', timestamp: ts, txNum: 0, writes: [put('k', 'first')], metadataWrites: [] },
      { txId: 't2', timestamp: ts, txNum: 2, writes: [put('k', 'second')], metadataWrites: [meta('k', 'p')] },
    ]);
    ledger.applyBlock(changes);
    expect(ledger.height).toBe(2);
    expect(ledger.get('cc', '', 'k')).toMatchObject({
      value: Buffer.from('second'),
      version: { blockNum: 1, txNum: 2 },
    });
    expect(
      ledger
        .namespace('cc')
        .historyOf('k')
        .map((h) => h.txId),
    ).toEqual(['t0', 't2']);
  });

  it('purges private data blockToLive blocks after its commit', () => {
    const ledger = new ChannelLedger('ch');
    const btl = (_ns: string, coll: string): number => (coll === 'short' ? 2 : 0);
    const block = (n: number, writes: WriteRecord[]): void => {
      ledger.applyBlock(
        ledger.prepareBlock(n, [{ txId: `t${String(n)}`, timestamp: ts, txNum: 0, writes, metadataWrites: [] }], btl),
      );
    };
    block(1, [put('s', 'v1', 'short'), put('l', 'v', 'long')]);
    expect(ledger.get('cc', 'short', 's')?.expiresAt).toBe(4);
    block(2, []);
    block(3, []);
    expect(ledger.get('cc', 'short', 's')).toBeDefined(); // still there after block 3 = 1 + 2
    block(4, []);
    expect(ledger.get('cc', 'short', 's')).toBeUndefined(); // purged when block 4 commits
    expect(ledger.get('cc', 'long', 'l')).toBeDefined();
    block(5, [put('s', 'v2', 'short')]);
    block(6, [put('s', 'v3', 'short')]); // rewritten: the new version expires later
    block(7, []);
    expect(ledger.get('cc', 'short', 's')?.value.toString()).toBe('v3');
    block(8, []);
    block(9, []);
    expect(ledger.get('cc', 'short', 's')).toBeUndefined();
  });
});
