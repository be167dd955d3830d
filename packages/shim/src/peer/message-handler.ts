import type { ChaincodeInterface, ChaincodeResponse } from '@chaincode/contract-api';
import { errorMessage, PeerRequestError, StreamClosedError } from '../errors/shim-error';
import type { Logger } from '../logging/logger';
import { ChaincodeStub } from '../stub/chaincode-stub';
import { LazyProposal } from '../stub/proposal';
import { NO_CAPABILITIES, type PeerCapabilities } from '../stub/transaction-port';
import { MessageType, messageTypeName, protos, type ChaincodeMessage, type ChaincodeMessageInit } from '../wire/protos';
import { parseCapabilities } from './capabilities';
import { Fifo } from './fifo';
import { DEFAULT_MAX_CONCURRENT_TRANSACTIONS, DEFAULT_TRANSACTION_SLOT_TIMEOUT_MS } from './options';
import { ProtocolState, ProtocolStateMachine } from './protocol-state';
import type { MessageSender } from './request-queue';
import { TransactionContext, transactionKey } from './transaction-context';

/** Why a stream ended: a readable reason, and the error when there was one. */
export interface DisconnectReason {
  readonly reason: string;
  readonly error?: Error;
}

export interface MessageHandlerOptions {
  /** The name sent in REGISTER (chaincode id name in client mode, ccid in server mode). */
  readonly chaincodeName: string;
  readonly localMspId?: string | undefined;
  readonly maxConcurrentTransactions?: number | undefined;
  readonly transactionSlotTimeoutMs?: number | undefined;
  /** Batch every transaction's writes from its start (when the peer supports batching). */
  readonly autoWriteBatch?: boolean | undefined;
  readonly log: Logger;
}

interface QueuedTransaction {
  readonly message: ChaincodeMessage;
  readonly args: Uint8Array[];
  readonly isInit: boolean;
}

const RESPONSE_ERROR_THRESHOLD = 400;
const RESPONSE_ERROR = 500;

/** Short transaction prefix for texts, as fabric-shim writes it: `[channel-txid8]`. */
function prefix(channelId: string, txId: string): string {
  return `[${channelId}-${txId.substring(0, 8)}]`;
}

/**
 * The chaincode's end of one stream: the handshake (created → established → ready), then
 * TRANSACTION/INIT dispatch and the matching of RESPONSE/ERROR to each transaction's request queue.
 * It never throws into the transport and never exits the process: every problem becomes an ERROR
 * reply, a log line or the `closed` reason.
 */
export class ChaincodeMessageHandler {
  readonly #chaincode: ChaincodeInterface;
  readonly #send: MessageSender;
  /** The sender handed to transactions: refuses once the stream is closed. */
  readonly #guardedSend: MessageSender;
  readonly #log: Logger;
  readonly #name: string;
  readonly #localMspId: string | undefined;
  readonly #autoWriteBatch: boolean;
  readonly #maxInFlight: number;
  readonly #fsm: ProtocolStateMachine;
  readonly #transactions = new Map<string, TransactionContext>();
  /** Transactions that arrived while maxConcurrentTransactions were running, in arrival order. */
  readonly #waiting = new Fifo<QueuedTransaction>();
  #inFlight = 0;
  readonly #slotTimeoutMs: number;
  #sweepTimer: NodeJS.Timeout | undefined;
  #capabilities: PeerCapabilities = NO_CAPABILITIES;
  #resolveReady!: () => void;
  #rejectReady!: (error: Error) => void;
  #resolveClosed!: (reason: DisconnectReason) => void;

  /** Resolves when READY arrived; rejects when the stream ends first. */
  readonly ready: Promise<void>;
  /** Resolves (never rejects) when the stream ended, with the reason. */
  readonly closed: Promise<DisconnectReason>;

  constructor(chaincode: ChaincodeInterface, send: MessageSender, options: MessageHandlerOptions) {
    this.#chaincode = chaincode;
    this.#send = send;
    this.#guardedSend = (message) => {
      this.#write(message);
    };
    this.#log = options.log;
    this.#name = options.chaincodeName;
    this.#localMspId = options.localMspId;
    this.#autoWriteBatch = options.autoWriteBatch === true;
    // Both limits were checked (positive integers when given) by startChaincode/serveChaincode.
    this.#maxInFlight = options.maxConcurrentTransactions ?? DEFAULT_MAX_CONCURRENT_TRANSACTIONS;
    this.#slotTimeoutMs = options.transactionSlotTimeoutMs ?? DEFAULT_TRANSACTION_SLOT_TIMEOUT_MS;
    this.#fsm = new ProtocolStateMachine(options.log);
    this.ready = new Promise<void>((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    // Observed here so that nobody waiting on `ready` is not an unhandled rejection.
    this.ready.catch(() => undefined);
    this.closed = new Promise<DisconnectReason>((resolve) => {
      this.#resolveClosed = resolve;
    });
  }

  get state(): ProtocolState {
    return this.#fsm.state;
  }

  /** What READY advertised (nothing until READY arrives). */
  get capabilities(): PeerCapabilities {
    return this.#capabilities;
  }

  /** Number of transactions being served, and waiting for a slot. */
  get transactionsInFlight(): number {
    return this.#inFlight;
  }

  get transactionsWaiting(): number {
    return this.#waiting.size;
  }

  /** Send REGISTER: the chaincode always speaks first. */
  register(): void {
    const payload = protos.ChaincodeID.encode({ name: this.#name }).finish();
    this.#log.debug('sending REGISTER', { name: this.#name });
    this.#write({ type: MessageType.REGISTER, payload });
  }

  /** One message from the peer. */
  handleMessage(message: ChaincodeMessage): void {
    try {
      this.#dispatch(message);
    } catch (err) {
      // A bug in a handler path must not reach the transport's event emitter.
      this.#log.error('failed to handle a message from the peer', {
        type: messageTypeName(message.type),
        txid: message.txid,
        error: errorMessage(err),
      });
    }
  }

  /** The stream ended (the peer closed it, it failed, or the chaincode closed it). */
  handleStreamEnd(reason: string, error?: Error): void {
    if (this.#fsm.state === ProtocolState.Closed) return;
    const wasReady = this.#fsm.state === ProtocolState.Ready;
    this.#fsm.transition(ProtocolState.Closed, reason);
    const closedError = new StreamClosedError(`the stream to the peer closed: ${reason}`, { cause: error });
    for (const context of this.#transactions.values()) context.close(closedError);
    const dropped = this.#waiting.drain().length;
    if (this.#sweepTimer !== undefined) clearTimeout(this.#sweepTimer);
    this.#sweepTimer = undefined;
    if (!wasReady) this.#rejectReady(closedError);
    const level = error === undefined ? 'info' : 'error';
    this.#log[level]('stream to the peer ended', {
      reason,
      inFlight: this.#transactions.size,
      ...(dropped > 0 ? { notStarted: dropped } : {}),
    });
    this.#resolveClosed(error === undefined ? { reason } : { reason, error });
  }

  #write(message: ChaincodeMessageInit): void {
    if (this.#fsm.state === ProtocolState.Closed) {
      throw new StreamClosedError('the stream to the peer is closed');
    }
    this.#send(message);
  }

  /** Best-effort write for replies: a closed stream only means nobody is listening any more. */
  #reply(message: ChaincodeMessageInit): void {
    try {
      this.#write(message);
    } catch (err) {
      this.#log.debug('reply not sent', { type: messageTypeName(message.type ?? 0), error: errorMessage(err) });
    }
  }

  /** ERROR{text} for one transaction. */
  #replyError(channelId: string, txId: string, text: string): void {
    this.#reply({ type: MessageType.ERROR, payload: Buffer.from(text), txid: txId, channelId });
  }

  #dispatch(message: ChaincodeMessage): void {
    const type = message.type;
    if (this.#log.isEnabled('debug')) {
      this.#log.debug('received', {
        type: messageTypeName(type),
        txid: message.txid,
        channel: message.channelId,
        state: this.#fsm.state,
      });
    }
    if (type === MessageType.KEEPALIVE) {
      if (this.#fsm.state !== ProtocolState.Closed) this.#reply(message);
      return;
    }
    switch (this.#fsm.state) {
      case ProtocolState.Created:
        if (type === MessageType.REGISTERED) {
          this.#fsm.transition(ProtocolState.Established, 'REGISTERED received');
          return;
        }
        break;
      case ProtocolState.Established:
        if (type === MessageType.READY) {
          this.#onReady(message);
          return;
        }
        break;
      case ProtocolState.Ready:
        if (this.#onReadyStateMessage(message)) return;
        break;
      case ProtocolState.Closed:
        return;
    }
    this.#refuse(message);
  }

  #onReadyStateMessage(message: ChaincodeMessage): boolean {
    switch (message.type) {
      case MessageType.RESPONSE:
      case MessageType.ERROR:
        this.#onAnswer(message);
        return true;
      case MessageType.TRANSACTION:
        this.#onTransaction(message, false);
        return true;
      case MessageType.INIT:
        this.#onTransaction(message, true);
        return true;
      default:
        return false;
    }
  }

  #onReady(message: ChaincodeMessage): void {
    try {
      this.#capabilities = parseCapabilities(message.payload);
    } catch (err) {
      this.#log.warning('READY carried an undecodable ChaincodeAdditionalParams; using no capabilities', {
        error: errorMessage(err),
      });
      this.#capabilities = NO_CAPABILITIES;
    }
    if (this.#fsm.transition(ProtocolState.Ready, 'READY received')) {
      this.#log.debug('ready', { ...this.#capabilities });
      this.#resolveReady();
    }
  }

  /** A message this state cannot take: ERROR to the peer when it concerns a transaction, else a warning. */
  #refuse(message: ChaincodeMessage): void {
    const text =
      `Chaincode handler FSM cannot handle message (${messageTypeName(message.type)}) ` +
      `with payload size (${message.payload.length}) while in state: ${this.#fsm.state}`;
    if (message.txid !== '') {
      this.#log.warning(text, { txid: message.txid, channel: message.channelId });
      this.#replyError(message.channelId, message.txid, text);
    } else {
      this.#log.warning(text);
    }
  }

  #onAnswer(message: ChaincodeMessage): void {
    const context = this.#transactions.get(transactionKey(message.channelId, message.txid));
    const head = context?.queue.takeHead();
    if (head === undefined) {
      this.#log.warning('ignoring an answer for no pending request', {
        type: messageTypeName(message.type),
        txid: message.txid,
        channel: message.channelId,
      });
      return;
    }
    if (message.type === MessageType.RESPONSE) {
      head.resolve(message.payload as Buffer);
    } else {
      head.reject(
        new PeerRequestError(Buffer.from(message.payload).toString('utf8'), {
          txId: message.txid,
          channelId: message.channelId,
        }),
      );
    }
  }

  #onTransaction(message: ChaincodeMessage, isInit: boolean): void {
    let args: Uint8Array[];
    try {
      args = protos.ChaincodeInput.decode(message.payload).args;
    } catch (err) {
      const text = `${prefix(message.channelId, message.txid)} could not decode the ChaincodeInput of ${messageTypeName(message.type)}: ${errorMessage(err)}`;
      this.#log.warning(text);
      this.#replyError(message.channelId, message.txid, text);
      return;
    }
    if (this.#inFlight >= this.#maxInFlight) {
      this.#waiting.push({ message, args, isInit });
      this.#scheduleSweep();
      return;
    }
    this.#start(message, args, isInit);
  }

  #start(message: ChaincodeMessage, args: Uint8Array[], isInit: boolean): void {
    const channelId = message.channelId;
    const txId = message.txid;
    const key = transactionKey(channelId, txId);
    if (this.#transactions.has(key)) {
      const text = `${prefix(channelId, txId)} transaction ${txId} on channel ${channelId} is already in progress`;
      this.#log.warning(text);
      this.#replyError(channelId, txId, text);
      return;
    }
    const context = new TransactionContext(
      channelId,
      txId,
      this.#capabilities,
      this.#localMspId,
      this.#guardedSend,
      this.#autoWriteBatch,
    );
    this.#transactions.set(key, context);
    this.#inFlight++;
    void this.#execute(context, key, args, message.proposal, isInit);
  }

  async #execute(
    context: TransactionContext,
    key: string,
    args: Uint8Array[],
    proposal: protos.SignedProposal.$Properties | null | undefined,
    isInit: boolean,
  ): Promise<void> {
    let response: ChaincodeResponse;
    try {
      response = await this.#invoke(context, args, proposal, isInit);
    } catch (err) {
      response = { status: RESPONSE_ERROR, message: errorMessage(err), payload: new Uint8Array(0) };
      if (this.#log.isEnabled('debug')) {
        this.#log.debug('chaincode failed', { txid: context.txId, error: errorMessage(err) });
      }
    }
    try {
      if (!context.closed) {
        const payload = protos.Response.encode(response).finish();
        this.#write({
          type: MessageType.COMPLETED,
          payload,
          txid: context.txId,
          channelId: context.channelId,
          chaincodeEvent: context.event,
        });
      }
    } catch (err) {
      this.#log.warning('could not send COMPLETED', { txid: context.txId, error: errorMessage(err) });
    } finally {
      this.#transactions.delete(key);
      if (context.holdsSlot) {
        context.holdsSlot = false;
        this.#inFlight--;
      }
      this.#startWaiting();
    }
  }

  /** Run Init/Invoke and the batch flush; returns the Response to send (throws → 500). */
  async #invoke(
    context: TransactionContext,
    args: Uint8Array[],
    proposal: protos.SignedProposal.$Properties | null | undefined,
    isInit: boolean,
  ): Promise<ChaincodeResponse> {
    const stub = new ChaincodeStub(context, args, new LazyProposal(proposal));
    const result: unknown = isInit ? await this.#chaincode.Init(stub) : await this.#chaincode.Invoke(stub);
    const response = normalizeResponse(result, isInit, context);
    const batch = context.batch;
    if (batch !== undefined && batch.size > 0 && response.status < RESPONSE_ERROR_THRESHOLD) {
      await batch.flush(context);
    }
    return response;
  }

  /**
   * While transactions wait for a slot, look now and then for ones the peer must have given up on
   * (older than the slot timeout) and stop counting them, so a hung Invoke cannot block the stream.
   */
  #scheduleSweep(): void {
    if (this.#sweepTimer !== undefined) return;
    const delay = Math.min(this.#slotTimeoutMs, 1000);
    this.#sweepTimer = setTimeout(() => {
      this.#sweepTimer = undefined;
      this.#sweep();
    }, delay);
    this.#sweepTimer.unref();
  }

  #sweep(): void {
    if (this.transactionsWaiting === 0 || this.#fsm.state === ProtocolState.Closed) return;
    const oldest = Date.now() - this.#slotTimeoutMs;
    for (const context of this.#transactions.values()) {
      if (context.holdsSlot && context.startedAt <= oldest) {
        context.holdsSlot = false;
        this.#inFlight--;
        this.#log.warning('transaction still running after the slot timeout; no longer counted as in flight', {
          txid: context.txId,
          channel: context.channelId,
          runningMs: Date.now() - context.startedAt,
        });
      }
    }
    this.#startWaiting();
    if (this.transactionsWaiting > 0) this.#scheduleSweep();
  }

  #startWaiting(): void {
    while (this.#inFlight < this.#maxInFlight) {
      const next = this.#waiting.shift();
      if (next === undefined) return;
      this.#start(next.message, next.args, next.isInit);
    }
  }
}

/** What Init/Invoke returned, as a Response; anything without a status is fabric-shim's 500. */
function normalizeResponse(result: unknown, isInit: boolean, context: TransactionContext): ChaincodeResponse {
  const candidate = result as Partial<Record<keyof ChaincodeResponse, unknown>> | null | undefined;
  const status = typeof candidate === 'object' && candidate !== null ? candidate.status : undefined;
  if (typeof status !== 'number' || status === 0 || !Number.isFinite(status)) {
    return {
      status: RESPONSE_ERROR,
      message: `${prefix(context.channelId, context.txId)} Calling chaincode ${isInit ? 'Init' : 'Invoke'}() has not called success or error.`,
      payload: new Uint8Array(0),
    };
  }
  const rawMessage = candidate?.message;
  const rawPayload = candidate?.payload;
  return {
    status: Math.trunc(status),
    message: errorMessage(rawMessage),
    payload:
      rawPayload instanceof Uint8Array
        ? rawPayload
        : typeof rawPayload === 'string'
          ? Buffer.from(rawPayload, 'utf8')
          : new Uint8Array(0),
  };
}
