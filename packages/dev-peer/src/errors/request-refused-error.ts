import { DevPeerError } from './dev-peer-error';

/**
 * The peer refused a chaincode's request. `message` is the reason as a Fabric peer writes it; the
 * handler sends it to the chaincode as ERROR `<TYPE> failed: transaction ID: <txid>: <message>`.
 */
export class RequestRefusedError extends DevPeerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CC_DEVPEER_REQUEST_REFUSED', message, options);
  }
}
