import type { Logger } from '../logging/logger';

/** Where the chaincode is in the handshake with the peer. */
export enum ProtocolState {
  /** REGISTER sent (or about to be); waiting for REGISTERED. */
  Created = 'created',
  /** REGISTERED received; waiting for READY. */
  Established = 'established',
  /** READY received; transactions are served. */
  Ready = 'ready',
  /** The stream ended; nothing more is sent or served. */
  Closed = 'closed',
}

/** The moves the protocol allows; anything else is refused. */
const ALLOWED: Readonly<Record<ProtocolState, readonly ProtocolState[]>> = {
  [ProtocolState.Created]: [ProtocolState.Established, ProtocolState.Closed],
  [ProtocolState.Established]: [ProtocolState.Ready, ProtocolState.Closed],
  [ProtocolState.Ready]: [ProtocolState.Closed],
  [ProtocolState.Closed]: [],
};

/** The handshake state with guarded transitions; every refusal is logged with its reason. */
export class ProtocolStateMachine {
  #state: ProtocolState = ProtocolState.Created;
  readonly #log: Logger;

  constructor(log: Logger) {
    this.#log = log;
  }

  get state(): ProtocolState {
    return this.#state;
  }

  /**
   * Move to `next` when the current state allows it. Returns false (and logs why) otherwise; the
   * state is then unchanged.
   */
  transition(next: ProtocolState, reason: string): boolean {
    const current = this.#state;
    if (!ALLOWED[current].includes(next)) {
      this.#log.warning('refused protocol state change', { from: current, to: next, reason });
      return false;
    }
    this.#state = next;
    if (this.#log.isEnabled('debug')) this.#log.debug('protocol state change', { from: current, to: next, reason });
    return true;
  }
}
