import type { ChaincodeInterface, ChaincodeResponse, ChaincodeStub } from '@chaincode/contract-api';
import { DevPeer, type DevPeerOptions } from '@chaincode/dev-peer';
import {
  configureLogging,
  Shim,
  startChaincode,
  type ChaincodeClientOptions,
  type ChaincodeSession,
} from '@chaincode/shim';
import type { ChaincodeMessage } from '@chaincode/shim/internal';

/** Keep the shim quiet in tests unless a test asks for its lines. */
export function quietLogs(lines?: string[]): void {
  configureLogging({
    level: 'warning',
    shimLevel: 'warning',
    sink: (line) => {
      lines?.push(line);
    },
  });
}

export type TestFunction = (stub: ChaincodeStub, params: string[]) => unknown;

/**
 * A low-level chaincode whose functions are registered by the tests: `Invoke` runs
 * `functions[fcn](stub, params)` and answers 200 with its result (bytes as is, anything else as JSON).
 */
export class FunctionTable implements ChaincodeInterface {
  readonly functions = new Map<string, TestFunction>();
  #next = 0;

  /** Register `fn` under a fresh name and return the name. */
  add(fn: TestFunction): string {
    const name = `fn${String(this.#next++)}`;
    this.functions.set(name, fn);
    return name;
  }

  async Init(stub: ChaincodeStub): Promise<ChaincodeResponse> {
    return this.Invoke(stub);
  }

  async Invoke(stub: ChaincodeStub): Promise<ChaincodeResponse> {
    const { fcn, params } = stub.getFunctionAndParameters();
    const fn = this.functions.get(fcn);
    if (fn === undefined) return Shim.error(`no test function ${fcn}`);
    const result = await fn(stub, params);
    if (result instanceof Uint8Array) return Shim.success(result);
    return Shim.success(Buffer.from(JSON.stringify(result ?? null)));
  }
}

export interface Pair {
  readonly peer: DevPeer;
  readonly session: ChaincodeSession;
  readonly name: string;
  stop(): Promise<void>;
}

/** A dev peer and a chaincode connected to it in client mode, READY. */
export async function startPair(
  chaincode: ChaincodeInterface,
  options: { peer?: DevPeerOptions; client?: Partial<ChaincodeClientOptions>; name?: string } = {},
): Promise<Pair> {
  const peer = await DevPeer.start(options.peer);
  const name = options.name ?? 'testcc';
  let session: ChaincodeSession;
  try {
    session = await startChaincode(chaincode, {
      peerAddress: peer.address,
      chaincodeIdName: name,
      ...(peer.tlsRootCert !== undefined
        ? { tls: { rootCert: peer.tlsRootCert, serverNameOverride: 'localhost' } }
        : {}),
      ...options.client,
    });
    await session.ready;
    await peer.waitForChaincode(name, { timeoutMs: 5000 });
  } catch (err) {
    await peer.stop();
    throw err;
  }
  return {
    peer,
    session,
    name,
    async stop(): Promise<void> {
      await session.close();
      await peer.stop();
    },
  };
}

/** Collect what the chaincode sends on its stream. */
export function recordMessages(pair: Pair): { messages: ChaincodeMessage[]; stop(): void } {
  const messages: ChaincodeMessage[] = [];
  const stop = pair.peer.connection(pair.name).onMessage((message) => {
    messages.push(message);
  });
  return { messages, stop };
}

/** Wait until `predicate` holds, polling; fails after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const text = (bytes: Uint8Array | null | undefined): string =>
  Buffer.from(bytes ?? new Uint8Array(0)).toString('utf8');
export const json = (bytes: Uint8Array): unknown => JSON.parse(text(bytes)) as unknown;
