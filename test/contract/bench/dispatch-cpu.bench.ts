/**
 * Chaincode CPU per transaction in the contract layer, ours vs fabric-contract-api 2.5.8, side by
 * side in one process: both chaincodes' `Invoke(stub)` driven with the same stub (a fake at the
 * stub boundary, carrying a real creator certificate, so ClientIdentity does its real work).
 * Not part of `npm test`; run it with:
 *   npx jest --testMatch '**' --testPathPatterns 'test/contract/bench/dispatch-cpu.bench.ts'
 */
import { DevPeer } from '@chaincode/dev-peer';
import * as ours from '@chaincode/contract-api';
import { createContractChaincode } from '@chaincode/shim';
import type * as Api from '@chaincode/contract-api';
import { official } from '../harness';

const ChaincodeFromContract = require('fabric-shim/lib/contract-spi/chaincodefromcontract') as new (
  ...args: unknown[]
) => { Invoke(stub: unknown): Promise<{ status: number }> };

function define(api: typeof Api) {
  const { Contract, Transaction, Returns, Property } = api;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- referenced by the emitted design types
  const Context = api.Context;
  type Context = Api.Context;
  @api.Object()
  class BenchAsset {
    @Property()
    id: string = '';
    @Property()
    size: number = 0;
    @Property()
    owner: string = '';
  }
  class Bench extends Contract {
    @Transaction()
    async noop(_ctx: Context): Promise<void> {
      // nothing
    }

    @Transaction()
    @Returns('string')
    async typed(_ctx: Context, asset: BenchAsset): Promise<string> {
      return asset.id;
    }
  }
  return Bench;
}

function fakeStub(args: string[], creator: { mspid: string; idBytes: Buffer }) {
  const buffers = args.map((a) => Buffer.from(a));
  return {
    getBufferArgs: () => buffers,
    getArgs: () => args,
    getStringArgs: () => args,
    getTxID: () => 'tx1',
    getChannelID: () => 'mychannel',
    getCreator: () => creator,
    getFunctionAndParameters: () => ({ fcn: args[0] ?? '', params: args.slice(1) }),
  };
}

async function cpuPerCall(invoke: () => Promise<{ status: number }>, count: number): Promise<number> {
  for (let i = 0; i < 500; i++) await invoke();
  const start = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const r = await invoke();
    if (r.status !== 200) throw new Error(`status ${String(r.status)}`);
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / count;
}

describe('contract-layer CPU per transaction', () => {
  it('ours vs fabric-contract-api 2.5.8', async () => {
    const peer = await DevPeer.start();
    const identity = peer.defaultIdentity;
    await peer.stop();
    const creator = { mspid: identity.mspId, idBytes: Buffer.from(identity.certificate) };
    const mine = createContractChaincode([define(ours)]);
    const { JSONSerializer } = official as unknown as { JSONSerializer: unknown };
    const theirs = new ChaincodeFromContract(
      [define(official)],
      { transaction: 'jsonSerializer', serializers: { jsonSerializer: JSONSerializer } },
      {},
      'bench',
      '1',
    );
    const asset = JSON.stringify({ id: 'a1', size: 5, owner: 'bob' });
    const rows: Record<string, { ours: string; official: string; ratio: string }> = {};
    for (const [label, args] of [
      ['noop', ['noop']],
      ['typed object parameter', ['typed', asset]],
    ] as const) {
      const stub = fakeStub([...args], creator);
      const count = 4000;
      const a = await cpuPerCall(async () => mine.Invoke(stub as never), count);
      const b = await cpuPerCall(() => theirs.Invoke(stub), count);
      rows[label] = { ours: `${a.toFixed(1)} µs`, official: `${b.toFixed(1)} µs`, ratio: `${(b / a).toFixed(1)}x` };
    }
    console.table(rows);
    expect(Object.keys(rows)).toHaveLength(2);
  }, 120000);
});
