import * as ours from '@chaincode/contract-api';
import type { DevPeer } from '@chaincode/dev-peer';
import {
  createContractChaincode,
  startChaincode,
  type ChaincodeClientOptions,
  type ChaincodeSession,
} from '@chaincode/shim';
import { defineChaosContracts } from '../fixtures/chaos-contracts';
import { BINS, Child, FIXTURES } from './children';

/** One running chaincode under test, registered with the chaos peer as `name`. */
export interface Chaincode {
  readonly stack: 'ours' | 'official';
  readonly name: string;
  /** How it runs: 'in process', 'cc-start', 'fabric-chaincode-node start'. */
  readonly runner: string;
  /** The process (or, in process, the session) is still there. */
  readonly alive: boolean;
  /** How the process ended ('exit 1'), when it did. */
  readonly ended: string | undefined;
  /** The child process, when it is one. */
  readonly child: Child | undefined;
  /** What the process wrote, or the session's log lines. */
  output(): string;
  stop(): Promise<void>;
}

/** Fast backoff, so a row with a lost stream registers again within a few hundred ms. */
const FAST_BACKOFF = { initialDelayMs: 20, maxDelayMs: 200 };
const REGISTER_WAIT_MS = 20000;

/** Our contract through the contract API, in this process (createContractChaincode + startChaincode). */
export async function startOursInProcess(
  peer: DevPeer,
  name: string,
  options: Partial<ChaincodeClientOptions> = {},
  logs: readonly string[] = [],
): Promise<Chaincode> {
  const chaincode = createContractChaincode(defineChaosContracts(ours).contracts, {
    info: { title: 'chaos', version: '1.0.0' },
  });
  const session: ChaincodeSession = await startChaincode(chaincode, {
    peerAddress: peer.address,
    chaincodeIdName: name,
    reconnectTimeoutMs: -1,
    backoff: FAST_BACKOFF,
    ...options,
  });
  let closed = false;
  void session.closed.then(() => {
    closed = true;
  });
  await session.ready;
  await peer.waitForChaincode(name, { timeoutMs: REGISTER_WAIT_MS });
  return {
    stack: 'ours',
    name,
    runner: 'in process',
    get alive() {
      return !closed;
    },
    ended: undefined,
    child: undefined,
    output: () => logs.join('\n'),
    stop: () => session.close(),
  };
}

function childChaincode(stack: 'ours' | 'official', name: string, runner: string, child: Child): Chaincode {
  return {
    stack,
    name,
    runner,
    get alive() {
      return child.alive;
    },
    get ended() {
      return child.ended;
    },
    child,
    output: () => child.output,
    stop: () => child.stop(),
  };
}

async function registered(peer: DevPeer, name: string, child: Child): Promise<void> {
  try {
    await Promise.race([
      peer.waitForChaincode(name, { timeoutMs: REGISTER_WAIT_MS }),
      child.exited.then((end) => {
        throw new Error(`exited (${String(end.code ?? end.signal)}) before registering`);
      }),
    ]);
  } catch (error) {
    await child.stop();
    throw new Error(`${name} did not register: ${String(error)}\n${child.output}`);
  }
}

/** Our contract package started by our bin, `cc-start`, as a peer starts a chaincode. */
export async function startOursBin(peer: DevPeer, name: string, args: string[] = []): Promise<Chaincode> {
  const child = new Child(
    BINS.ccStart,
    ['--peer.address', peer.address, '--chaincode-id-name', name, '--module-path', FIXTURES.ours, ...args],
    { CORE_CHAINCODE_LOGGING_LEVEL: 'warning', NODE_OPTIONS: '--expose-gc' },
  );
  await registered(peer, name, child);
  return childChaincode('ours', name, 'cc-start', child);
}

/** The same contract on fabric-contract-api 2.5.8, started by `fabric-chaincode-node start`. */
export async function startOfficial(peer: DevPeer, name: string, args: string[] = []): Promise<Chaincode> {
  const child = new Child(
    BINS.fabricChaincodeNode,
    ['start', '--peer.address', peer.address, '--chaincode-id-name', name, '--module-path', FIXTURES.official, ...args],
    { CORE_CHAINCODE_LOGGING_LEVEL: 'warning', NODE_OPTIONS: '--expose-gc' },
  );
  await registered(peer, name, child);
  return childChaincode('official', name, 'fabric-chaincode-node start', child);
}
