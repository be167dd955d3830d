import type {
  ChaincodeInterface as ChaincodeInterfaceApi,
  ChaincodeResponse,
  ErrorResponse,
  SuccessResponse,
} from '@chaincode/contract-api';
import { clientOptionsFromProcess } from './config/process-environment';
import { InvalidOptionsError } from './errors/shim-error';
import { routeGrpcLogs } from './logging/grpc-logs';
import { configureLogging, shimLogger, userLogger, type Logger } from './logging/logger';
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
  for (const name of [
    'maxConcurrentTransactions',
    'transactionSlotTimeoutMs',
    'requestTimeoutMs',
    'connectTimeoutMs',
  ] as const) {
    const value = options[name];
    if (value !== undefined) resolved[name] = value;
  }
  if (options.localMspId !== undefined) resolved.localMspId = options.localMspId;
  if (options.autoWriteBatch !== undefined) resolved.autoWriteBatch = options.autoWriteBatch;
  return resolved;
}

/**
 * `Shim.start(chaincode)` without options is fabric-shim's way to make this process a chaincode:
 * options from the process's arguments and CORE_* variables, logging from CORE_CHAINCODE_LOGGING_*,
 * registering again after a lost connection for as long as it takes (unless
 * --reconnect-timeout-ms says otherwise). When the session gives up, the reason is logged and the
 * process ends with status 1 once nothing else keeps it running.
 */
async function startFromProcess(chaincode: ChaincodeInterfaceApi): Promise<ChaincodeSession> {
  const options = clientOptionsFromProcess();
  configureLogging(options.logging);
  routeGrpcLogs();
  const session = await startChaincode(chaincode, options);
  void session.closed.then((end) => {
    if (end.error === undefined) return;
    shimLogger('start').critical(`the chaincode stops: ${end.reason}`);
    process.exitCode = 1;
  });
  return session;
}

/** fabric-shim's entry points, same names: start, server, success, error, newLogger. */
export class Shim {
  /**
   * Start a low-level chaincode in client mode. Without options, they come from the process's
   * arguments and CORE_* environment (as `fabric-chaincode-node start` reads them).
   */
  static start(chaincode: ChaincodeInterfaceApi, options?: ChaincodeClientOptions): Promise<ChaincodeSession> {
    return options === undefined ? startFromProcess(chaincode) : startChaincode(chaincode, options);
  }

  /** Chaincode as a service: returns a server to `start()`, as fabric-shim does. */
  static server(chaincode: ChaincodeInterfaceApi, serverOptions: ShimServerOptions): ShimServer {
    const options = toServerOptions(serverOptions);
    let running: ChaincodeServer | undefined;
    return {
      async start(): Promise<void> {
        routeGrpcLogs();
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
  static success(payload: Uint8Array = EMPTY): SuccessResponse {
    return { status: 200, message: '', payload };
  }

  /** `{status: 500, message, payload: empty}`. */
  static error(message: string): ErrorResponse {
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
