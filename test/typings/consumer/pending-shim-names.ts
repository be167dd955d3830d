// Consumer cases that compile against fabric-shim 2.5's typings and need type names our shim does
// not export yet (its public surface, issue 7.2 / 10.2): the typings matrix leaves this file out
// until they exist (see EXCLUDED in ../typings-matrix.test.ts).
import {
  ChaincodeInterface,
  ChaincodeProposal,
  ChaincodeServerOpts,
  ChaincodeStub,
  ErrorResponse,
  Shim,
  SplitCompositekey,
  SuccessResponse,
} from '@chaincode/shim';

export function ok(payload: Uint8Array): SuccessResponse {
  return Shim.success(payload);
}

export function fail(message: string): ErrorResponse {
  return Shim.error(message);
}

export function parts(stub: ChaincodeStub, key: string): SplitCompositekey {
  return stub.splitCompositeKey(key);
}

export function signedProposal(stub: ChaincodeStub): ChaincodeProposal.SignedProposal {
  return stub.getSignedProposal();
}

export async function serve(chaincode: ChaincodeInterface, opts: ChaincodeServerOpts): Promise<void> {
  await Shim.server(chaincode, opts).start();
}
