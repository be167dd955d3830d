import { parseLogLevel, type LogLevel } from '../logging/levels';

/** What the logging variables ask for (a level left undefined keeps the default, info). */
export interface LoggingEnvironment {
  readonly level?: LogLevel;
  readonly shimLevel?: LogLevel;
  readonly format: 'text' | 'json';
}

/** CORE_CHAINCODE_LOGGING_LEVEL / _SHIM / _FORMAT → levels and format (unknown levels are ignored). */
export function resolveLogging(env: Readonly<Record<string, string | undefined>>): LoggingEnvironment {
  const level = parseLogLevel(env.CORE_CHAINCODE_LOGGING_LEVEL);
  const shimLevel = parseLogLevel(env.CORE_CHAINCODE_LOGGING_SHIM);
  const format = env.CORE_CHAINCODE_LOGGING_FORMAT?.trim().toLowerCase() === 'json' ? 'json' : 'text';
  return {
    format,
    ...(level === undefined ? {} : { level }),
    ...(shimLevel === undefined ? {} : { shimLevel }),
  };
}
