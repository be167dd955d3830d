import * as grpc from '@grpc/grpc-js';
import type { ChaincodeInterface } from '@chaincode/contract-api';
import { errorMessage } from '@chaincode/contract-api/internal';
import { ConnectionError, InvalidOptionsError } from '../errors/shim-error';
import { shimLogger } from '../logging/logger';
import { chaincodeService } from '../wire/services';
import type { ChaincodeMessage, ChaincodeMessageInit } from '../wire/protos';
import { checkAddress, checkAutoWriteBatch, checkChaincode, checkLimits } from './chaincode-check';
import { grpcChannelOptions } from './grpc-options';
import { ChaincodeMessageHandler } from './message-handler';
import { DEFAULT_CONNECT_TIMEOUT_MS, type ChaincodeServerOptions } from './options';
import { ProtocolState } from './protocol-state';
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
      else reject(listenError(address, error));
    });
  });
}

/** grpc-js reports a bind failure as "No address added out of total N resolved errors: [...]". */
function listenError(address: string, error: Error): ConnectionError {
  const inUse = /EADDRINUSE/.test(error.message);
  const detail = inUse
    ? 'the port is already in use'
    : error.message.replace(/^No address added out of total \d+ resolved /, '');
  return new ConnectionError('CC_SHIM_LISTEN_FAILED', `cannot listen on ${address}: ${detail}`, { cause: error });
}

/**
 * A connection whose peer does not complete the handshake in time is closed, so a silent client
 * cannot hold a stream open forever; the others are not affected.
 */
function endSilentConnection(session: StreamSession, peer: string, timeoutMs: number): void {
  const timer = setTimeout(() => {
    const awaited = session.handler.state === ProtocolState.Created ? 'REGISTERED' : 'READY';
    void session.end({ kind: 'timeout', reason: `no ${awaited} from the peer at ${peer} within ${timeoutMs} ms` });
  }, timeoutMs);
  timer.unref();
  const clear = (): void => {
    clearTimeout(timer);
  };
  session.ready.then(clear, clear);
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
  checkAutoWriteBatch(options);
  checkAddress('address', options.address, true);
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
        requestTimeoutMs: options.requestTimeoutMs,
        maxSendMessageBytes: options.grpc?.['grpc.max_send_message_length'],
        autoWriteBatch: options.autoWriteBatch,
        log,
      },
    );
    bindStream(stream, handler);
    const session = new StreamSession(handler, stream, () => {
      sessions.delete(session);
    });
    sessions.add(session);
    const peer = call.getPeer();
    log.debug('peer connected', { peer });
    handler.register();
    endSilentConnection(session, peer, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
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
