import { setLogger } from '@grpc/grpc-js';
import { errorMessage } from '@chaincode/contract-api/internal';
import { shimLogger } from './logger';

const log = shimLogger('grpc');

function line(message: unknown, rest: unknown[]): string {
  return [message, ...rest].map((part) => (typeof part === 'string' ? part : errorMessage(part))).join(' ');
}

/**
 * Send grpc-js's own log lines (e.g. "E No address added out of total 1 resolved", written to the
 * console by default) to the shim's logger at debug level: every failure they describe reaches
 * the chaincode as a status or an error, which the shim reports in its own words. The commands
 * and `Shim.start()`/`Shim.server()` call this; it changes grpc-js's logger for the whole process.
 */
export function routeGrpcLogs(): void {
  const debug = (message?: unknown, ...rest: unknown[]): void => {
    if (log.isEnabled('debug')) log.debug(line(message, rest));
  };
  setLogger({ error: debug, info: debug, debug });
}
