import {
  MessageType,
  messageTypeName,
  protos,
  shimLogger,
  type ChaincodeMessage,
  type ChaincodeMessageInit,
} from '@chaincode/shim/internal';
import { errorMessage } from '@chaincode/contract-api/internal';
import { RequestRefusedError } from '../errors/request-refused-error';
import type { ResolvedCapabilities } from '../options';
import type { MspIdentity } from '../msp/msp-directory';
import type { TxSimulation } from '../simulation/tx-simulation';
import type { CollectionGuard } from './collection-guard';
import type { PeerStream } from './peer-stream';
import {
  FABRIC3_REQUEST_TYPES,
  refusalText,
  requestHandlers,
  type RequestEnvironment,
  type RequestHandler,
} from './request-handlers';
import { contextKey, type TransactionContext } from './transaction-context';

const logger = shimLogger('dev-peer');

/** What the handler needs from the peer. */
export interface HandlerEnvironment extends RequestEnvironment {
  readonly capabilities: ResolvedCapabilities | false;
  readonly executeTimeoutMs: number;
  readonly keepaliveMs: number;
  /** Called when REGISTER names the chaincode; the peer records it and the handler sends REGISTERED + READY. */
  readonly onRegister: (handler: ChaincodeHandler) => void;
  readonly onClose: (handler: ChaincodeHandler) => void;
}

/** One execution of INIT or TRANSACTION on this chaincode. */
export interface ExecuteRequest {
  readonly type: protos.ChaincodeMessage.Type.INIT | protos.ChaincodeMessage.Type.TRANSACTION;
  readonly input: protos.IChaincodeInput;
  readonly txId: string;
  readonly channelId: string;
  readonly signedProposal: protos.ISignedProposal;
  readonly namespace: string;
  readonly simulation: TxSimulation;
  readonly creator: MspIdentity;
  readonly collections: CollectionGuard;
}

/** COMPLETED/ERROR from the chaincode, or the peer's own reason for giving up. */
export type ExecuteOutcome = { readonly message: ChaincodeMessage } | { readonly error: string };

type HandlerState = 'created' | 'ready' | 'closed';

/**
 * The peer's handler of one chaincode stream (Fabric's core/chaincode Handler): the REGISTER
 * handshake, one goroutine-like async task per request, at most one outstanding request per
 * (channel, txid), the transaction contexts waiting for COMPLETED/ERROR.
 */
export class ChaincodeHandler {
  private state: HandlerState = 'created';
  private chaincodeName: string | undefined;
  private readonly contexts = new Map<string, TransactionContext>();
  private readonly activeRequests = new Set<string>();
  private readonly taps = new Set<(message: ChaincodeMessage) => void>();
  private readonly closeWaiters = new Set<(reason: string) => void>();
  private keepaliveTimer: NodeJS.Timeout | undefined;
  private closeReason: string | undefined;

  /** ChaincodeID.name as the chaincode sent it in REGISTER. */
  registeredId: string | undefined;

  /** `registerAs`: the name to register under whatever REGISTER says (server mode). */
  constructor(
    private readonly stream: PeerStream,
    private readonly env: HandlerEnvironment,
    private readonly registerAs?: string,
  ) {
    stream.start(
      (message) => {
        this.receive(message);
      },
      (reason) => {
        this.onStreamClosed(reason);
      },
    );
  }

  /** The registered name (REGISTER's ChaincodeID.name), once registered. */
  get name(): string | undefined {
    return this.chaincodeName;
  }

  get isReady(): boolean {
    return this.state === 'ready';
  }

  get isClosed(): boolean {
    return this.state === 'closed';
  }

  /** Send a raw message to the chaincode. */
  send(message: ChaincodeMessageInit): void {
    this.stream.write(message);
  }

  /** Observe every message the chaincode sends; returns the unsubscribe function. */
  tap(listener: (message: ChaincodeMessage) => void): () => void {
    this.taps.add(listener);
    return () => {
      this.taps.delete(listener);
    };
  }

  /** Resolves with the reason once the stream is gone. */
  whenClosed(): Promise<string> {
    if (this.closeReason !== undefined) return Promise.resolve(this.closeReason);
    return new Promise((resolve) => {
      this.closeWaiters.add(resolve);
    });
  }

  /** End the stream cleanly (the chaincode sees its stream end). */
  close(): void {
    this.stream.end();
    this.onStreamClosed('closed by the peer');
  }

  /**
   * Send INIT/TRANSACTION and wait for COMPLETED/ERROR, the execute timeout, or the stream's end
   * (Fabric's Handler.Execute).
   */
  execute(request: ExecuteRequest): Promise<ExecuteOutcome> {
    if (this.state !== 'ready') return Promise.resolve({ error: 'chaincode stream terminated' });
    const key = contextKey(request.channelId, request.txId);
    if (this.contexts.has(key)) {
      return Promise.resolve({ error: `txid: ${request.txId}(${request.channelId}) exists` });
    }
    return new Promise<ExecuteOutcome>((resolve) => {
      const settle = (outcome: ExecuteOutcome): void => {
        clearTimeout(timer);
        if (this.contexts.get(key) === context) this.contexts.delete(key);
        context.queries.clear();
        resolve(outcome);
      };
      const context: TransactionContext = {
        channelId: request.channelId,
        txId: request.txId,
        namespace: request.namespace,
        simulation: request.simulation,
        creator: request.creator,
        collections: request.collections,
        isInit: request.type === MessageType.INIT,
        signedProposal: request.signedProposal,
        queries: new Map(),
        notify: (message) => {
          settle({ message });
        },
        abort: (error) => {
          settle({ error });
        },
      };
      const timer = setTimeout(() => {
        settle({ error: 'timeout expired while executing transaction' });
      }, this.env.executeTimeoutMs);
      this.contexts.set(key, context);
      this.stream.write({
        type: request.type,
        payload: protos.ChaincodeInput.encode(request.input).finish(),
        txid: request.txId,
        channelId: request.channelId,
        proposal: request.signedProposal,
      });
    });
  }

  private receive(message: ChaincodeMessage): void {
    for (const tap of this.taps) {
      try {
        tap(message);
      } catch (error) {
        logger.warning('message tap threw', { error: errorMessage(error) });
      }
    }
    try {
      this.handleMessage(message);
    } catch (error) {
      logger.error('dev peer failed to handle a message', {
        type: messageTypeName(message.type),
        error: errorMessage(error),
      });
    }
  }

  private handleMessage(message: ChaincodeMessage): void {
    if (message.type === MessageType.KEEPALIVE) return; // accepted in any state, never answered
    switch (this.state) {
      case 'created':
        if (message.type === MessageType.REGISTER) this.handleRegister(message);
        else this.endWithError(message, 'created');
        return;
      case 'ready':
        this.handleReadyMessage(message);
        return;
      case 'closed':
        return;
    }
  }

  private handleRegister(message: ChaincodeMessage): void {
    let name = '';
    try {
      name = protos.ChaincodeID.decode(message.payload).name;
    } catch (error) {
      logger.error('could not unmarshal registration info', { error: errorMessage(error) });
    }
    if (name === '') {
      const text = 'error in handling register chaincode, chaincodeID name is empty';
      logger.error(text);
      this.stream.write({ type: MessageType.ERROR, payload: Buffer.from(text), txid: message.txid });
      this.stream.fail(text);
      this.onStreamClosed(text);
      return;
    }
    this.registeredId = name;
    this.chaincodeName = this.registerAs ?? name;
    this.env.onRegister(this);
    this.stream.write({ type: MessageType.REGISTERED });
    const caps = this.env.capabilities;
    this.stream.write(
      caps === false
        ? { type: MessageType.READY }
        : {
            type: MessageType.READY,
            payload: protos.ChaincodeAdditionalParams.encode({
              useWriteBatch: caps.useWriteBatch,
              maxSizeWriteBatch: caps.maxSizeWriteBatch,
              useGetMultipleKeys: caps.useGetMultipleKeys,
              maxSizeGetMultipleKeys: caps.maxSizeGetMultipleKeys,
            }).finish(),
          },
    );
    this.state = 'ready';
    if (this.env.keepaliveMs > 0) {
      this.keepaliveTimer = setInterval(() => {
        this.stream.write({ type: MessageType.KEEPALIVE });
      }, this.env.keepaliveMs);
      this.keepaliveTimer.unref();
    }
  }

  private handleReadyMessage(message: ChaincodeMessage): void {
    if (message.type === MessageType.COMPLETED || message.type === MessageType.ERROR) {
      const context = this.contexts.get(contextKey(message.channelId, message.txid));
      if (context === undefined) {
        logger.debug('no transaction waiting for this response', {
          type: messageTypeName(message.type),
          txId: message.txid,
          channelId: message.channelId,
        });
        return;
      }
      context.notify(message);
      return;
    }
    const handler = requestHandlers.get(message.type);
    if (handler === undefined || (this.env.capabilities === false && FABRIC3_REQUEST_TYPES.has(message.type))) {
      this.endWithError(message, 'ready');
      return;
    }
    void this.handleRequest(message, handler);
  }

  // Fabric's HandleTransaction: one outstanding request per (channel, txid); a second is dropped.
  private async handleRequest(message: ChaincodeMessage, handler: RequestHandler): Promise<void> {
    const key = contextKey(message.channelId, message.txid);
    if (this.activeRequests.has(key)) {
      logger.error(
        `[${message.txid.slice(0, 8)}] Another request pending for this CC: ${this.chaincodeName ?? 'unknown'}, ` +
          `Txid: ${message.txid}, ChannelID: ${message.channelId}. Cannot process.`,
        { type: messageTypeName(message.type) },
      );
      return;
    }
    this.activeRequests.add(key);
    let reply: ChaincodeMessageInit;
    try {
      const context = this.contexts.get(key);
      if (context === undefined) {
        throw new RequestRefusedError(
          message.type === MessageType.INVOKE_CHAINCODE ? 'could not get valid transaction' : 'no ledger context',
        );
      }
      const payload = await handler(message.payload, context, this.env);
      reply = { type: MessageType.RESPONSE, txid: message.txid, channelId: message.channelId };
      if (payload !== undefined) reply.payload = payload;
    } catch (error) {
      const text = `${messageTypeName(message.type)} failed: transaction ID: ${message.txid}: ${refusalText(error)}`;
      logger.debug('request refused', { error: text });
      reply = { type: MessageType.ERROR, payload: Buffer.from(text), txid: message.txid, channelId: message.channelId };
    }
    // A real peer needs measurable time per request (ledger I/O); answering one event-loop turn
    // later keeps a second request sent right behind the first reliably "pending", as there.
    await new Promise<void>((resolve) => {
      setImmediate(resolve);
    });
    this.stream.write(reply);
    this.activeRequests.delete(key);
  }

  // Fabric's handler returns an error and its stream loop ends the stream. The dev peer also sends
  // the text as ERROR first, so a test client can read why.
  private endWithError(message: ChaincodeMessage, state: string): void {
    const text =
      `error handling message, ending stream: [${message.txid}] Fabric side handler cannot handle message ` +
      `(${messageTypeName(message.type)}) while in ${state} state`;
    logger.error(text, { chaincode: this.chaincodeName });
    this.stream.write({
      type: MessageType.ERROR,
      payload: Buffer.from(text),
      txid: message.txid,
      channelId: message.channelId,
    });
    this.stream.fail(text);
    this.onStreamClosed(text);
  }

  private onStreamClosed(reason: string): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.closeReason = reason;
    if (this.keepaliveTimer !== undefined) clearInterval(this.keepaliveTimer);
    for (const context of [...this.contexts.values()]) {
      context.abort('chaincode stream terminated');
    }
    this.env.onClose(this);
    for (const waiter of this.closeWaiters) waiter(reason);
    this.closeWaiters.clear();
  }
}
