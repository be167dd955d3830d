import type { ChaincodeInterface, ChaincodeResponse, ChaincodeStub } from '@chaincode/contract-api';
import { KeyEndorsementPolicy, Shim } from '@chaincode/shim';

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
const ok = (value: string | Uint8Array = ''): ChaincodeResponse =>
  Shim.success(typeof value === 'string' ? Buffer.from(value) : Buffer.from(value));

interface Gate {
  reached: Promise<void>;
  markReached: () => void;
  opened: Promise<void>;
  open: () => void;
}

const gates = new Map<string, Gate>();

function gate(name: string): Gate {
  let found = gates.get(name);
  if (found === undefined) {
    let markReached = (): void => undefined;
    let open = (): void => undefined;
    const reached = new Promise<void>((resolve) => {
      markReached = resolve;
    });
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    found = { reached, markReached, opened, open };
    gates.set(name, found);
  }
  return found;
}

/**
 * Hold a transaction mid-simulation: `reached` resolves when the chaincode is at the gate named
 * `name` (after its reads), `open()` lets it go on. Makes interleavings deterministic.
 */
export function holdAt(name: string): { reached: Promise<void>; open: () => void } {
  const g = gate(name);
  return { reached: g.reached, open: g.open };
}

async function passGate(name: string): Promise<void> {
  const g = gate(name);
  g.markReached();
  await g.opened;
}

type Handler = (stub: ChaincodeStub, params: string[]) => Promise<ChaincodeResponse>;

async function rangeKeys(stub: ChaincodeStub, start: string, end: string, limit: number): Promise<string> {
  const keys: string[] = [];
  for await (const kv of stub.getStateByRange(start, end)) {
    keys.push(kv.key);
    if (keys.length >= limit) break;
  }
  return keys.join(',');
}

const handlers: Record<string, Handler> = {
  put: async (stub, [key = '', value = '']) => {
    await stub.putState(key, Buffer.from(value));
    return ok();
  },
  get: async (stub, [key = '']) => ok(await stub.getState(key)),
  /** putState(createCompositeKey(objectType, attributes), value). */
  putComposite: async (stub, [objectType = '', value = '', ...attributes]) => {
    await stub.putState(stub.createCompositeKey(objectType, attributes), Buffer.from(value));
    return ok();
  },
  del: async (stub, [key = '']) => {
    await stub.deleteState(key);
    return ok();
  },
  /** Read a key and write it back incremented: the read-modify-write that conflicts. */
  inc: async (stub, [key = '']) => {
    const next = Number(text(await stub.getState(key)) || '0') + 1;
    await stub.putState(key, Buffer.from(String(next)));
    stub.setEvent('incremented', Buffer.from(`${key}=${String(next)}`));
    return ok(String(next));
  },
  /** `inc`, held at gate `gateName` between its read and its write. */
  incAt: async (stub, [key = '', gateName = '']) => {
    const next = Number(text(await stub.getState(key)) || '0') + 1;
    await passGate(gateName);
    await stub.putState(key, Buffer.from(String(next)));
    return ok(String(next));
  },
  /** `count`, held at gate `gateName` between its range read and its write. */
  countAt: async (stub, [start = '', end = '', gateName = '']) => {
    const keys = await rangeKeys(stub, start, end, 1000);
    await passGate(gateName);
    await stub.putState('count', Buffer.from(String(keys === '' ? 0 : keys.split(',').length)));
    return ok(keys);
  },
  /** Count the keys of a range and write the count: a phantom read when the range changes. */
  count: async (stub, [start = '', end = '', target = 'count']) => {
    const keys = await rangeKeys(stub, start, end, 1000);
    const n = keys === '' ? 0 : keys.split(',').length;
    await stub.putState(target, Buffer.from(String(n)));
    return ok(String(n));
  },
  /** The first `limit` keys of a range. */
  range: async (stub, [start = '', end = '', limit = '1000']) => ok(await rangeKeys(stub, start, end, Number(limit))),
  /** Key-level policy: every listed org's peers (KeyEndorsementPolicy's "all of them"). */
  sbe: async (stub, [key = '', ...orgs]) => {
    const ep = new KeyEndorsementPolicy();
    ep.addOrgs('PEER', ...orgs);
    await stub.setStateValidationParameter(key, ep.getPolicy());
    return ok();
  },
  sbePrivate: async (stub, [collection = '', key = '', ...orgs]) => {
    const ep = new KeyEndorsementPolicy();
    ep.addOrgs('PEER', ...orgs);
    await stub.setPrivateDataValidationParameter(collection, key, ep.getPolicy());
    return ok();
  },
  /** Private write of the transient field "value". */
  putPrivate: async (stub, [collection = '', key = '']) => {
    const value = stub.getTransient().get('value') ?? Buffer.from('');
    await stub.putPrivateData(collection, key, value);
    return ok();
  },
  getPrivate: async (stub, [collection = '', key = '']) => ok(await stub.getPrivateData(collection, key)),
  hashPrivate: async (stub, [collection = '', key = '']) =>
    ok(Buffer.from(await stub.getPrivateDataHash(collection, key)).toString('hex')),
  delPrivate: async (stub, [collection = '', key = '']) => {
    await stub.deletePrivateData(collection, key);
    return ok();
  },
  mspid: (stub) => Promise.resolve(ok(stub.getMspID())),
  /** Different on every peer (and every call): what a non-deterministic chaincode does. */
  random: async (stub) => {
    await stub.putState('random', Buffer.from(String(Math.random())));
    return ok();
  },
  event: (stub, [name = 'evt', payload = '']) => {
    stub.setEvent(name, Buffer.from(payload));
    return Promise.resolve(ok());
  },
  /** invokeChaincode(name, args, channel): answers the callee's status and payload. */
  call: async (stub, [name = '', channel = '', ...args]) => {
    const r = await stub.invokeChaincode(name, args, channel === '' ? undefined : channel);
    return ok(`${String(r.status)}:${text(r.payload ?? new Uint8Array(0))}`);
  },
  fail: (_stub, [message = 'failed']) => Promise.resolve(Shim.error(message)),
};

/** A low-level key/value chaincode with one function per behaviour the tests exercise. */
export const kvChaincode: ChaincodeInterface = {
  Init: () => Shim.success(),
  async Invoke(stub: ChaincodeStub) {
    const { fcn, params } = stub.getFunctionAndParameters();
    const handler = handlers[fcn];
    if (handler === undefined) return Shim.error(`unknown function ${fcn}`);
    try {
      return await handler(stub, params);
    } catch (error) {
      return Shim.error(error instanceof Error ? error.message : String(error));
    }
  },
};

export const utf8 = text;
