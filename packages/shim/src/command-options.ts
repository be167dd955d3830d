/**
 * @internal The flags of `start`, `server` and `metadata generate` as data, for the CLI's help, and
 * the process environment they are read from: loading this entry loads nothing of the runtime.
 */
export {
  envName,
  metadataGenerateOptions,
  serverCommandOptions,
  startCommandOptions,
  type FlagTable,
} from './config/command-flags';
export { isDebugLogging, processEnvironment, type ProcessEnvironment } from './config/process-environment';
