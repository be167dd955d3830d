/**
 * @internal Entry for the repository's own tooling (error docs). Not part of the public API.
 */
export { cliErrorCodes, type CliErrorCode } from './errors/codes';
