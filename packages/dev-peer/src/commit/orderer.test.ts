import type { OrderedTransaction } from './ordered-transaction';
import { Orderer, type CommitOutcome } from './orderer';

const tx = (txId: string, channelId = 'ch'): OrderedTransaction => ({
  txId,
  channelId,
  chaincodeName: 'cc',
  timestamp: { seconds: 0, nanos: 0 },
  creatorMspId: 'Org1MSP',
  endorsers: [],
  results: { reads: [], privateReads: [], rangeQueries: [], writes: [], metadataWrites: [] },
  response: { status: 200, message: '', payload: new Uint8Array(0) },
});

function recorder(): {
  blocks: string[][];
  deliver: (ch: string, txs: readonly OrderedTransaction[]) => Promise<CommitOutcome[]>;
} {
  const blocks: string[][] = [];
  return {
    blocks,
    deliver: (_ch, txs) => {
      blocks.push(txs.map((t) => t.txId));
      const number = blocks.length;
      return Promise.resolve(txs.map((_, txNum) => ({ code: 'VALID', blockNumber: number, txNum })));
    },
  };
}

// Source: fabric-samples test-network configtx.yaml Orderer.BatchSize.MaxMessageCount /
// Orderer.BatchTimeout and orderer/common/blockcutter (a batch is cut when full or on timeout).
describe('Orderer (block cutting)', () => {
  it('cuts one block per transaction by default', async () => {
    const r = recorder();
    const orderer = new Orderer({ maxMessageCount: 1, batchTimeoutMs: 2000 }, r.deliver);
    const outcomes = await Promise.all([orderer.order(tx('a')), orderer.order(tx('b'))]);
    expect(r.blocks).toEqual([['a'], ['b']]);
    expect(outcomes.map((o) => o.blockNumber)).toEqual([1, 2]);
  });

  it('collects maxMessageCount transactions per block, in arrival order, per channel', async () => {
    const r = recorder();
    const orderer = new Orderer({ maxMessageCount: 3, batchTimeoutMs: 60000 }, r.deliver);
    const pending = [
      orderer.order(tx('a')),
      orderer.order(tx('x', 'other')),
      orderer.order(tx('b')),
      orderer.order(tx('c')),
    ];
    const [a, b, c] = await Promise.all([pending[0], pending[2], pending[3]]);
    expect(r.blocks).toEqual([['a', 'b', 'c']]);
    expect([a?.txNum, b?.txNum, c?.txNum]).toEqual([0, 1, 2]);
    await orderer.cut('other');
    expect(r.blocks).toEqual([['a', 'b', 'c'], ['x']]);
    await expect(pending[1]).resolves.toMatchObject({ txNum: 0 });
  });

  it('cuts a partial batch after batchTimeoutMs, or on cut()', async () => {
    const r = recorder();
    const orderer = new Orderer({ maxMessageCount: 10, batchTimeoutMs: 20 }, r.deliver);
    await orderer.order(tx('late'));
    expect(r.blocks).toEqual([['late']]);
    const waiting = orderer.order(tx('now'));
    await orderer.cut();
    await waiting;
    expect(r.blocks).toEqual([['late'], ['now']]);
  });

  it('fails waiting transactions with a coded error when closed, and refuses new ones', async () => {
    const orderer = new Orderer({ maxMessageCount: 5, batchTimeoutMs: 60000 }, recorder().deliver);
    const waiting = orderer.order(tx('a'));
    orderer.close();
    await expect(waiting).rejects.toMatchObject({ code: 'CC_DEVPEER_STOPPED' });
    await expect(orderer.order(tx('b'))).rejects.toMatchObject({ code: 'CC_DEVPEER_STOPPED' });
  });

  it('rejects the transactions of a block the committer could not store, and keeps going', async () => {
    let fail = true;
    const orderer = new Orderer({ maxMessageCount: 1, batchTimeoutMs: 1000 }, (_ch, txs) => {
      if (fail) {
        fail = false;
        return Promise.reject(new Error('disk full'));
      }
      return Promise.resolve(txs.map((_, txNum) => ({ code: 'VALID' as const, blockNumber: 1, txNum })));
    });
    await expect(orderer.order(tx('a'))).rejects.toThrow('disk full');
    await expect(orderer.order(tx('b'))).resolves.toMatchObject({ blockNumber: 1 });
  });
});
