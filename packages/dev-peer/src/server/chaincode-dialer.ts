import * as grpc from '@grpc/grpc-js';
import { chaincodeService, type ChaincodeMessage, type ChaincodeMessageInit } from '@chaincode/shim/internal';
import { GRPC_OPTIONS } from './grpc-options';

/** How to reach a chaincode server (chaincode as a service). */
export interface ConnectOptions {
  /** 'host:port' of the chaincode server (Chaincode.Connect). */
  readonly address: string;
  readonly tls?: {
    readonly rootCert: Buffer;
    readonly clientCert?: Buffer;
    readonly clientKey?: Buffer;
    readonly serverNameOverride?: string;
  };
  /** How long to wait for the chaincode's REGISTER. Default 10000. */
  readonly timeoutMs?: number;
}

/** An open Chaincode.Connect stream and the client that carries it. */
export interface DialedChaincode {
  readonly call: grpc.ClientDuplexStream<ChaincodeMessageInit, ChaincodeMessage>;
  readonly client: grpc.Client;
}

/** Dial a chaincode server's Chaincode.Connect, as a peer does for an external chaincode. */
export function dialChaincode(options: ConnectOptions): DialedChaincode {
  const tls = options.tls;
  const credentials =
    tls === undefined
      ? grpc.credentials.createInsecure()
      : grpc.credentials.createSsl(tls.rootCert, tls.clientKey ?? null, tls.clientCert ?? null);
  const channelOptions: grpc.ChannelOptions = { ...GRPC_OPTIONS };
  if (tls?.serverNameOverride !== undefined && tls.serverNameOverride !== '') {
    channelOptions['grpc.ssl_target_name_override'] = tls.serverNameOverride;
    channelOptions['grpc.default_authority'] = tls.serverNameOverride;
  }
  const Client = grpc.makeGenericClientConstructor(chaincodeService, 'Chaincode');
  const client = new Client(options.address, credentials, channelOptions);
  const call = client.makeBidiStreamRequest<ChaincodeMessageInit, ChaincodeMessage>(
    chaincodeService.connect.path,
    chaincodeService.connect.requestSerialize,
    chaincodeService.connect.responseDeserialize,
  );
  return { call, client };
}
