import * as http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { chaincodeSupportService } from '@chaincode/shim/internal';
import { DevPeerError } from '../errors/dev-peer-error';
import { MAX_MESSAGE_BYTES } from '../server/grpc-options';
import type { ChaincodeSupportServer } from '../server/chaincode-support-server';
import type { TlsMaterial } from '../tls/tls-material';
import { H2PeerStream } from './h2-peer-stream';

/** gRPC status UNIMPLEMENTED, for any path but Register. */
const UNIMPLEMENTED = '12';

/** A ChaincodeSupport server that can also be restarted on its port (a peer restart). */
export interface RestartableServer extends ChaincodeSupportServer {
  /** Drop every connection and stop listening; listen again on the same port after `downMs`. */
  restart(downMs: number): Promise<void>;
}

/**
 * ChaincodeSupport.Register served on node:http2 (the fault-injecting mode): every Register call
 * becomes an H2PeerStream handed to `onStream`. TLS when `tls` is given (the same material as the
 * grpc-js server's), loopback only.
 */
export async function startH2RegisterServer(
  host: string,
  port: number,
  tls: TlsMaterial | undefined,
  onStream: (stream: H2PeerStream) => void,
): Promise<RestartableServer> {
  let server = await listen(host, port, tls, onStream);
  const bound = (server.server.address() as AddressInfo).port;
  return {
    address: `${host}:${String(bound)}`,
    stop: async () => {
      await server.close();
    },
    restart: async (downMs) => {
      await server.close();
      if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
      server = await listen(host, bound, tls, onStream);
    },
  };
}

interface Listening {
  readonly server: http2.Http2Server | http2.Http2SecureServer;
  close(): Promise<void>;
}

async function listen(
  host: string,
  port: number,
  tls: TlsMaterial | undefined,
  onStream: (stream: H2PeerStream) => void,
): Promise<Listening> {
  const settings: http2.Settings = { initialWindowSize: 4 * 1024 * 1024 };
  const server =
    tls === undefined
      ? http2.createServer({ settings })
      : http2.createSecureServer({ key: tls.serverKey, cert: tls.serverCert, allowHTTP1: false, settings });
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    session.on('error', () => undefined);
  });
  server.on('sessionError', () => undefined);
  server.on('stream', (stream, headers) => {
    stream.on('error', () => undefined);
    if (headers[':path'] !== chaincodeSupportService.register.path) {
      stream.respond(
        { ':status': 200, 'content-type': 'application/grpc', 'grpc-status': UNIMPLEMENTED },
        { endStream: true },
      );
      return;
    }
    onStream(new H2PeerStream(stream, MAX_MESSAGE_BYTES));
  });
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error): void => {
      reject(new DevPeerError('CC_DEVPEER_INVALID_OPTIONS', `cannot listen: ${error.message}`, { cause: error }));
    };
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        for (const session of sessions) session.destroy();
      }),
  };
}
