import type { CallKind, ClientCore } from './client-core';
import type { PeerCallOptions } from './transaction-peer';

type Call = (...args: unknown[]) => Promise<unknown>;

/**
 * `client.submit` / `client.evaluate`: an object with one function per transaction. A name the
 * contract does not have gives a function that rejects with CC_DEVPEER_CLIENT_UNKNOWN_TRANSACTION
 * (so a JavaScript caller gets a clear error, not "is not a function"); `then` is never a
 * transaction, so the object is not mistaken for a promise. A client made by name learns its
 * transactions on the first call, and checks the name then.
 */
export function callMap(core: ClientCore, kind: CallKind, options: PeerCallOptions, detailed: boolean): object {
  const target = Object.create(null) as Record<string, Call>;
  const pending = new Map<string, Call>();
  const make =
    (name: string): Call =>
    (...args) =>
      core.call(kind, name, args, options, detailed);
  let filled = false;
  const fill = (): void => {
    const description = core.description;
    if (filled || description === undefined) return;
    for (const name of description.transactions.keys()) target[name] = pending.get(name) ?? make(name);
    pending.clear();
    filled = true;
  };
  fill();
  return new Proxy(target, {
    get(_target, prop) {
      if (typeof prop !== 'string') return undefined;
      fill();
      if (Object.hasOwn(target, prop)) return target[prop];
      if (prop === 'then') return undefined;
      if (prop in Object.prototype) return (Object.prototype as Record<string, unknown>)[prop];
      const description = core.description;
      if (description !== undefined) {
        return () => Promise.reject(core.unknownTransaction(description, prop));
      }
      let call = pending.get(prop);
      if (call === undefined) {
        call = make(prop);
        pending.set(prop, call);
      }
      return call;
    },
    has(_target, prop) {
      fill();
      return typeof prop === 'string' && Object.hasOwn(target, prop);
    },
    ownKeys() {
      fill();
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(_target, prop) {
      fill();
      return Reflect.getOwnPropertyDescriptor(target, prop);
    },
    set() {
      return false;
    },
    defineProperty() {
      return false;
    },
    deleteProperty() {
      return false;
    },
  });
}
