export * from './errors/shim-error';
export {
  configureLogging,
  parseLogLevel,
  setUserLogLevel,
  shimLogger,
  userLogger,
  type LogFields,
  type Logger,
  type LoggingConfig,
  type LogLevel,
  type LogSink,
} from './logging/logger';
