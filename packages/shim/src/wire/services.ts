import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import {
  decodeChaincodeMessage,
  encodeChaincodeMessage,
  type ChaincodeMessage,
  type ChaincodeMessageInit,
} from './protos';

/** A bidirectional ChaincodeMessage stream method, as both Fabric services declare it. */
export type ChaincodeStreamMethod = MethodDefinition<ChaincodeMessageInit, ChaincodeMessage>;

function streamMethod(path: string, originalName: string): ChaincodeStreamMethod {
  return {
    path,
    originalName,
    requestStream: true,
    responseStream: true,
    requestSerialize: encodeChaincodeMessage,
    requestDeserialize: decodeChaincodeMessage,
    responseSerialize: encodeChaincodeMessage,
    responseDeserialize: decodeChaincodeMessage,
  };
}

/** `protos.ChaincodeSupport`: the peer serves it, a chaincode in client mode dials `Register`. */
export const chaincodeSupportService = {
  register: streamMethod('/protos.ChaincodeSupport/Register', 'register'),
} satisfies ServiceDefinition;

/** `protos.Chaincode`: a chaincode in server mode (as a service) serves it, the peer dials `Connect`. */
export const chaincodeService = {
  connect: streamMethod('/protos.Chaincode/Connect', 'connect'),
} satisfies ServiceDefinition;
