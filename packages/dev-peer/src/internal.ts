/**
 * @internal Entry for our sibling packages and the repository's tests. Not part of the public API:
 * it may change in any release.
 */
export { devPeerErrorCodes, type DevPeerErrorCodeName } from './errors/codes';
