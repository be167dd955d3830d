import type { ChaincodeStub } from '@chaincode/contract-api';
import { DevPeer } from '@chaincode/dev-peer';
import { Shim, startChaincode, type ChaincodeSession } from '@chaincode/shim';
import { json, quietLogs } from './harness';

/**
 * A typical contract's reads, end to end, through fabric-shim 2.5.8 and through ours on the same
 * transaction: our chaincode calls the official one with invokeChaincode on the same txid, so both
 * stubs decode the very same proposal. Each reports what a contract would serialize (JSON of the
 * values as returned), which must be identical byte for byte. Both namespaces are seeded by the
 * same transactions (ours invokes the official's seed), so history entries, txids and timestamps
 * agree too. test/compat/differential checks every method and argument one by one.
 */
async function report(stub: ChaincodeStub): Promise<Record<string, string>> {
  const paged = await stub.getStateByRangeWithPagination('p1', 'p9', '2' as unknown as number);
  const rows: unknown[] = [];
  for (let r = await paged.iterator.next(); !r.done; r = await paged.iterator.next()) rows.push(r);
  await paged.iterator.close();
  const history: unknown[] = [];
  for await (const m of stub.getHistoryForKey('p1')) history.push(m);
  const range: unknown[] = [];
  for await (const kv of stub.getStateByRange('', '')) range.push(kv);
  const composite = stub.createCompositeKey('owner~asset', ['alice', 'car']);
  const values = {
    txId: stub.getTxID(),
    channelId: stub.getChannelID(),
    args: stub.getStringArgs(),
    fp: stub.getFunctionAndParameters(),
    creator: stub.getCreator(),
    transient: [...stub.getTransient()],
    timestamp: stub.getTxTimestamp(),
    date: stub.getDateTimestamp(),
    binding: stub.getBinding(),
    absent: await stub.getState('no-such-key'),
    present: await stub.getState('p2'),
    policy: await stub.getStateValidationParameter('p1'),
    noPolicy: await stub.getStateValidationParameter('p2'),
    composite,
    split: stub.splitCompositeKey(composite),
    splitUnterminated: stub.splitCompositeKey('\u0000owner~asset\u0000alice\u0000car'),
    metadata: paged.metadata,
    rows,
    range,
    history,
  };
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, (JSON.stringify(v) as string | undefined) ?? 'undefined']),
  );
}

async function seed(stub: ChaincodeStub): Promise<void> {
  await stub.putState('p1', 'one');
  await stub.putState('p2', 'two');
  await stub.putState('p3', 'three');
  await stub.setStateValidationParameter('p1', Buffer.from('policy'));
}

let peer: DevPeer;
let official: { close(): void } | undefined;
let ours: ChaincodeSession | undefined;

beforeAll(async () => {
  quietLogs();
  peer = await DevPeer.start({ capabilities: false });
  const savedArgv = process.argv;
  const savedLevel = process.env.CORE_CHAINCODE_LOGGING_LEVEL;
  process.env.CORE_CHAINCODE_LOGGING_LEVEL = 'critical';
  process.argv = [savedArgv[0]!, 'x', '--peer.address', peer.address, '--chaincode-id-name', 'official'];
  try {
    const fabricShim = require('fabric-shim') as {
      start(cc: unknown): { close(): void };
      success(payload?: Buffer): unknown;
    };
    official = fabricShim.start({
      Init: () => fabricShim.success(),
      Invoke: async (stub: ChaincodeStub) => {
        if (stub.getStringArgs()[0] === 'seed') {
          await seed(stub);
          return fabricShim.success();
        }
        return fabricShim.success(Buffer.from(JSON.stringify(await report(stub))));
      },
    });
  } finally {
    process.argv = savedArgv;
    if (savedLevel === undefined) delete process.env.CORE_CHAINCODE_LOGGING_LEVEL;
    else process.env.CORE_CHAINCODE_LOGGING_LEVEL = savedLevel;
  }
  ours = await startChaincode(
    {
      Init: () => Shim.success(),
      Invoke: async (stub) => {
        const args = stub.getBufferArgs();
        if (stub.getStringArgs()[0] === 'seed') {
          // One transaction seeds both namespaces: same txid, same timestamp in both histories.
          await seed(stub);
          const theirs = await stub.invokeChaincode('official', args);
          return theirs.status === 200 ? Shim.success() : Shim.error(theirs.message ?? '');
        }
        const mine = await report(stub);
        const theirs = await stub.invokeChaincode('official', args);
        return Shim.success(Buffer.from(JSON.stringify({ mine, theirs: json(theirs.payload ?? new Uint8Array(0)) })));
      },
    },
    { peerAddress: peer.address, chaincodeIdName: 'ours' },
  );
  await ours.ready;
  await peer.waitForChaincode('official', { timeoutMs: 5000 });
  await peer.waitForChaincode('ours', { timeoutMs: 5000 });
});

afterAll(async () => {
  official?.close();
  await ours?.close();
  await peer.stop();
});

it('decodes the same proposal and answers the same stub calls as fabric-shim 2.5.8, byte for byte', async () => {
  expect((await peer.submit('ours', ['seed'])).status).toBe(200);
  const transient = {
    zeta: Buffer.from('z'),
    '10': Buffer.from('ten'),
    '9': Buffer.from('nine'),
    alpha: Buffer.from('a'),
  };
  const result = await peer.evaluate('ours', ['report', 'x', 'ü'], { transient });
  expect(result.status).toBe(200);
  const { mine, theirs } = json(result.payload) as { mine: Record<string, string>; theirs: Record<string, string> };
  expect(mine).toEqual(theirs);
  // What a contract serializes, as fabric-shim 2.5.8 gives it:
  expect(JSON.parse(mine.txId!)).toBe(result.txId);
  expect(mine.timestamp).toMatch(/^\{"nanos":\d+,"seconds":\{"low":\d+,"high":0,"unsigned":true\}\}$/);
  expect(mine.creator).toMatch(/^\{"mspid":"Org1MSP","idBytes":\{"0":45,"1":45,/);
  expect(JSON.parse(mine.transient!).map(([k]: [string]) => k)).toEqual(['10', '9', 'alpha', 'zeta']);
  expect(mine.metadata).toBe('{"bookmark":"p3","fetchedRecordsCount":2}');
  expect(mine.rows).toBe(
    '[{"value":{"key":"p1","value":{"type":"Buffer","data":[111,110,101]}},"done":false},' +
      '{"value":{"key":"p2","value":{"type":"Buffer","data":[116,119,111]}},"done":false}]',
  );
  expect(mine.noPolicy).toBe('undefined');
  expect(mine.policy).toBe('{"0":112,"1":111,"2":108,"3":105,"4":99,"5":121}');
  expect(mine.splitUnterminated).toBe('{"objectType":"owner~asset","attributes":["alice"]}');
  expect(JSON.parse(mine.history!)[0]).toMatchObject({ isDelete: false, timestamp: { seconds: expect.any(Number) } });
});
