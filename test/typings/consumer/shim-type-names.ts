// Consumer cases that compile against fabric-shim 2.5's typings and name its types (issue 7.2 /
// 10.2): SuccessResponse, ErrorResponse, SplitCompositekey, ChaincodeProposal.SignedProposal,
// ChaincodeServerOpts, ChaincodeServerTLSProperties.
import {
  ChaincodeInterface,
  ChaincodeProposal,
  ChaincodeServerOpts,
  ChaincodeServerTLSProperties,
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

export function tlsOptions(key: Buffer, cert: Buffer, clientCACerts: Buffer): ChaincodeServerOpts {
  const tlsProps: ChaincodeServerTLSProperties = { key, cert, clientCACerts };
  return { ccid: 'basic_1.0:abc', address: '0.0.0.0:9999', tlsProps, 'grpc.max_receive_message_length': -1 };
}

// A low-level chaincode typed as with fabric-shim: each branch answers Shim.success or Shim.error.
export const chaincode: ChaincodeInterface = {
  async Init(): Promise<SuccessResponse> {
    return Shim.success();
  },
  async Invoke(stub: ChaincodeStub): Promise<SuccessResponse | ErrorResponse> {
    const { fcn } = stub.getFunctionAndParameters();
    return fcn === 'ping' ? ok(Buffer.from('pong')) : fail(`unknown function ${fcn}`);
  },
};
