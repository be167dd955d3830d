import { X509Certificate } from 'node:crypto';
import { DevPeer } from '@chaincode/dev-peer';
import { Shim } from '@chaincode/shim';
import type { ChaincodeInterface, ChaincodeStub } from '@chaincode/contract-api';
import { quietLogs } from './support/quiet-logs';

quietLogs();

/** A tiny low-level chaincode written as for fabric-shim 2.5 (Init/Invoke, Shim.success/error). */
const counter: ChaincodeInterface = {
  Init: () => Shim.success(),
  async Invoke(stub: ChaincodeStub) {
    const { fcn, params } = stub.getFunctionAndParameters();
    const key = params[0] ?? 'counter';
    switch (fcn) {
      case 'inc': {
        const current = Number(Buffer.from(await stub.getState(key)).toString() || '0');
        await stub.putState(key, Buffer.from(String(current + 1)));
        stub.setEvent('incremented', Buffer.from(key));
        return Shim.success(Buffer.from(String(current + 1)));
      }
      case 'get':
        return Shim.success(await stub.getState(key));
      case 'range': {
        const keys: string[] = [];
        for await (const kv of stub.getStateByRange(params[0] ?? '', params[1] ?? '')) keys.push(kv.key);
        return Shim.success(Buffer.from(keys.join(',')));
      }
      case 'whoami':
        return Shim.success(Buffer.from(`${stub.getMspID()}|${stub.getTxID()}|${stub.getChannelID()}`));
      case 'creator':
        return Shim.success(Buffer.from(stub.getCreator().idBytes));
      default:
        return Shim.error(`unknown function ${fcn}`);
    }
  },
};

describe('dev peer end to end with @chaincode/shim', () => {
  let peer: DevPeer;

  afterEach(async () => {
    await peer.stop();
  });

  it('deploys a low-level chaincode in process and runs transactions through the real shim', async () => {
    peer = await DevPeer.start();
    await peer.deployChaincode('counter', counter);
    expect((await peer.submit('counter', ['inc', 'a'])).status).toBe(200);
    const second = await peer.submit('counter', ['inc', 'a']);
    expect(Buffer.from(second.payload).toString()).toBe('2');
    expect(second.event).toMatchObject({ name: 'incremented', payload: Buffer.from('a'), chaincodeId: 'counter' });
    expect(Buffer.from(peer.getState('counter', 'a') ?? []).toString()).toBe('2');
    const evaluated = await peer.evaluate('counter', ['inc', 'a']);
    expect(evaluated.committed).toBe(false);
    expect(Buffer.from(peer.getState('counter', 'a') ?? []).toString()).toBe('2');

    await Promise.all(['b', 'c', 'd'].map((k) => peer.submit('counter', ['inc', k])));
    expect(Buffer.from((await peer.evaluate('counter', ['range', 'b', 'd'])).payload).toString()).toBe('b,c');

    const who = await peer.evaluate('counter', ['whoami']);
    expect(Buffer.from(who.payload).toString()).toBe(`Org1MSP|${who.txId}|mychannel`);
    const creator = Buffer.from((await peer.evaluate('counter', ['creator'])).payload).toString();
    expect(new X509Certificate(creator).subject).toContain('CN=User1');

    const bad = await peer.submit('counter', ['nope']);
    expect(bad).toMatchObject({ status: 500, message: 'unknown function nope', committed: false });
  });

  it('runs over TLS too, and stop() closes the deployed session', async () => {
    peer = await DevPeer.start({ tls: true });
    const session = await peer.deployChaincode('counter', counter);
    expect(Buffer.from((await peer.submit('counter', ['inc'])).payload).toString()).toBe('1');
    await peer.stop();
    await expect(session.closed).resolves.toBeDefined();
  });
});
