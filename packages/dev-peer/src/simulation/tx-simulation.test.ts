import { ChannelLedger } from '../state/channel-ledger';
import { TxSimulation } from './tx-simulation';

const ts = { seconds: 1, nanos: 0 };

function ledgerWith(pairs: Record<string, string>): ChannelLedger {
  const ledger = new ChannelLedger('ch');
  ledger.commit({
    txId: 'seed',
    timestamp: ts,
    writes: Object.entries(pairs).map(([key, value]) => ({
      namespace: 'cc',
      collection: '',
      key,
      value: Buffer.from(value),
      isDelete: false,
      isPurge: false,
    })),
    metadataWrites: [],
  });
  return ledger;
}

describe('TxSimulation', () => {
  it('reads committed state only and records reads with versions', () => {
    const ledger = ledgerWith({ a: '1' });
    const sim = new TxSimulation(ledger, 'tx', ts);
    sim.put('cc', '', 'a', Buffer.from('2'));
    sim.put('cc', '', 'b', Buffer.from('new'));
    expect(sim.getState('cc', 'a')?.toString()).toBe('1');
    expect(sim.getState('cc', 'b')).toBeUndefined();
    const rwset = sim.readWriteSet();
    expect(rwset.reads).toEqual([
      { namespace: 'cc', key: 'a', version: { blockNum: 1, txNum: 0 } },
      { namespace: 'cc', key: 'b', version: null },
    ]);
    expect(rwset.writes.map((w) => w.key)).toEqual(['a', 'b']);
  });

  it('walks a range across a concurrent commit without losing its place, recording reads', () => {
    const ledger = ledgerWith({ k1: '1', k2: '2', k4: '4' });
    const sim = new TxSimulation(ledger, 'tx', ts);
    const cursor = sim.rangeScan('cc', 'k1', 'k9', false);
    expect(cursor.next()?.key).toBe('k1');
    ledger.commit({
      txId: 'other',
      timestamp: ts,
      writes: [
        { namespace: 'cc', collection: '', key: 'k1', value: undefined, isDelete: true, isPurge: false },
        { namespace: 'cc', collection: '', key: 'k3', value: Buffer.from('3'), isDelete: false, isPurge: false },
      ],
      metadataWrites: [],
    });
    const keys = [];
    for (let r = cursor.next(); r !== undefined; r = cursor.next()) keys.push(r.key);
    expect(keys).toEqual(['k2', 'k3', 'k4']);
    const range = sim.readWriteSet().rangeQueries[0];
    expect(range).toMatchObject({ startKey: 'k1', endKey: 'k9', itrExhausted: true });
    expect(range?.reads.map((r) => r.key)).toEqual(['k1', 'k2', 'k3', 'k4']);
  });

  it('enforces Fabric write preconditions', () => {
    const ledger = ledgerWith({});
    const sim0 = new TxSimulation(ledger, 'tx0', ts);
    expect(() => {
      sim0.put('cc', '', '', Buffer.from('x'));
    }).toThrow('invalid key. Empty string is not supported as a key by couchdb');
    // as in Fabric, the attempt counts as a write
    expect(() => sim0.rangeScan('cc', 'a', 'b', true)).toThrow(
      'Paginated queries are supported only in a read-only transaction',
    );
    const sim = new TxSimulation(ledger, 'tx1', ts);
    sim.rangeScan('cc', 'a', 'b', true);
    expect(() => {
      sim.delete('cc', '', 'a');
    }).toThrow(
      'txid [tx1]: unsuppored transaction. Transaction has already performed a paginated query. Writes are not allowed',
    );
    const sim2 = new TxSimulation(ledger, 'tx2', ts);
    sim2.privateRangeScan('cc', 'col', 'a', 'b');
    expect(() => {
      sim2.put('cc', 'col', 'a', Buffer.from('x'));
    }).toThrow('Transaction has already performed queries on pvt data');
  });
});
