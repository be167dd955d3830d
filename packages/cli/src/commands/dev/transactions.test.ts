import { describeTransaction, findTransaction, listTransactions } from './transactions';

const metadata = {
  contracts: {
    AssetContract: {
      name: 'AssetContract',
      transactions: [
        {
          name: 'CreateAsset',
          tag: ['SUBMIT', 'submitTx'],
          parameters: [
            { name: 'id', schema: { type: 'string' } },
            { name: 'size', schema: { type: 'number' } },
          ],
          returns: [{ name: 'success', schema: { $ref: '#/components/schemas/Asset' } }],
        },
        {
          name: 'GetAll',
          tag: ['EVALUATE', 'evaluateTx'],
          returns: [{ schema: { type: 'array', items: { $ref: '#/components/schemas/Asset' } } }],
        },
      ],
    },
    Admin: { name: 'Admin', transactions: [{ name: 'Reset', tag: [] }] },
    'org.hyperledger.fabric': { name: 'org.hyperledger.fabric', transactions: [{ name: 'GetMetadata' }] },
  },
};

describe('listTransactions', () => {
  const list = listTransactions(metadata);

  it('lists user transactions with their kind, prefixing all but the first contract', () => {
    expect(list.map((t) => [t.fcn, t.kind])).toEqual([
      ['CreateAsset', 'submit'],
      ['GetAll', 'evaluate'],
      ['Admin:Reset', 'submit'],
    ]);
  });

  it('describes parameters and return types readably', () => {
    expect(list.map(describeTransaction)).toEqual([
      'CreateAsset(id: string, size: number) → Asset  [submit]',
      'GetAll() → Asset[]  [evaluate]',
      'Admin:Reset()  [submit]',
    ]);
  });

  it('finds by name or Contract:Name', () => {
    expect(findTransaction(list, 'Reset')?.fcn).toBe('Admin:Reset');
    expect(findTransaction(list, 'AssetContract:GetAll')?.fcn).toBe('GetAll');
    expect(findTransaction(list, 'Nope')).toBeUndefined();
  });

  it('reads the return type of a metadata file, where returns is the schema itself', () => {
    const file = {
      contracts: {
        C: {
          transactions: [
            { name: 'Read', tag: ['EVALUATE'], returns: { $ref: '#/components/schemas/Asset' } },
            { name: 'All', returns: { type: 'array', items: { type: 'string' } } },
          ],
        },
      },
    };
    expect(listTransactions(file).map(describeTransaction)).toEqual([
      'Read() → Asset  [evaluate]',
      'All() → string[]  [submit]',
    ]);
  });

  it('copes with metadata that is not what it expects', () => {
    expect(listTransactions(undefined)).toEqual([]);
    expect(listTransactions({ contracts: { X: { transactions: 'no' } } })).toEqual([]);
  });
});
