/**
 * @internal Entry for our sibling packages (shim, dev-peer, cli). Not part of the public API: it may
 * change in any release. Contract authors import from `@chaincode/contract-api` only.
 */
export { errorMessage, type ErrorCodeInfo, type ErrorRegistry } from './errors/chaincode-error';
