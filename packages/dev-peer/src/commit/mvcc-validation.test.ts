import type { RangeQueryRecord } from '../simulation/cursors';
import type { SimulationResults } from '../simulation/tx-simulation';
import { ChannelLedger } from '../state/channel-ledger';
import type { Version, WriteRecord } from '../state/ledger-types';
import { BlockUpdates, validateReadSet } from './mvcc-validation';

const ts = { seconds: 1, nanos: 0 };
const put = (key: string, collection = ''): WriteRecord => ({
  namespace: 'cc',
  collection,
  key,
  value: Buffer.from(key),
  isDelete: false,
  isPurge: false,
});
const del = (key: string): WriteRecord => ({ ...put(key), value: undefined, isDelete: true });
const v = (blockNum: number): Version => ({ blockNum, txNum: 0 });
const empty: SimulationResults = { reads: [], privateReads: [], rangeQueries: [], writes: [], metadataWrites: [] };
const range = (startKey: string, endKey: string, reads: [string, number][], itrExhausted = true): RangeQueryRecord => ({
  namespace: 'cc',
  startKey,
  endKey,
  itrExhausted,
  reads: reads.map(([key, blockNum]) => ({ key, version: v(blockNum) })),
});

function ledgerAt(): ChannelLedger {
  const ledger = new ChannelLedger('ch');
  ledger.commit({ txId: 't1', timestamp: ts, writes: [put('a'), put('c'), put('p', 'col')], metadataWrites: [] }); // block 1
  ledger.commit({ txId: 't2', timestamp: ts, writes: [put('e')], metadataWrites: [] }); // block 2
  return ledger;
}

// Source: hyperledger/fabric core/ledger/kvledger/txmgmt/validation/validator.go (validateTx:
// public reads, then range queries, then hashed private reads, per namespace; a key written by a
// preceding valid transaction of the block is a conflict; validateRangeQuery re-runs the range on
// committed state plus the block's updates, up to and including the last key read when the
// iterator was not exhausted) and rangequery_validator.go (same keys, same versions, nothing more).
describe('validateReadSet (MVCC and phantom reads)', () => {
  const ledger = ledgerAt();

  it.each([
    ['a read at the committed version', { reads: [{ namespace: 'cc', key: 'a', version: v(1) }] }, 'VALID'],
    [
      'a read of an absent key that is still absent',
      { reads: [{ namespace: 'cc', key: 'zz', version: null }] },
      'VALID',
    ],
    ['a read at an older version', { reads: [{ namespace: 'cc', key: 'e', version: v(1) }] }, 'MVCC_READ_CONFLICT'],
    [
      'a key created since it was read as absent',
      { reads: [{ namespace: 'cc', key: 'a', version: null }] },
      'MVCC_READ_CONFLICT',
    ],
    [
      'a key deleted since it was read',
      { reads: [{ namespace: 'cc', key: 'gone', version: v(1) }] },
      'MVCC_READ_CONFLICT',
    ],
    [
      'a range read unchanged',
      {
        rangeQueries: [
          range('a', 'z', [
            ['a', 1],
            ['c', 1],
            ['e', 2],
          ]),
        ],
      },
      'VALID',
    ],
    [
      'a key inserted in the range',
      {
        rangeQueries: [
          range('a', 'z', [
            ['a', 1],
            ['e', 2],
          ]),
        ],
      },
      'PHANTOM_READ_CONFLICT',
    ],
    [
      'a key of the range updated',
      {
        rangeQueries: [
          range('a', 'z', [
            ['a', 1],
            ['c', 1],
            ['e', 1],
          ]),
        ],
      },
      'PHANTOM_READ_CONFLICT',
    ],
    [
      'a key of the range deleted',
      {
        rangeQueries: [
          range('a', 'z', [
            ['a', 1],
            ['b', 1],
            ['c', 1],
            ['e', 2],
          ]),
        ],
      },
      'PHANTOM_READ_CONFLICT',
    ],
    [
      'a range stopped early ignores keys after the last read',
      { rangeQueries: [range('a', 'z', [['a', 1]], false)] },
      'VALID',
    ],
    [
      'a range stopped early sees an insert before its last read',
      {
        rangeQueries: [
          range(
            'a',
            'z',
            [
              ['a', 1],
              ['e', 2],
            ],
            false,
          ),
        ],
      },
      'PHANTOM_READ_CONFLICT',
    ],
    [
      'a private read at the committed version',
      { privateReads: [{ namespace: 'cc', collection: 'col', key: 'p', version: v(1) }] },
      'VALID',
    ],
    [
      'a private read at another version',
      { privateReads: [{ namespace: 'cc', collection: 'col', key: 'p', version: null }] },
      'MVCC_READ_CONFLICT',
    ],
  ] as const)('%s: %s', (_case, recorded, expected) => {
    expect(validateReadSet({ ...empty, ...recorded }, ledger, new BlockUpdates())).toBe(expected);
  });

  it('conflicts with keys written by earlier valid transactions of the same block', () => {
    const updates = new BlockUpdates();
    updates.add({ ...empty, writes: [put('a'), put('b'), del('e'), put('q', 'col')] });
    const read = (key: string, version: Version | null): SimulationResults => ({
      ...empty,
      reads: [{ namespace: 'cc', key, version }],
    });
    expect(validateReadSet(read('a', v(1)), ledger, updates)).toBe('MVCC_READ_CONFLICT');
    expect(validateReadSet(read('c', v(1)), ledger, updates)).toBe('VALID');
    // the range now holds b (new) and no longer e
    expect(
      validateReadSet(
        {
          ...empty,
          rangeQueries: [
            range('c', 'z', [
              ['c', 1],
              ['e', 2],
            ]),
          ],
        },
        ledger,
        updates,
      ),
    ).toBe('PHANTOM_READ_CONFLICT');
    expect(validateReadSet({ ...empty, rangeQueries: [range('c', 'd', [['c', 1]])] }, ledger, updates)).toBe('VALID');
    const privateRead = { ...empty, privateReads: [{ namespace: 'cc', collection: 'col', key: 'q', version: null }] };
    expect(validateReadSet(privateRead, ledger, updates)).toBe('MVCC_READ_CONFLICT');
  });
});
