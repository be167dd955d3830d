/**
 * @internal The flags of `start`, `server` and `metadata generate` as data, for the CLI's help:
 * loading this entry loads nothing of the runtime.
 */
export {
  envName,
  metadataGenerateOptions,
  serverCommandOptions,
  startCommandOptions,
  type FlagTable,
} from './config/command-flags';
