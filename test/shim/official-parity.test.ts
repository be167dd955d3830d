import type { ChaincodeStub } from '@chaincode/contract-api';
import { DevPeer } from '@chaincode/dev-peer';
import { Shim, startChaincode, type ChaincodeSession } from '@chaincode/shim';
import { json, quietLogs } from './harness';

/**
 * The same transaction seen through fabric-shim 2.5.8 and through ours: our chaincode calls the
 * official one with invokeChaincode on the same txid, so both stubs decode the very same proposal,
 * and both report what their stub methods return.
 */
interface LongLike {
  toString(): string;
}

async function report(stub: ChaincodeStub): Promise<Record<string, unknown>> {
  const ts = stub.getTxTimestamp();
  const creator = stub.getCreator();
  const transient = stub.getTransient();
  const paged = await stub.getStateByRangeWithPagination('p1', 'p9', 2);
  const rows: string[] = [];
  for (let r = await paged.iterator.next(); !r.done; r = await paged.iterator.next()) {
    rows.push(`${r.value.key}=${Buffer.from(r.value.value).toString()}`);
  }
  await paged.iterator.close();
  const history: string[] = [];
  for await (const m of stub.getHistoryForKey('p1')) {
    history.push(
      `${m.txId}:${Buffer.from(m.value).toString()}:${String(m.isDelete)}:${(m.timestamp.seconds as LongLike).toString()}`,
    );
  }
  const composite = stub.createCompositeKey('owner~asset', ['alice', 'car']);
  return {
    txId: stub.getTxID(),
    channelId: stub.getChannelID(),
    args: stub.getStringArgs(),
    fp: stub.getFunctionAndParameters(),
    creator: [creator.mspid, Buffer.from(creator.idBytes).toString()],
    transient: [...transient.entries()].map(([k, v]) => `${k}=${Buffer.from(v).toString()}`),
    seconds: (ts.seconds as LongLike).toString(),
    nanos: ts.nanos,
    binding: stub.getBinding(),
    absent: (await stub.getState('no-such-key')).length,
    composite,
    split: stub.splitCompositeKey(composite),
    rows,
    bookmark: paged.metadata.bookmark,
    count: paged.metadata.fetchedRecordsCount,
    history,
  };
}

async function seed(stub: ChaincodeStub): Promise<void> {
  await stub.putState('p1', 'one');
  await stub.putState('p2', 'two');
  await stub.putState('p3', 'three');
}

let peer: DevPeer;
let official: { close(): void } | undefined;
let ours: ChaincodeSession | undefined;

beforeAll(async () => {
  quietLogs();
  peer = await DevPeer.start({ capabilities: false });
  const savedArgv = process.argv;
  const savedLevel = process.env.CORE_CHAINCODE_LOGGING_LEVEL;
  process.env.CORE_CHAINCODE_LOGGING_LEVEL = 'error';
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
        if (stub.getStringArgs()[0] === 'seed') {
          await seed(stub);
          return Shim.success();
        }
        const mine = await report(stub);
        const theirs = await stub.invokeChaincode('official', stub.getStringArgs());
        return Shim.success(Buffer.from(JSON.stringify({ mine, theirs: json(theirs.payload) })));
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

it('decodes the same proposal and answers the same stub calls as fabric-shim 2.5.8', async () => {
  // Each chaincode queries its own namespace: give both the same data.
  expect((await peer.submit('ours', ['seed'])).status).toBe(200);
  expect((await peer.submit('official', ['seed'])).status).toBe(200);
  const result = await peer.submit('ours', ['report', 'x', 'ü'], { transient: { secret: Buffer.from('s') } });
  expect(result.status).toBe(200);
  const { mine, theirs } = json(result.payload) as { mine: Record<string, unknown>; theirs: Record<string, unknown> };
  // History entries carry the txid of each namespace's own seeding transaction: compare the rest.
  const withoutTxId = (history: unknown): string[] => (history as string[]).map((h) => h.replace(/^[0-9a-f]+:/, ''));
  expect(withoutTxId(mine.history)).toEqual(withoutTxId(theirs.history));
  delete mine.history;
  delete theirs.history;
  expect(mine).toEqual(theirs);
  expect(mine.txId).toBe(result.txId);
  expect(mine.transient).toEqual(['secret=s']);
  expect(mine.rows).toEqual(['p1=one', 'p2=two']);
  expect([mine.count, mine.bookmark]).toEqual([2, 'p3']);
});
