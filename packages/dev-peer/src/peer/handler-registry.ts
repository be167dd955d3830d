import { DevPeerError } from '../errors/dev-peer-error';
import type { ChaincodeHandler } from './chaincode-handler';

interface Waiter {
  ready(handler: ChaincodeHandler): void;
  fail(error: Error): void;
}

/**
 * Registered chaincodes by name. A chaincode registering a name already in use replaces the
 * previous stream for new transactions (a Fabric peer refuses with "duplicate chaincodeID"; the
 * dev peer lets a restarted chaincode take over before its old stream is noticed gone).
 */
export class HandlerRegistry {
  private readonly handlers = new Map<string, ChaincodeHandler>();
  private readonly waiters = new Map<string, Set<Waiter>>();

  register(name: string, handler: ChaincodeHandler): void {
    this.handlers.set(name, handler);
    const waiting = this.waiters.get(name);
    if (waiting === undefined) return;
    this.waiters.delete(name);
    // Resolved promises continue after the current task, i.e. after REGISTERED and READY are sent.
    for (const waiter of waiting) waiter.ready(handler);
  }

  remove(name: string, handler: ChaincodeHandler): void {
    if (this.handlers.get(name) === handler) this.handlers.delete(name);
  }

  get(name: string): ChaincodeHandler | undefined {
    const handler = this.handlers.get(name);
    return handler !== undefined && handler.isReady ? handler : undefined;
  }

  names(): string[] {
    return [...this.handlers.keys()];
  }

  wait(name: string, timeoutMs: number): Promise<ChaincodeHandler> {
    const existing = this.get(name);
    if (existing !== undefined) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      let waiting = this.waiters.get(name);
      if (waiting === undefined) {
        waiting = new Set();
        this.waiters.set(name, waiting);
      }
      const set = waiting;
      const waiter: Waiter = {
        ready: (handler) => {
          clearTimeout(timer);
          resolve(handler);
        },
        fail: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        set.delete(waiter);
        reject(
          new DevPeerError('CC_DEVPEER_TIMEOUT', `chaincode ${name} did not register within ${String(timeoutMs)} ms`),
        );
      }, timeoutMs);
      set.add(waiter);
    });
  }

  /** Forget every chaincode and reject every waiter (the peer stops). */
  clear(): void {
    this.handlers.clear();
    const error = new DevPeerError('CC_DEVPEER_STOPPED', 'the dev peer was stopped');
    for (const set of this.waiters.values()) for (const waiter of set) waiter.fail(error);
    this.waiters.clear();
  }
}
