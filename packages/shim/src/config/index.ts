export {
  resolveClientOptions,
  resolveLogging,
  resolveServerOptions,
  type OptionsInput,
  type ResolvedClientOptions,
  type ResolvedServerOptions,
} from './resolve-options';
export { describeOption, envName } from './option-source';
