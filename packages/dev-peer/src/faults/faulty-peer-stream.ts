import { MessageType, protos, type ChaincodeMessage, type ChaincodeMessageInit } from '@chaincode/shim/internal';
import type { PeerStream } from '../peer/peer-stream';
import type { FaultDirection } from './fault-rule';
import type { H2PeerStream } from './h2-peer-stream';

/** What becomes of one message: delivered (maybe later), replaced by raw bytes, or the stream closed. */
export type Delivery =
  | { readonly message: ChaincodeMessageInit; readonly delayMs: number }
  | { readonly frame: Uint8Array; readonly compressed: boolean }
  | { readonly close: 'end' | 'reset' | 'disconnect' };

/** The rules, as a stream sees them. */
export interface FaultRules {
  /** True when some rule may apply to messages going `direction`. */
  active(direction: FaultDirection): boolean;
  apply(direction: FaultDirection, message: ChaincodeMessage, chaincode: string | undefined): readonly Delivery[];
  closed(stream: FaultyPeerStream): void;
}

/**
 * A chaincode stream with the fault rules between it and the peer's handler: what the handler
 * writes and what the chaincode sends both pass through `rules`.
 */
export class FaultyPeerStream implements PeerStream {
  /** ChaincodeID.name of the chaincode's REGISTER, once it arrived. */
  chaincode: string | undefined;
  readonly closed: Promise<string>;
  private isClosed = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private resolveClosed!: (reason: string) => void;

  constructor(
    readonly raw: H2PeerStream,
    readonly mspId: string,
    private readonly rules: FaultRules,
  ) {
    this.closed = new Promise((resolve) => {
      this.resolveClosed = resolve;
    });
  }

  write(message: ChaincodeMessageInit): void {
    if (!this.rules.active('toChaincode')) {
      this.raw.write(message);
      return;
    }
    const decoded = protos.ChaincodeMessage.decode(protos.ChaincodeMessage.encode(message).finish());
    this.deliver(this.rules.apply('toChaincode', decoded, this.chaincode), (m) => {
      this.raw.write(m);
    });
  }

  end(): void {
    this.raw.end();
  }

  fail(details: string): void {
    this.raw.fail(details);
  }

  start(onMessage: (message: ChaincodeMessage) => void, onClose: (reason: string) => void): void {
    this.raw.start(
      (message) => {
        if (message.type === MessageType.REGISTER && this.chaincode === undefined) this.learnName(message);
        if (!this.rules.active('fromChaincode')) {
          onMessage(message);
          return;
        }
        this.deliver(this.rules.apply('fromChaincode', message, this.chaincode), (m) => {
          onMessage(
            m instanceof protos.ChaincodeMessage
              ? m
              : protos.ChaincodeMessage.decode(protos.ChaincodeMessage.encode(m).finish()),
          );
        });
      },
      (reason) => {
        this.isClosed = true;
        for (const timer of this.timers) clearTimeout(timer);
        this.timers.clear();
        this.rules.closed(this);
        this.resolveClosed(reason);
        onClose(reason);
      },
    );
  }

  private learnName(message: ChaincodeMessage): void {
    try {
      const name = protos.ChaincodeID.decode(message.payload).name;
      if (name !== '') this.chaincode = name;
    } catch {
      // the handler refuses it
    }
  }

  private deliver(deliveries: readonly Delivery[], to: (message: ChaincodeMessageInit) => void): void {
    for (const d of deliveries) {
      if (this.isClosed) return;
      if ('close' in d) {
        if (d.close === 'end') this.raw.terminate(0, '');
        else if (d.close === 'reset') this.raw.reset();
        else this.raw.disconnect();
        return;
      }
      if ('frame' in d) {
        this.raw.writeFrame(d.frame, d.compressed);
        continue;
      }
      if (d.delayMs <= 0) {
        to(d.message);
        continue;
      }
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (!this.isClosed) to(d.message);
      }, d.delayMs);
      this.timers.add(timer);
    }
  }
}
