import { DevNetwork, type BlockRecord, type ChaincodeEvent } from '@chaincode/dev-peer';
import { holdAt, kvChaincode, utf8 } from './support/kv-chaincode';
import { quietLogs } from './support/quiet-logs';

quietLogs();

// Source: core/ledger/kvledger/txmgmt/validation/validator.go (validateKVRead, validateRangeQuery,
// the block's update batch) and peer/transaction.proto TxValidationCode; fabric-gateway's
// getChaincodeEvents (events of valid transactions only, per block, from a start block).
describe('dev network: commit rules', () => {
  let network: DevNetwork;

  afterEach(async () => {
    await network.stop();
  });

  it('commits a block of concurrent read-modify-writes with one VALID and the rest MVCC_READ_CONFLICT', async () => {
    network = await DevNetwork.start({ blockCutting: { maxMessageCount: 3, batchTimeoutMs: 60000 } });
    await network.deployChaincode('kv', kvChaincode);
    const events: ChaincodeEvent[] = [];
    network.onChaincodeEvent('kv', (e) => events.push(e));
    const results = await Promise.all([1, 2, 3].map(() => network.submit('kv', ['inc', 'counter'])));
    expect(results.map((r) => r.validationCode).sort()).toEqual(['MVCC_READ_CONFLICT', 'MVCC_READ_CONFLICT', 'VALID']);
    expect(new Set(results.map((r) => r.blockNumber))).toEqual(new Set([1]));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]); // every endorsement succeeded
    expect(utf8(network.getState('kv', 'counter') ?? new Uint8Array())).toBe('1');
    const valid = results.find((r) => r.committed);
    expect(events).toEqual([
      {
        channelId: 'mychannel',
        blockNumber: 1,
        transactionId: valid?.txId,
        chaincodeName: 'kv',
        eventName: 'incremented',
        payload: Buffer.from('counter=1'),
      },
    ]);
    const [block] = network.blocks();
    expect(block?.transactions.map((t) => [t.txNum, t.validationCode]).sort()).toEqual([
      [0, 'VALID'],
      [1, 'MVCC_READ_CONFLICT'],
      [2, 'MVCC_READ_CONFLICT'],
    ]);
  });

  it('detects a read made stale by a commit between simulation and validation', async () => {
    network = await DevNetwork.start();
    await network.deployChaincode('kv', kvChaincode);
    await network.submit('kv', ['put', 'x', '10']);
    const gate = holdAt('mvcc-1');
    const slow = network.submit('kv', ['incAt', 'x', 'mvcc-1']);
    await gate.reached; // it read x = 10
    expect((await network.submit('kv', ['put', 'x', '20'])).validationCode).toBe('VALID');
    gate.open();
    const r = await slow;
    expect(r).toMatchObject({
      status: 200,
      payload: Buffer.from('11'),
      committed: false,
      validationCode: 'MVCC_READ_CONFLICT',
    });
    expect(utf8(network.getState('kv', 'x') ?? new Uint8Array())).toBe('20');
  });

  it('fails a range read with PHANTOM_READ_CONFLICT when a key appeared in the range', async () => {
    network = await DevNetwork.start();
    await network.deployChaincode('kv', kvChaincode);
    await network.submit('kv', ['put', 'r1', 'a']);
    await network.submit('kv', ['put', 'r3', 'c']);
    const gate = holdAt('phantom-1');
    const slow = network.submit('kv', ['countAt', 'r', 'r~', 'phantom-1']);
    await gate.reached;
    await network.submit('kv', ['put', 'r2', 'b']);
    gate.open();
    expect(await slow).toMatchObject({ payload: Buffer.from('r1,r3'), validationCode: 'PHANTOM_READ_CONFLICT' });
    // Outside the range, nothing conflicts.
    const gate2 = holdAt('phantom-2');
    const other = network.submit('kv', ['countAt', 'r', 'r~', 'phantom-2']);
    await gate2.reached;
    await network.submit('kv', ['put', 's1', 'x']);
    gate2.open();
    expect((await other).validationCode).toBe('VALID');
  });

  it('delivers block events in order, with invalid transactions marked, and replays chaincode events from a block', async () => {
    network = await DevNetwork.start({ orgs: ['Org1MSP', 'Org2MSP'] });
    await network.deployChaincode('kv', kvChaincode);
    const blocks: BlockRecord[] = [];
    network.onBlock((b) => blocks.push(b));
    await network.submit('kv', ['event', 'first', 'p1']);
    await network.submit('kv', ['event', 'dropped', 'x'], { endorsingOrgs: ['Org1MSP'] }); // policy failure
    await network.submit('kv', ['event', 'second', 'p2']);
    expect(blocks.map((b) => [b.number, b.transactions[0]?.validationCode])).toEqual([
      [1, 'VALID'],
      [2, 'ENDORSEMENT_POLICY_FAILURE'],
      [3, 'VALID'],
    ]);
    const stream = network.chaincodeEvents('kv', { startBlock: 2 });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of stream) {
        seen.push(`${String(event.blockNumber)}:${event.eventName}`);
        if (seen.length === 2) break;
      }
    })();
    await network.submit('kv', ['event', 'live', 'p3']);
    await reading;
    expect(seen).toEqual(['3:second', '4:live']);
  });

  it("joins a same-channel callee to the transaction, validated against the callee's own policy", async () => {
    network = await DevNetwork.start({ orgs: ['Org1MSP', 'Org2MSP'] });
    await network.deployChaincode('caller', kvChaincode, { endorsementPolicy: "OR('Org1MSP.peer')" });
    await network.deployChaincode('callee', kvChaincode, { endorsementPolicy: "OR('Org2MSP.peer')" });
    const r = await network.submit('caller', ['call', 'callee', '', 'put', 'shared', 'v1']);
    expect(r).toMatchObject({
      payload: Buffer.from('200:'),
      validationCode: 'VALID',
      endorsingOrgs: ['Org1MSP', 'Org2MSP'],
    });
    expect(r.rwset.writes).toEqual([{ namespace: 'callee', key: 'shared', isDelete: false, value: Buffer.from('v1') }]);
    expect(utf8(network.getState('callee', 'shared') ?? new Uint8Array())).toBe('v1');
    const pinned = await network.submit('caller', ['call', 'callee', '', 'put', 'shared', 'v2'], {
      endorsingOrgs: ['Org1MSP'],
    });
    expect(pinned).toMatchObject({
      validationCode: 'ENDORSEMENT_POLICY_FAILURE',
      validationMessage: expect.stringContaining('validation of endorsement policy for chaincode callee') as string,
    });
  });

  it('runs a callee on another channel read-only: its writes are discarded', async () => {
    network = await DevNetwork.start();
    await network.deployChaincode('kv', kvChaincode);
    await network.submit('kv', ['put', 'remote', 'there'], { channelId: 'other' });
    const read = await network.submit('kv', ['call', 'kv', 'other', 'get', 'remote']);
    expect(read).toMatchObject({ payload: Buffer.from('200:there'), validationCode: 'VALID' });
    const write = await network.submit('kv', ['call', 'kv', 'other', 'put', 'remote', 'changed']);
    expect(write.validationCode).toBe('VALID');
    expect(write.rwset.writes).toEqual([]);
    expect(utf8(network.getState('kv', 'remote', { channelId: 'other' }) ?? new Uint8Array())).toBe('there');
  });
});
