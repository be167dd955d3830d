import * as grpc from '@grpc/grpc-js';
import type { ChaincodeInterface } from '@chaincode/contract-api';
import { errorMessage, InvalidOptionsError } from '../errors/shim-error';
import { shimLogger } from '../logging/logger';
import { chaincodeService } from '../wire/services';
import type { ChaincodeMessage, ChaincodeMessageInit } from '../wire/protos';
import { checkChaincode, checkLimits } from './chaincode-check';
import { grpcChannelOptions } from './grpc-options';
import { ChaincodeMessageHandler } from './message-handler';
import type { ChaincodeServerOptions } from './options';
import { bindStream, StreamSession, type ChaincodeSession, type PeerStream } from './session';

const log = shimLogger('server');

/** How long close() waits for connections to end before forcing them. */
const SHUTDOWN_GRACE_MS = 2000;

/** A running chaincode server (chaincode as a service). */
export interface ChaincodeServer {
  /** The bound 'host:port' (the real port when 0 was asked for). */
  readonly address: string;
  /** Streams currently open (one per peer connection). */
  readonly sessions: ReadonlySet<ChaincodeSession>;
  /** End every stream and stop listening. */
  close(): Promise<void>;
}

function serverCredentials(options: ChaincodeServerOptions): grpc.ServerCredentials {
  const tls = options.tls;
  if (tls === undefined) return grpc.ServerCredentials.createInsecure();
  if (!(tls.key instanceof Uint8Array) || !(tls.cert instanceof Uint8Array)) {
    throw new InvalidOptionsError('server TLS needs both a key and a certificate');
  }
  const clientCAs = tls.clientCACerts ?? null;
  return grpc.ServerCredentials.createSsl(
    clientCAs === null ? null : Buffer.from(clientCAs),
    [{ private_key: Buffer.from(tls.key), cert_chain: Buffer.from(tls.cert) }],
    clientCAs !== null,
  );
}

function withPort(address: string, port: number): string {
  const colon = address.lastIndexOf(':');
  return colon < 0 ? `${address}:${port}` : `${address.slice(0, colon)}:${port}`;
}

function bind(server: grpc.Server, address: string, credentials: grpc.ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(address, credentials, (error, port) => {
      if (error === null) resolve(port);
      else reject(new InvalidOptionsError(`could not listen on ${address}: ${error.message}`, { cause: error }));
    });
  });
}

/**
 * Server mode: listen for the peer's Chaincode.Connect. On each connection the chaincode sends
 * REGISTER{ccid} first and then serves that stream exactly as in client mode; several connections
 * may be open at once.
 */
export async function serveChaincode(
  chaincode: ChaincodeInterface,
  options: ChaincodeServerOptions,
): Promise<ChaincodeServer> {
  checkChaincode(chaincode);
  checkLimits(options);
  if (typeof options.address !== 'string' || options.address === '') {
    throw new InvalidOptionsError('address is required');
  }
  if (typeof options.ccid !== 'string' || options.ccid === '') {
    throw new InvalidOptionsError('ccid is required');
  }
  const credentials = serverCredentials(options);
  const server = new grpc.Server(grpcChannelOptions(options.grpc));
  const sessions = new Set<StreamSession>();

  const connect = (call: grpc.ServerDuplexStream<ChaincodeMessage, ChaincodeMessageInit>): void => {
    const stream = call as unknown as PeerStream;
    const handler = new ChaincodeMessageHandler(
      chaincode,
      (message) => {
        call.write(message);
      },
      {
        chaincodeName: options.ccid,
        localMspId: options.localMspId,
        maxConcurrentTransactions: options.maxConcurrentTransactions,
        transactionSlotTimeoutMs: options.transactionSlotTimeoutMs,
        autoWriteBatch: options.autoWriteBatch,
        log,
      },
    );
    bindStream(stream, handler);
    const session = new StreamSession(handler, stream, () => {
      sessions.delete(session);
    });
    sessions.add(session);
    log.debug('peer connected', { peer: call.getPeer() });
    handler.register();
  };
  server.addService(chaincodeService, { connect });

  let port: number;
  try {
    port = await bind(server, options.address, credentials);
  } catch (err) {
    server.forceShutdown();
    throw err;
  }
  const address = withPort(options.address, port);
  const mode = options.tls === undefined ? 'none' : options.tls.clientCACerts === undefined ? 'tls' : 'mutual-tls';
  log.info('chaincode server listening', { address, ccid: options.ccid, tls: mode });

  let closing: Promise<void> | undefined;
  return {
    address,
    sessions,
    close(): Promise<void> {
      closing ??= (async () => {
        await Promise.all([...sessions].map((session) => session.close()));
        await new Promise<void>((resolve) => {
          // Streams were ended above; force the rest if a client does not let go in time.
          const timer = setTimeout(() => {
            server.forceShutdown();
            resolve();
          }, SHUTDOWN_GRACE_MS);
          timer.unref();
          server.tryShutdown((error) => {
            clearTimeout(timer);
            if (error !== undefined) {
              log.debug('forcing server shutdown', { error: errorMessage(error) });
              server.forceShutdown();
            }
            resolve();
          });
        });
      })();
      return closing;
    },
  };
}
