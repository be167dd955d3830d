/**
 * @internal Entry for our sibling packages (the CLI, the error documentation). Not part of the
 * public API: it may change in any release.
 */
export { devPeerErrorCodes } from './errors/codes';
