import { join } from 'node:path';
import { DevPeer } from '@chaincode/dev-peer';
import { MetadataError } from '@chaincode/contract-api';
import { NoContractsError, startChaincode, type ChaincodeSession } from '@chaincode/shim';
import { loadContractModule } from '@chaincode/shim/internal';
import { quietLogs } from './harness';

const fixture = (name: string): string => join(__dirname, 'fixtures', name);

describe('loadContractModule', () => {
  let peer: DevPeer;
  const sessions: ChaincodeSession[] = [];

  beforeAll(async () => {
    quietLogs();
    peer = await DevPeer.start();
  });

  afterAll(async () => {
    for (const s of sessions) await s.close();
    await peer.stop();
  });

  it('loads a JavaScript package: main, contracts, serializers (by module path) and META-INF/metadata.json', async () => {
    const chaincode = await loadContractModule(fixture('js-package'));
    expect(chaincode.metadata.info).toEqual({
      title: 'From META-INF',
      version: '0.0.1',
      license: { name: 'Apache-2.0' },
    });
    expect(chaincode.metadata.contracts.Ledger?.transactions.map((t) => t.name)).toEqual(['InitLedger', 'Read']);
    const session = await startChaincode(chaincode, { peerAddress: peer.address, chaincodeIdName: 'jspkg' });
    sessions.push(session);
    await peer.waitForChaincode('jspkg');
    expect((await peer.submit('jspkg', ['InitLedger'])).status).toBe(200);
    const read = await peer.evaluate('jspkg', ['Read', 'init']);
    expect(Buffer.from(read.payload).toString()).toBe('DONE');
    // the file's parameter schema is what arguments are validated against
    const tooLong = await peer.evaluate('jspkg', ['Read', 'much-too-long']);
    expect(tooLong.message).toBe(
      "Unable to validate parameter 'id' of transaction 'Read' in contract 'Ledger': must NOT have more than 8 characters",
    );
  });

  it('takes the package name and version as info when there is no metadata file', async () => {
    const chaincode = await loadContractModule(fixture('single-class'));
    expect(chaincode.metadata.info).toEqual({ version: '1.0.0', title: 'single-class' });
    expect(Object.keys(chaincode.metadata.contracts)).toEqual(['Solo', 'org.hyperledger.fabric']);
  });

  it('rejects a metadata file that does not match the schema', async () => {
    await expect(loadContractModule(fixture('bad-metadata'))).rejects.toThrow(MetadataError);
    await expect(loadContractModule(fixture('bad-metadata'))).rejects.toThrow(/must have required property 'version'/);
  });

  it('rejects a package that exports no contracts with a typed NO_CONTRACTS error', async () => {
    const failure = loadContractModule(fixture('no-contracts'));
    await expect(failure).rejects.toThrow(NoContractsError);
    await expect(loadContractModule(fixture('no-contracts'))).rejects.toMatchObject({
      code: 'CC_SHIM_NO_CONTRACTS',
      message: expect.stringMatching(/^No contracts exported by index\.js/),
    });
  });

  it('rejects a contracts export holding a class that is not a Contract, naming it', async () => {
    await expect(loadContractModule(fixture('not-a-contract'))).rejects.toMatchObject({
      name: 'MetadataError',
      code: 'CC_API_INVALID_CONTRACT',
      message: 'invalid contract class Helper: it does not extend Contract',
    });
  });

  it('rejects a package without main, and a directory without package.json', async () => {
    await expect(loadContractModule(fixture('no-main'))).rejects.toThrow(
      "package.json does not contain a 'main' entry for the module",
    );
    await expect(loadContractModule(fixture('does-not-exist'))).rejects.toThrow(/Cannot find module/);
  });
});
