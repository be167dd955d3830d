import * as grpc from '@grpc/grpc-js';
import type { ChaincodeInterface } from '@chaincode/contract-api';
import { InvalidOptionsError } from '../errors/shim-error';
import type { Logger } from '../logging/logger';
import { chaincodeSupportService } from '../wire/services';
import type { ChaincodeMessage, ChaincodeMessageInit } from '../wire/protos';
import { grpcChannelOptions, peerTarget } from './grpc-options';
import { ChaincodeMessageHandler } from './message-handler';
import type { ChaincodeClientOptions } from './options';
import { ProtocolState } from './protocol-state';
import { bindStream, StreamSession } from './session';

/** How to reach the peer: built once per session from the options, used by every attempt. */
export interface PeerEndpoint {
  readonly target: string;
  readonly credentials: grpc.ChannelCredentials;
  readonly channelOptions: grpc.ChannelOptions;
}

function credentialsFor(options: ChaincodeClientOptions): grpc.ChannelCredentials {
  const tls = options.tls;
  if (tls === undefined) return grpc.credentials.createInsecure();
  if ((tls.clientKey === undefined) !== (tls.clientCert === undefined)) {
    throw new InvalidOptionsError('TLS client key and client certificate must be given together');
  }
  try {
    return grpc.credentials.createSsl(tls.rootCert, tls.clientKey ?? null, tls.clientCert ?? null);
  } catch (err) {
    throw new InvalidOptionsError(`the TLS material is not usable: ${(err as Error).message}`, { cause: err });
  }
}

/** The peer's address, credentials and channel options; throws InvalidOptionsError for bad TLS material. */
export function peerEndpoint(options: ChaincodeClientOptions): PeerEndpoint {
  const channelOptions: grpc.ChannelOptions = {
    ...grpcChannelOptions(options.grpc),
    // A fresh connection per attempt: grpc-js's shared subchannel would otherwise hold back our
    // attempts behind its own reconnect backoff (up to two minutes) after the peer went away.
    'grpc.use_local_subchannel_pool': 1,
  };
  const override = options.tls?.serverNameOverride;
  if (override !== undefined && override !== '') {
    channelOptions['grpc.ssl_target_name_override'] = override;
    channelOptions['grpc.default_authority'] = override;
  }
  return { target: peerTarget(options.peerAddress), credentials: credentialsFor(options), channelOptions };
}

/** One attempt: a stream to the peer with REGISTER sent. */
export interface DialedStream {
  readonly session: StreamSession;
  /** What this attempt still waits for, named for a timeout message. */
  waitingFor(): string;
}

/** Dial `ChaincodeSupport.Register` and send REGISTER; the stream then serves until it ends. */
export function dialPeer(
  chaincode: ChaincodeInterface,
  options: ChaincodeClientOptions,
  endpoint: PeerEndpoint,
  log: Logger,
): DialedStream {
  const client = new grpc.Client(endpoint.target, endpoint.credentials, endpoint.channelOptions);
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
      requestTimeoutMs: options.requestTimeoutMs,
      maxSendMessageBytes: options.grpc?.['grpc.max_send_message_length'],
      autoWriteBatch: options.autoWriteBatch,
      log,
    },
  );
  bindStream(call, handler);
  const session = new StreamSession(handler, call, () => {
    call.cancel();
    client.close();
  });
  handler.register();
  return {
    session,
    waitingFor: () => {
      const connected = client.getChannel().getConnectivityState(false) === grpc.connectivityState.READY;
      if (!connected)
        return `gRPC connection to ${endpoint.target} (the TCP, TLS or HTTP/2 handshake did not complete)`;
      return handler.state === ProtocolState.Created
        ? `REGISTERED from the peer at ${endpoint.target} (it accepted the connection but did not answer REGISTER)`
        : `READY from the peer at ${endpoint.target} (REGISTERED arrived)`;
    },
  };
}
