import type { ChaincodeInterface as ChaincodeInterfaceApi, ChaincodeResponse } from '@chaincode/contract-api';
import { processOptionsInput } from './config/option-source';
import { resolveClientOptions } from './config/resolve-options';
import { InvalidOptionsError } from './errors/shim-error';
import { configureLogging, userLogger, type Logger } from './logging/logger';
import { startChaincode } from './peer/client';
import type { ChaincodeClientOptions, ChaincodeServerOptions, GrpcOptions, ServerTlsOptions } from './peer/options';
import { serveChaincode, type ChaincodeServer } from './peer/server';
import type { ChaincodeSession } from './peer/session';

const EMPTY = Buffer.alloc(0);

/**
 * fabric-shim's server options: `{ccid, address, tlsProps?: {key, cert, clientCACerts?}}` plus any
 * `grpc.*` key; ours (`tls`, `grpc`) are accepted as well.
 */
export type ShimServerOptions = Partial<ChaincodeServerOptions> &
  Partial<GrpcOptions> & {
    ccid: string;
    address: string;
    tlsProps?: Partial<ServerTlsOptions> | null;
  };

/** What Shim.server returns: start it, then close it (fabric-shim's ChaincodeServer shape). */
export interface ShimServer {
  /** Bind and serve; resolves once listening. */
  start(): Promise<void>;
  /** The bound address once started. */
  readonly address: string | undefined;
  close(): Promise<void>;
}

function toServerOptions(options: ShimServerOptions): ChaincodeServerOptions {
  if (typeof (options as unknown) !== 'object' || (options as unknown) === null) {
    throw new InvalidOptionsError('Missing required argument: serverOpts');
  }
  const grpc: Partial<GrpcOptions> = { ...options.grpc };
  for (const [key, value] of Object.entries(options)) {
    if (key.startsWith('grpc.') && typeof value === 'number') (grpc as Record<string, number>)[key] = value;
  }
  const resolved: ChaincodeServerOptions = { address: options.address, ccid: options.ccid, grpc };
  const tlsProps = options.tlsProps;
  if (options.tls !== undefined) {
    resolved.tls = options.tls;
  } else if (tlsProps !== undefined && tlsProps !== null) {
    if (tlsProps.key === undefined) throw new InvalidOptionsError('Missing required property in tlsProps: key');
    if (tlsProps.cert === undefined) throw new InvalidOptionsError('Missing required property in tlsProps: cert');
    resolved.tls =
      tlsProps.clientCACerts === undefined
        ? { key: tlsProps.key, cert: tlsProps.cert }
        : { key: tlsProps.key, cert: tlsProps.cert, clientCACerts: tlsProps.clientCACerts };
  }
  if (options.localMspId !== undefined) resolved.localMspId = options.localMspId;
  if (options.maxConcurrentTransactions !== undefined) {
    resolved.maxConcurrentTransactions = options.maxConcurrentTransactions;
  }
  if (options.transactionSlotTimeoutMs !== undefined) {
    resolved.transactionSlotTimeoutMs = options.transactionSlotTimeoutMs;
  }
  return resolved;
}

/** fabric-shim's entry points, same names: start, server, success, error, newLogger. */
export class Shim {
  /**
   * Start a low-level chaincode in client mode. Without options, they come from the process's
   * arguments and CORE_* environment (as `fabric-chaincode-node start` reads them).
   */
  static start(chaincode: ChaincodeInterfaceApi, options?: ChaincodeClientOptions): Promise<ChaincodeSession> {
    try {
      if (options === undefined) {
        const resolved = resolveClientOptions(processOptionsInput());
        configureLogging(resolved.logging);
        return startChaincode(chaincode, resolved);
      }
      return startChaincode(chaincode, options);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  /** Chaincode as a service: returns a server to `start()`, as fabric-shim does. */
  static server(chaincode: ChaincodeInterfaceApi, serverOptions: ShimServerOptions): ShimServer {
    const options = toServerOptions(serverOptions);
    let running: ChaincodeServer | undefined;
    return {
      async start(): Promise<void> {
        running ??= await serveChaincode(chaincode, options);
      },
      get address(): string | undefined {
        return running?.address;
      },
      async close(): Promise<void> {
        await running?.close();
      },
    };
  }

  /** `{status: 200, message: '', payload}` (an empty payload by default). */
  static success(payload: Uint8Array = EMPTY): ChaincodeResponse {
    return { status: 200, message: '', payload };
  }

  /** `{status: 500, message, payload: empty}`. */
  static error(message: string): ChaincodeResponse {
    return { status: 500, message, payload: EMPTY };
  }

  /** A user logger (fabric-shim's newLogger). */
  static newLogger(name = 'shim'): Logger {
    return userLogger(name);
  }
}

/**
 * fabric-shim exports a ChaincodeInterface class; extend it or just implement Init and Invoke.
 */
export abstract class ChaincodeInterface implements ChaincodeInterfaceApi {
  abstract Init(stub: Parameters<ChaincodeInterfaceApi['Init']>[0]): Promise<ChaincodeResponse> | ChaincodeResponse;
  abstract Invoke(stub: Parameters<ChaincodeInterfaceApi['Invoke']>[0]): Promise<ChaincodeResponse> | ChaincodeResponse;
}

// Function forms, so `const shim = require('@chaincode/shim'); shim.start(cc); shim.success(x)` works.
export const start = Shim.start.bind(Shim);
export const server = Shim.server.bind(Shim);
export const success = Shim.success.bind(Shim);
export const error = Shim.error.bind(Shim);
export const newLogger = Shim.newLogger.bind(Shim);
