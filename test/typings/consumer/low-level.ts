// A low-level chaincode against @chaincode/shim, written the way fabric-shim chaincode is written:
// ChaincodeInterface, the module's start/success/error, ClientIdentity from the stub,
// KeyEndorsementPolicy.
import {
  ChaincodeInterface,
  ChaincodeResponse,
  ChaincodeStub,
  ClientIdentity,
  ENDORSER_ROLES,
  KeyEndorsementPolicy,
  Shim,
} from '@chaincode/shim';
import * as shim from '@chaincode/shim';

export class Chaincode implements ChaincodeInterface {
  async Init(stub: ChaincodeStub): Promise<ChaincodeResponse> {
    await stub.putState('init', Buffer.from('done'));
    return Shim.success();
  }

  async Invoke(stub: ChaincodeStub): Promise<ChaincodeResponse> {
    const { fcn, params } = stub.getFunctionAndParameters();
    const identity = new ClientIdentity(stub);
    if (identity.getMSPID() !== 'Org1MSP') return shim.error(`${identity.getID()} may not call ${fcn}`);
    switch (fcn) {
      case 'endorse': {
        const policy = new KeyEndorsementPolicy();
        policy.addOrgs(ENDORSER_ROLES.MEMBER, 'Org1MSP', 'Org2MSP');
        policy.addOrgs('PEER', 'Org3MSP');
        policy.delOrgs('Org2MSP');
        const orgs: string[] = policy.listOrgs();
        await stub.setStateValidationParameter(params[0] ?? '', policy.getPolicy());
        const existing = await stub.getStateValidationParameter(params[0] ?? '');
        const again = new KeyEndorsementPolicy(existing);
        return shim.success(Buffer.from(JSON.stringify([orgs, again.listOrgs()])));
      }
      case 'get':
        return Shim.success(await stub.getState(params[0] ?? ''));
      default:
        return Shim.error(`unknown function ${fcn}`);
    }
  }
}

export function main(): void {
  const logger = Shim.newLogger('main');
  logger.info('starting');
  void Shim.start(new Chaincode());
}

export function mainThroughModule(): void {
  void shim.start(new Chaincode());
}
