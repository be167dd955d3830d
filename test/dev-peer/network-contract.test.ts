/**
 * `network.contract(ContractClass)`: the typed client on a multi-org DevNetwork, endorsed by the
 * Gateway's choice of peers and committed under the default MAJORITY policy.
 */
import { DevNetwork, DevPeerError, TransactionFailedError } from '@chaincode/dev-peer';
import { configureLogging, createContractChaincode } from '@chaincode/shim';
import { AssetContract } from './fixtures/client';

let network: DevNetwork;

beforeAll(() => {
  configureLogging({ level: 'warning', sink: () => undefined });
});

beforeEach(async () => {
  network = await DevNetwork.start({ orgs: ['Org1MSP', 'Org2MSP'] });
});

afterEach(async () => {
  await network.stop();
});

it('names the only deployed chaincode by itself, and commits through both orgs', async () => {
  await network.deployChaincode('assets', createContractChaincode([AssetContract]));
  const assets = network.contract(AssetContract);
  const created = await assets.submit.CreateAsset('a1', 'blue', 5, 'Tomoko');
  expect(created).toMatchObject({ id: 'a1', color: 'blue', size: 5, owner: 'Tomoko' });
  const bob = network.org('Org2MSP').identity('bob');
  expect(await assets.as(bob).evaluate.ReadAsset('a1')).toMatchObject({ owner: 'Tomoko' });
  const detailed = await assets.detailed.submit.DeleteAsset('a1');
  expect(detailed.validationCode).toBe('VALID');
  await expect(assets.evaluate.ReadAsset('a1')).rejects.toBeInstanceOf(TransactionFailedError);
});

it('asks for the chaincode name when none or several are deployed', async () => {
  expect(() => network.contract(AssetContract)).toThrow(DevPeerError);
  await network.deployChaincode('one', createContractChaincode([AssetContract]));
  await network.deployChaincode('two', createContractChaincode([AssetContract]));
  expect(() => network.contract(AssetContract)).toThrow(/several chaincodes are deployed \(one, two\)/);
  expect(await network.contract(AssetContract, { chaincode: 'two' }).evaluate.CountAssets()).toBe(0);
});
