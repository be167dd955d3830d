/**
 * @internal Entry for sibling packages (the dev peer): the wire codec and the gRPC service
 * definitions. Not part of the public API; may change without notice.
 */
export * from './wire/protos';
export * from './wire/services';
export { shimLogger, type Logger } from './logging/logger';
export { shimErrorCodes, type ShimErrorCode } from './errors/codes';
