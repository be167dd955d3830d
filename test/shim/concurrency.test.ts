import type { ChaincodeStub } from '@chaincode/contract-api';
import { Shim } from '@chaincode/shim';
import { quietLogs, startPair, text, type Pair } from './harness';

const TRANSACTIONS = 2000;
const SEEDS = 50;
const DEADLINE_MS = 25000;

/** Each transaction reads a seed, writes its own key, queries a range, sets an event, and echoes what it saw. */
const chaincode = {
  Init: () => Shim.success(),
  Invoke: async (stub: ChaincodeStub) => {
    const [fn, n] = stub.getStringArgs();
    if (fn === 'seed') {
      for (let i = 0; i < SEEDS; i++) await stub.putState(`seed${String(i).padStart(2, '0')}`, `s${String(i)}`);
      return Shim.success();
    }
    const i = Number(n);
    const seedKey = `seed${String(i % SEEDS).padStart(2, '0')}`;
    // Start several calls at once: the shim must put them on the wire one at a time for this txid.
    const [seed, multi, missing] = await Promise.all([
      stub.getState(seedKey),
      stub.getMultipleStates(seedKey, 'seed00'),
      stub.getState(`nothing-${String(i)}`),
      stub.putState(`tx${String(i)}`, `${stub.getTxID()}:${String(i)}`),
    ]);
    let rows = 0;
    for await (const _ of stub.getStateByRange('seed00', 'seed05')) rows++;
    stub.setEvent('done', String(i));
    const body = [String(i), stub.getTxID(), text(seed), text(multi[0]), String(missing.length), String(rows)];
    return Shim.success(Buffer.from(body.join('|')));
  },
};

let pair: Pair;
beforeAll(async () => {
  quietLogs();
  pair = await startPair(chaincode, { client: { maxConcurrentTransactions: 1000 } });
  const seeded = await pair.peer.submit(pair.name, ['seed']);
  expect(seeded.status).toBe(200);
});
afterAll(async () => {
  await pair.stop();
});

it(`answers ${String(TRANSACTIONS)} concurrent transactions on one stream without cross-talk`, async () => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error('transactions not all answered in time'));
    }, DEADLINE_MS);
  });
  const started = Date.now();
  const all = Promise.all(
    Array.from({ length: TRANSACTIONS }, (_, i) =>
      i % 2 === 0 ? pair.peer.submit(pair.name, ['run', String(i)]) : pair.peer.evaluate(pair.name, ['run', String(i)]),
    ),
  );
  try {
    const results = await Promise.race([all, deadline]);
    const elapsed = Date.now() - started;
    expect(results).toHaveLength(TRANSACTIONS);
    results.forEach((result, i) => {
      expect(result.status).toBe(200);
      const seed = `s${String(i % SEEDS)}`;
      expect(text(result.payload)).toBe([String(i), result.txId, seed, seed, '0', '5'].join('|'));
      expect(result.event?.name).toBe('done');
      expect(text(result.event?.payload)).toBe(String(i));
      if (i % 2 === 0)
        expect(text(pair.peer.getState(pair.name, `tx${String(i)}`))).toBe(`${result.txId}:${String(i)}`);
      else expect(pair.peer.getState(pair.name, `tx${String(i)}`)).toBeUndefined();
    });
    expect(elapsed).toBeLessThan(DEADLINE_MS);
  } finally {
    clearTimeout(timer);
  }
});
