import type { ChaincodeInterface } from '@chaincode/contract-api';
import { InvalidOptionsError } from '../errors/shim-error';
import { shimLogger } from '../logging/logger';
import { checkAddress, checkAutoWriteBatch, checkChaincode, checkLimits, checkReconnect } from './chaincode-check';
import { ClientSession } from './client-session';
import { peerEndpoint } from './dial';
import type { ChaincodeClientOptions } from './options';
import type { ChaincodeSession } from './session';

const log = shimLogger('client');

/**
 * Client mode: dial the peer's ChaincodeSupport.Register, send REGISTER and serve transactions.
 * Resolves with the session at once (options are checked first: a bad one rejects with
 * `InvalidOptionsError` before anything is dialled); `session.ready` follows READY, and
 * `session.closed` the end of the session. See `ChaincodeClientOptions` for the connect, reconnect
 * and request timeouts.
 */
export async function startChaincode(
  chaincode: ChaincodeInterface,
  options: ChaincodeClientOptions,
): Promise<ChaincodeSession> {
  checkChaincode(chaincode);
  checkLimits(options);
  checkAutoWriteBatch(options);
  checkReconnect(options);
  checkAddress('peerAddress', options.peerAddress);
  if (typeof options.chaincodeIdName !== 'string' || options.chaincodeIdName === '') {
    throw new InvalidOptionsError('chaincodeIdName is required');
  }
  const endpoint = peerEndpoint(options);
  return Promise.resolve(new ClientSession(chaincode, options, endpoint, log));
}
