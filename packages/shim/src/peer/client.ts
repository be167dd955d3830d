import * as grpc from '@grpc/grpc-js';
import type { ChaincodeInterface } from '@chaincode/contract-api';
import { InvalidOptionsError } from '../errors/shim-error';
import { shimLogger } from '../logging/logger';
import { chaincodeSupportService } from '../wire/services';
import type { ChaincodeMessage, ChaincodeMessageInit } from '../wire/protos';
import { checkChaincode, checkLimits } from './chaincode-check';
import { grpcChannelOptions, peerTarget } from './grpc-options';
import { ChaincodeMessageHandler } from './message-handler';
import type { ChaincodeClientOptions } from './options';
import { bindStream, StreamSession, type ChaincodeSession } from './session';

const log = shimLogger('client');

function credentialsFor(options: ChaincodeClientOptions): grpc.ChannelCredentials {
  const tls = options.tls;
  if (tls === undefined) return grpc.credentials.createInsecure();
  if ((tls.clientKey === undefined) !== (tls.clientCert === undefined)) {
    throw new InvalidOptionsError('TLS client key and client certificate must be given together');
  }
  return grpc.credentials.createSsl(tls.rootCert, tls.clientKey ?? null, tls.clientCert ?? null);
}

/**
 * Client mode: dial the peer's ChaincodeSupport.Register, send REGISTER and serve transactions until
 * the stream ends. Resolves as soon as the stream is open; `session.ready` follows READY.
 */
export async function startChaincode(
  chaincode: ChaincodeInterface,
  options: ChaincodeClientOptions,
): Promise<ChaincodeSession> {
  checkChaincode(chaincode);
  checkLimits(options);
  if (typeof options.peerAddress !== 'string' || options.peerAddress === '') {
    throw new InvalidOptionsError('peerAddress is required');
  }
  if (typeof options.chaincodeIdName !== 'string' || options.chaincodeIdName === '') {
    throw new InvalidOptionsError('chaincodeIdName is required');
  }
  const channelOptions = grpcChannelOptions(options.grpc);
  const override = options.tls?.serverNameOverride;
  if (override !== undefined && override !== '') {
    channelOptions['grpc.ssl_target_name_override'] = override;
    channelOptions['grpc.default_authority'] = override;
  }
  const target = peerTarget(options.peerAddress);
  const client = new grpc.Client(target, credentialsFor(options), channelOptions);
  const method = chaincodeSupportService.register;
  const call = client.makeBidiStreamRequest<ChaincodeMessageInit, ChaincodeMessage>(
    method.path,
    method.requestSerialize,
    method.responseDeserialize,
  );
  const handler = new ChaincodeMessageHandler(
    chaincode,
    (message) => {
      call.write(message);
    },
    {
      chaincodeName: options.chaincodeIdName,
      localMspId: options.localMspId,
      maxConcurrentTransactions: options.maxConcurrentTransactions,
      transactionSlotTimeoutMs: options.transactionSlotTimeoutMs,
      autoWriteBatch: options.autoWriteBatch,
      log,
    },
  );
  bindStream(call, handler);
  const session = new StreamSession(handler, call, () => {
    call.cancel();
    client.close();
  });
  log.info('registering with the peer', {
    peer: target,
    chaincode: options.chaincodeIdName,
    tls: options.tls !== undefined,
  });
  handler.register();
  return Promise.resolve(session);
}
