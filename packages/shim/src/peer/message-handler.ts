import type { ChaincodeInterface } from '@chaincode/contract-api';
import { errorMessage } from '@chaincode/contract-api/internal';
import { MessageTooLargeError, StreamClosedError } from '../errors/shim-error';
import type { Logger } from '../logging/logger';
import { NO_CAPABILITIES, type PeerCapabilities } from '../stub/transaction-port';
import { MessageType, messageTypeName, protos, type ChaincodeMessage, type ChaincodeMessageInit } from '../wire/protos';
import { parseCapabilities } from './capabilities';
import { transactionPrefix } from './chaincode-response';
import type { DisconnectReason } from './disconnect-reason';
import { InFlightLimit } from './in-flight-limit';
import {
  DEFAULT_MAX_CONCURRENT_TRANSACTIONS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_TRANSACTION_SLOT_TIMEOUT_MS,
} from './options';
import { ProtocolState, ProtocolStateMachine } from './protocol-state';
import type { MessageSender } from './request-queue';
import { TransactionContext } from './transaction-context';
import { runTransaction, type TransactionInput } from './transaction-runner';
import { TransactionTable } from './transaction-table';

export type { DisconnectReason } from './disconnect-reason';

export interface MessageHandlerOptions {
  /** The name sent in REGISTER (chaincode id name in client mode, ccid in server mode). */
  readonly chaincodeName: string;
  readonly localMspId?: string | undefined;
  readonly maxConcurrentTransactions?: number | undefined;
  readonly transactionSlotTimeoutMs?: number | undefined;
  readonly requestTimeoutMs?: number | undefined;
  /** grpc.max_send_message_length: a larger message is not sent (grpc-js would fail the stream); -1: no limit. */
  readonly maxSendMessageBytes?: number | undefined;
  /** Batch every transaction's writes from its start (when the peer supports batching). */
  readonly autoWriteBatch?: boolean | undefined;
  readonly log: Logger;
}

/** Room for everything of a ChaincodeMessage besides its payload, event and ids (tags, lengths, timestamp). */
const MESSAGE_OVERHEAD_BYTES = 256;

/** A TRANSACTION/INIT received, waiting to start. */
interface ReceivedTransaction extends TransactionInput {
  readonly message: ChaincodeMessage;
}

/**
 * The chaincode's end of one stream: the handshake (REGISTER → REGISTERED → READY), then the
 * dispatch of each message the current state allows: transactions start (within the in-flight
 * limit), answers go to the transaction table. It never throws into the transport and never
 * exits the process: every problem becomes an ERROR reply, a log line or the `closed` reason.
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
  readonly #fsm: ProtocolStateMachine;
  readonly #transactions: TransactionTable;
  readonly #limit: InFlightLimit<ReceivedTransaction>;
  readonly #maxSendBytes: number;
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
    this.#maxSendBytes = options.maxSendMessageBytes ?? -1;
    this.#autoWriteBatch = options.autoWriteBatch === true;
    this.#fsm = new ProtocolStateMachine(options.log);
    // The limits were checked (positive integers when given) by startChaincode/serveChaincode.
    this.#transactions = new TransactionTable(options.log, options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
    this.#limit = new InFlightLimit<ReceivedTransaction>({
      max: options.maxConcurrentTransactions ?? DEFAULT_MAX_CONCURRENT_TRANSACTIONS,
      slotTimeoutMs: options.transactionSlotTimeoutMs ?? DEFAULT_TRANSACTION_SLOT_TIMEOUT_MS,
      log: options.log,
      start: (received) => {
        this.#start(received);
      },
      running: () => this.#transactions.values(),
    });
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

  /** Transactions counted toward the in-flight limit. */
  get transactionsInFlight(): number {
    return this.#limit.inFlight;
  }

  /** Transactions waiting for a slot. */
  get transactionsWaiting(): number {
    return this.#limit.waiting;
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

  /** The stream ended (the peer closed it, it failed, the handshake timed out, or the chaincode closed it). */
  handleStreamEnd(end: DisconnectReason): void {
    if (this.#fsm.state === ProtocolState.Closed) return;
    const wasReady = this.#fsm.state === ProtocolState.Ready;
    this.#fsm.transition(ProtocolState.Closed, end.reason);
    const closedError = new StreamClosedError(`the stream to the peer closed: ${end.reason}`, { cause: end.error });
    const inFlight = this.#transactions.size;
    this.#transactions.closeAll(closedError);
    const dropped = this.#limit.drain();
    if (!wasReady) this.#rejectReady(closedError);
    // Closed by the chaincode is no news; a peer that ended the stream is worth a line, a failure more.
    const level = end.kind === 'closed' ? 'debug' : end.kind === 'ended' && inFlight === 0 ? 'info' : 'warning';
    this.#log[level]('stream to the peer ended', {
      reason: end.reason,
      inFlight,
      ...(dropped > 0 ? { notStarted: dropped } : {}),
    });
    this.#resolveClosed(end);
  }

  #write(message: ChaincodeMessageInit): void {
    if (this.#fsm.state === ProtocolState.Closed) {
      throw new StreamClosedError('the stream to the peer is closed');
    }
    this.#checkSize(message);
    this.#send(message);
  }

  /**
   * Refuse (MessageTooLargeError) a message larger than grpc.max_send_message_length before grpc-js
   * does: it would fail the whole stream, and every transaction on it, for one oversized message.
   */
  #checkSize(message: ChaincodeMessageInit): void {
    const max = this.#maxSendBytes;
    if (max < 0) return;
    const event = message.chaincodeEvent;
    const bound =
      (message.payload?.length ?? 0) +
      (event?.payload?.length ?? 0) +
      (event?.eventName?.length ?? 0) +
      (message.txid?.length ?? 0) +
      (message.channelId?.length ?? 0) +
      MESSAGE_OVERHEAD_BYTES;
    if (bound <= max) return;
    const size = protos.ChaincodeMessage.encode(message).finish().length;
    if (size <= max) return;
    throw new MessageTooLargeError(
      `${messageTypeName(message.type ?? 0)} of ${String(size)} bytes is larger than grpc.max_send_message_length ` +
        `(${String(max)} bytes) and was not sent`,
      { txId: message.txid ?? undefined, channelId: message.channelId ?? undefined },
    );
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
      case ProtocolState.Established:
        this.#onHandshakeMessage(message);
        return;
      case ProtocolState.Ready:
        this.#onReadyStateMessage(message);
        return;
      case ProtocolState.Closed:
        return;
    }
  }

  /** Created: REGISTERED moves on; Established: READY moves on; ERROR in either is a refusal. */
  #onHandshakeMessage(message: ChaincodeMessage): void {
    const state = this.#fsm.state;
    if (state === ProtocolState.Created && message.type === MessageType.REGISTERED) {
      this.#fsm.transition(ProtocolState.Established, 'REGISTERED received');
    } else if (state === ProtocolState.Established && message.type === MessageType.READY) {
      this.#onReady(message);
    } else if (message.type === MessageType.ERROR && message.txid === '') {
      const text = Buffer.from(message.payload).toString('utf8').trim();
      this.handleStreamEnd({
        kind: 'refused',
        reason: `the peer answered REGISTER with ERROR: ${text === '' ? '(no reason given)' : text}`,
      });
    } else {
      this.#refuse(message);
    }
  }

  #onReadyStateMessage(message: ChaincodeMessage): void {
    switch (message.type) {
      case MessageType.RESPONSE:
      case MessageType.ERROR:
        this.#transactions.route(message);
        return;
      case MessageType.TRANSACTION:
        this.#onTransaction(message, false);
        return;
      case MessageType.INIT:
        this.#onTransaction(message, true);
        return;
      default:
        this.#refuse(message);
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

  #onTransaction(message: ChaincodeMessage, isInit: boolean): void {
    let args: Uint8Array[];
    try {
      args = protos.ChaincodeInput.decode(message.payload).args;
    } catch (err) {
      const text = `${transactionPrefix(message.channelId, message.txid)} could not decode the ChaincodeInput of ${messageTypeName(message.type)}: ${errorMessage(err)}`;
      this.#log.warning(text);
      this.#replyError(message.channelId, message.txid, text);
      return;
    }
    const received: ReceivedTransaction = { message, args, proposal: message.proposal, isInit };
    if (this.#limit.tryAcquire()) this.#start(received);
    else this.#limit.wait(received);
  }

  /** Start a transaction whose slot is already taken. */
  #start(received: ReceivedTransaction): void {
    const { channelId, txid: txId } = received.message;
    if (this.#transactions.has(channelId, txId)) {
      // Not answered: the peer cannot tell an answer to the copy from the answer to the transaction
      // in progress, so an ERROR here would fail that transaction. The first one answers for both.
      this.#log.warning(
        `${transactionPrefix(channelId, txId)} ignoring a second TRANSACTION for transaction ${txId} on channel ` +
          `${channelId}: it is already in progress`,
      );
      this.#limit.giveBack();
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
    this.#transactions.add(context);
    void this.#execute(context, received);
  }

  async #execute(context: TransactionContext, input: TransactionInput): Promise<void> {
    const response = await runTransaction(this.#chaincode, context, input, this.#log);
    try {
      if (!context.closed) {
        const completed = {
          type: MessageType.COMPLETED,
          payload: protos.Response.encode(response).finish(),
          txid: context.txId,
          channelId: context.channelId,
          chaincodeEvent: context.event,
        };
        try {
          this.#write(completed);
        } catch (err) {
          if (!(err instanceof MessageTooLargeError)) throw err;
          // The peer still gets an answer: a 500 saying why, small enough to send.
          const text = `${transactionPrefix(context.channelId, context.txId)} the transaction's response was not sent: ${err.message}`;
          this.#log.warning(text);
          this.#write({
            type: MessageType.COMPLETED,
            payload: protos.Response.encode({ status: 500, message: text }).finish(),
            txid: context.txId,
            channelId: context.channelId,
          });
        }
      }
    } catch (err) {
      this.#log.warning('could not send COMPLETED', { txid: context.txId, error: errorMessage(err) });
    } finally {
      this.#transactions.delete(context);
      this.#limit.release(context);
    }
  }
}
