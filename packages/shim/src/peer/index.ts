export { startChaincode } from './client';
export { serveChaincode, type ChaincodeServer } from './server';
export type { ChaincodeSession } from './session';
export { ChaincodeMessageHandler, type DisconnectReason } from './message-handler';
export { ProtocolState } from './protocol-state';
export * from './options';
