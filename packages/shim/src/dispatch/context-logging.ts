import { format } from 'node:util';
import type { ContractLogger, ContractLogging } from '@chaincode/contract-api';
import { parseLogLevel, setUserLogLevel, userLogger, type Logger } from '../logging/logger';

const loggers = new Map<string, ContractLogger>();

function adapt(logger: Logger): ContractLogger {
  const line = (message: unknown, meta: unknown[]): string => format(message, ...meta);
  return {
    critical: (message, ...meta) => {
      if (logger.isEnabled('critical')) logger.critical(line(message, meta));
    },
    error: (message, ...meta) => {
      if (logger.isEnabled('error')) logger.error(line(message, meta));
    },
    warn: (message, ...meta) => {
      if (logger.isEnabled('warning')) logger.warning(line(message, meta));
    },
    warning: (message, ...meta) => {
      if (logger.isEnabled('warning')) logger.warning(line(message, meta));
    },
    info: (message, ...meta) => {
      if (logger.isEnabled('info')) logger.info(line(message, meta));
    },
    debug: (message, ...meta) => {
      if (logger.isEnabled('debug')) logger.debug(line(message, meta));
    },
  };
}

/** A contract logger named `name` (one instance per name, shared by all transactions). */
function contractLogger(name: string): ContractLogger {
  let found = loggers.get(name);
  if (found === undefined) {
    found = adapt(userLogger(name));
    loggers.set(name, found);
  }
  return found;
}

/**
 * `ctx.logging` for one contract: `getLogger()` is the logger named after the contract,
 * `getLogger(name)` is `<contract>:<name>`; `setLevel` takes Fabric level names and sets every
 * contract logger (unknown names are ignored).
 */
export function createContractLogging(contractName: string): ContractLogging {
  return {
    getLogger: (name?: string) =>
      contractLogger(name === undefined || name === '' ? contractName : `${contractName}:${name}`),
    setLevel: (level: string) => {
      const parsed = parseLogLevel(level);
      if (parsed !== undefined) setUserLogLevel(parsed);
    },
  };
}
