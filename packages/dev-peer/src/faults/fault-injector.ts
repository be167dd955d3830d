import { errorMessage } from '@chaincode/contract-api/internal';
import { MessageType, shimLogger, type ChaincodeMessage, type ChaincodeMessageInit } from '@chaincode/shim/internal';
import { DevPeerError } from '../errors/dev-peer-error';
import type { ChaincodeSupportServer } from '../server/chaincode-support-server';
import type { PeerStream } from '../peer/peer-stream';
import type { TlsMaterial } from '../tls/tls-material';
import type { ChaincodeFaults, FaultStream } from './chaincode-faults';
import type { FaultDirection, FaultRule, FaultRuleHandle } from './fault-rule';
import { FaultyPeerStream, type Delivery, type FaultRules } from './faulty-peer-stream';
import { startH2RegisterServer, type RestartableServer } from './h2-register-server';

interface ActiveRule {
  readonly rule: FaultRule;
  readonly types: ReadonlySet<number> | undefined;
  hits: number;
  removed: boolean;
  onApplied: ((message: ChaincodeMessage) => void) | undefined;
}

const logger = shimLogger('dev-peer');

function invalid(message: string): DevPeerError {
  return new DevPeerError('CC_DEVPEER_INVALID_OPTIONS', message);
}

function checkRule(rule: FaultRule): ReadonlySet<number> | undefined {
  const direction: string = rule.direction;
  if (direction !== 'toChaincode' && direction !== 'fromChaincode') {
    throw invalid(`a fault rule's direction must be 'toChaincode' or 'fromChaincode', got ${direction}`);
  }
  if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 1)) {
    throw invalid(`a fault rule's times must be a positive integer, got ${String(rule.times)}`);
  }
  const action = rule.action;
  if (action.kind === 'delay' && !(Number.isFinite(action.ms) && action.ms >= 0)) {
    throw invalid(`a delay must be a non-negative number of ms, got ${String(action.ms)}`);
  }
  if (
    action.kind === 'duplicate' &&
    action.copies !== undefined &&
    !(Number.isInteger(action.copies) && action.copies >= 1)
  ) {
    throw invalid(`duplicate copies must be a positive integer, got ${String(action.copies)}`);
  }
  if (action.kind === 'frame' && rule.direction !== 'toChaincode') {
    throw invalid("a raw frame can only be sent to the chaincode (direction 'toChaincode')");
  }
  if (rule.types === undefined) return undefined;
  return new Set(
    rule.types.map((name) => {
      const type = (MessageType as unknown as Record<string, number | undefined>)[name];
      if (type === undefined) throw invalid(`unknown message type ${name} in a fault rule`);
      return type;
    }),
  );
}

/** The fault-injecting mode of a network: its rules, the chaincode streams, and each peer's server. */
export class FaultInjector implements ChaincodeFaults, FaultRules {
  private rules: ActiveRule[] = [];
  private readonly streams = new Set<FaultyPeerStream>();
  private readonly servers = new Map<string, RestartableServer>();

  constructor(private readonly defaultMspId: string) {}

  /** Serve ChaincodeSupport.Register for `mspId`'s peer; its streams pass through the rules. */
  async serve(
    mspId: string,
    host: string,
    port: number,
    tls: TlsMaterial | undefined,
    onStream: (stream: PeerStream) => void,
  ): Promise<ChaincodeSupportServer> {
    const server = await startH2RegisterServer(host, port, tls, (raw) => {
      const stream = new FaultyPeerStream(raw, mspId, this);
      this.streams.add(stream);
      onStream(stream);
    });
    this.servers.set(mspId, server);
    return {
      address: server.address,
      stop: async () => {
        this.servers.delete(mspId);
        await server.stop();
      },
    };
  }

  add(rule: FaultRule): FaultRuleHandle {
    const types = checkRule(rule);
    const active: ActiveRule = { rule, types, hits: 0, removed: false, onApplied: undefined };
    const applied = new Promise<ChaincodeMessage>((resolve) => {
      active.onApplied = resolve;
    });
    this.rules.push(active);
    return {
      get hits() {
        return active.hits;
      },
      applied,
      remove: () => {
        active.removed = true;
        this.rules = this.rules.filter((r) => r !== active);
      },
    };
  }

  clear(): void {
    for (const r of this.rules) r.removed = true;
    this.rules = [];
  }

  stream(name: string, options: { readonly mspId?: string } = {}): FaultStream {
    const mspId = options.mspId ?? this.defaultMspId;
    const live = [...this.streams].filter((s) => s.chaincode === name && s.mspId === mspId);
    const stream = live[live.length - 1];
    if (stream === undefined) {
      throw new DevPeerError('CC_DEVPEER_NOT_REGISTERED', `no stream of chaincode ${name} is open on ${mspId}'s peer`);
    }
    const raw = stream.raw;
    return {
      chaincode: name,
      send: (message) => {
        raw.write(message);
      },
      sendFrame: (bytes, frameOptions = {}) => {
        raw.writeFrame(bytes, frameOptions.compressed === true);
      },
      end: (status = 0, message = '') => {
        raw.terminate(status, message);
      },
      reset: () => {
        raw.reset();
      },
      disconnect: () => {
        raw.disconnect();
      },
      closed: stream.closed,
    };
  }

  async restart(options: { readonly downMs?: number; readonly mspId?: string } = {}): Promise<void> {
    const downMs = options.downMs ?? 0;
    if (!(Number.isFinite(downMs) && downMs >= 0))
      throw invalid(`downMs must be a non-negative number, got ${String(downMs)}`);
    const targets =
      options.mspId === undefined
        ? [...this.servers.values()]
        : [this.servers.get(options.mspId)].filter((s) => s !== undefined);
    if (targets.length === 0) {
      throw new DevPeerError(
        'CC_DEVPEER_UNKNOWN_ORG',
        `no running peer of ${options.mspId ?? 'this network'} to restart`,
      );
    }
    await Promise.all(targets.map((s) => s.restart(downMs)));
  }

  active(direction: FaultDirection): boolean {
    return this.rules.some((r) => r.rule.direction === direction);
  }

  apply(direction: FaultDirection, message: ChaincodeMessage, chaincode: string | undefined): readonly Delivery[] {
    const match = this.rules.find((r) => !r.removed && this.matches(r, direction, message, chaincode));
    if (match === undefined) return [{ message, delayMs: 0 }];
    match.hits++;
    if (match.rule.times !== undefined && match.hits >= match.rule.times) {
      match.removed = true;
      this.rules = this.rules.filter((r) => r !== match);
    }
    match.onApplied?.(message);
    match.onApplied = undefined;
    const action = match.rule.action;
    switch (action.kind) {
      case 'drop':
        return [];
      case 'delay':
        return [{ message, delayMs: action.ms }];
      case 'duplicate':
        return Array.from({ length: 1 + (action.copies ?? 1) }, () => ({ message, delayMs: 0 }));
      case 'rewrite': {
        let out: ChaincodeMessageInit | readonly ChaincodeMessageInit[];
        try {
          out = action.rewrite(message);
        } catch (error) {
          logger.warning('a fault rule rewrite threw; the message is delivered as it was', {
            error: errorMessage(error),
          });
          return [{ message, delayMs: 0 }];
        }
        const list: readonly ChaincodeMessageInit[] = Array.isArray(out) ? out : [out as ChaincodeMessageInit];
        return list.map((m) => ({ message: m, delayMs: 0 }));
      }
      case 'frame':
        return [{ frame: action.bytes, compressed: action.compressed === true }];
      case 'close':
        return [{ close: action.how }];
    }
  }

  closed(stream: FaultyPeerStream): void {
    this.streams.delete(stream);
  }

  private matches(
    r: ActiveRule,
    direction: FaultDirection,
    message: ChaincodeMessage,
    chaincode: string | undefined,
  ): boolean {
    const rule = r.rule;
    if (rule.direction !== direction) return false;
    if (rule.chaincode !== undefined && rule.chaincode !== chaincode) return false;
    if (r.types !== undefined && !r.types.has(message.type)) return false;
    if (rule.match === undefined) return true;
    try {
      return rule.match(message);
    } catch (error) {
      logger.warning('a fault rule match threw; the rule is skipped for this message', { error: errorMessage(error) });
      return false;
    }
  }
}
