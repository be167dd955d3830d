/**
 * ctx.clientIdentity is built on first use: a creator that is not an X.509 certificate (an idemix
 * credential, say) fails only the transactions that ask who called.
 */
import { Context, Contract, Transaction } from '@chaincode/contract-api';
import { DevPeer } from '@chaincode/dev-peer';
import { createContractChaincode } from '@chaincode/shim';
import { quietLogs } from './harness';

class WhoAmI extends Contract {
  constructor() {
    super('who');
  }

  @Transaction(false)
  async ping(_ctx: Context): Promise<string> {
    return 'pong';
  }

  @Transaction(false)
  async id(ctx: Context): Promise<string> {
    return `${ctx.clientIdentity.getMSPID()} ${ctx.clientIdentity.getID()}`;
  }
}

describe('ctx.clientIdentity', () => {
  let peer: DevPeer;

  beforeAll(async () => {
    quietLogs();
    peer = await DevPeer.start();
    await peer.deployChaincode('who', createContractChaincode([WhoAmI]));
  });

  afterAll(async () => {
    await peer.stop();
  });

  it('reads the X.509 creator when a transaction asks for it', async () => {
    const alice = peer.ca.createIdentity({ commonName: 'alice' });
    const r = await peer.evaluate('who', ['id'], { identity: alice });
    expect(r.status).toBe(200);
    expect(Buffer.from(r.payload).toString()).toMatch(/^Org1MSP x509::\/.*CN=alice::\//);
  });

  it('does not fail transactions that never ask, when the creator is not a certificate', async () => {
    const idemix = { ...peer.defaultIdentity, certificate: 'an idemix credential, not a PEM certificate' };
    const ok = await peer.evaluate('who', ['ping'], { identity: idemix });
    expect([ok.status, Buffer.from(ok.payload).toString()]).toEqual([200, 'pong']);

    const asked = await peer.evaluate('who', ['id'], { identity: idemix });
    expect(asked.status).toBe(500);
    expect(asked.message).toMatch(/certificate/i);
  });
});
