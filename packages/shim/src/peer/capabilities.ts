import { NO_CAPABILITIES, type PeerCapabilities } from '../stub/transaction-port';
import { protos } from '../wire/protos';

/** Fabric's Go shim never uses a batch or multi-get size below this. */
export const MIN_BATCH_SIZE = 100;

/** Read READY's ChaincodeAdditionalParams; an empty payload means the peer advertises nothing. */
export function parseCapabilities(payload: Uint8Array): PeerCapabilities {
  if (payload.length === 0) return NO_CAPABILITIES;
  const params = protos.ChaincodeAdditionalParams.decode(payload);
  return Object.freeze({
    useWriteBatch: params.useWriteBatch,
    maxSizeWriteBatch: Math.max(params.maxSizeWriteBatch, MIN_BATCH_SIZE),
    useGetMultipleKeys: params.useGetMultipleKeys,
    maxSizeGetMultipleKeys: Math.max(params.maxSizeGetMultipleKeys, MIN_BATCH_SIZE),
  });
}
