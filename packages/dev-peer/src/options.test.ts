import { resolveNetworkOptions, resolvePeerOptions } from './options';

describe('resolvePeerOptions', () => {
  it("defaults to Fabric's values (core.yaml, configtx.yaml)", () => {
    expect(resolvePeerOptions()).toEqual({
      host: '127.0.0.1',
      port: 0,
      orgs: ['Org1MSP'],
      tls: false,
      capabilities: {
        useWriteBatch: true,
        maxSizeWriteBatch: 1000,
        useGetMultipleKeys: true,
        maxSizeGetMultipleKeys: 1000,
      },
      channelId: 'mychannel',
      pageSize: 100,
      totalQueryLimit: 100000,
      internalQueryLimit: 1000,
      executeTimeoutMs: 30000,
      keepaliveMs: 0,
      stateDatabase: 'CouchDB',
      blockCutting: { maxMessageCount: 1, batchTimeoutMs: 2000 },
      dataDir: undefined,
      faults: false,
      sharedCrypto: false,
      lenient: true,
    });
    expect(resolvePeerOptions({ capabilities: false }).capabilities).toBe(false);
  });

  it.each([
    { pageSize: 0 },
    { totalQueryLimit: -1 },
    { internalQueryLimit: 0 },
    { executeTimeoutMs: 1.5 },
    { channelId: '' },
    { channelId: 'MyChannel' },
    { port: -1 },
    { mspId: '' },
    { blockCutting: { maxMessageCount: 0 } },
    { dataDir: '' },
    { stateDatabase: 'mongo' as 'CouchDB' },
  ])('rejects %p with a coded error', (options) => {
    expect(() => resolvePeerOptions(options)).toThrow(expect.objectContaining({ code: 'CC_DEVPEER_INVALID_OPTIONS' }));
  });
});

describe('resolveNetworkOptions', () => {
  it('lists orgs, shares crypto and is strict by default', () => {
    expect(resolveNetworkOptions({ orgs: ['Org1MSP', 'Org2MSP'] })).toMatchObject({
      orgs: ['Org1MSP', 'Org2MSP'],
      sharedCrypto: true,
      lenient: false,
    });
    expect(resolveNetworkOptions({ freshCrypto: true }).sharedCrypto).toBe(false);
  });

  it.each([[[]], [['Org1MSP', 'Org1MSP']], [['Org 1']], [[7]]])('rejects orgs %p', (orgs) => {
    expect(() => resolveNetworkOptions({ orgs: orgs as string[] })).toThrow(
      expect.objectContaining({ code: 'CC_DEVPEER_INVALID_OPTIONS' }),
    );
  });
});
