import * as grpc from '@grpc/grpc-js';
import { chaincodeSupportService, type ChaincodeMessage, type ChaincodeMessageInit } from '@chaincode/shim/internal';
import { DevPeerError } from '../errors/dev-peer-error';
import type { TlsMaterial } from '../tls/tls-material';
import { GRPC_OPTIONS } from './grpc-options';

export type RegisterStream = grpc.ServerDuplexStream<ChaincodeMessage, ChaincodeMessageInit>;

/** A peer's gRPC server of ChaincodeSupport.Register (where client-mode chaincode dials in). */
export interface ChaincodeSupportServer {
  /** '127.0.0.1:<port>'. */
  readonly address: string;
  /** Stop serving: graceful, forced after a second. */
  stop(): Promise<void>;
}

/** Bind a server on `host:port` (0: any free port); every Register stream goes to `onStream`. */
export async function startChaincodeSupportServer(
  host: string,
  port: number,
  tls: TlsMaterial | undefined,
  onStream: (call: RegisterStream) => void,
): Promise<ChaincodeSupportServer> {
  const server = new grpc.Server(GRPC_OPTIONS);
  const credentials =
    tls === undefined
      ? grpc.ServerCredentials.createInsecure()
      : grpc.ServerCredentials.createSsl(null, [{ private_key: tls.serverKey, cert_chain: tls.serverCert }], false);
  server.addService(chaincodeSupportService, { register: onStream });
  const bound = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${String(port)}`, credentials, (error, boundPort) => {
      if (error === null) resolve(boundPort);
      else reject(new DevPeerError('CC_DEVPEER_INVALID_OPTIONS', `cannot listen: ${error.message}`, { cause: error }));
    });
  });
  return {
    address: `${host}:${String(bound)}`,
    stop: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 1000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
