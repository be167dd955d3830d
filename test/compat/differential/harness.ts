import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import type { ChaincodeStub } from '@chaincode/contract-api';
import type { DevPeer, Identity, TransactionResult } from '@chaincode/dev-peer';
import { ClientIdentity, KeyEndorsementPolicy, Shim, startChaincode, type ChaincodeSession } from '@chaincode/shim';
import { MessageType, protos, type ChaincodeMessage } from '@chaincode/shim/internal';
import { PROBE_FUNCTION, runCall, seed, SEED_FUNCTION, type Call, type Report, type StackClasses } from './probe';

const OURS_CLASSES: StackClasses = {
  ClientIdentity: ClientIdentity as unknown as StackClasses['ClientIdentity'],
  KeyEndorsementPolicy: KeyEndorsementPolicy as unknown as StackClasses['KeyEndorsementPolicy'],
};

/** The names the two probe chaincodes register with, and the callee both may invoke. */
export const OURS = 'ours';
export const OFFICIAL = 'official';
export const ECHO = 'echo';

export interface Sides<T> {
  readonly ours: T;
  readonly theirs: T;
}

/**
 * Our probe chaincode: runs the call on our stub, then has fabric-shim's run it on the same
 * transaction (invokeChaincode: the peer hands it the very same signed proposal, txid and
 * timestamp), and answers both reports.
 */
export function oursProbeChaincode(official: string): Parameters<typeof startChaincode>[0] {
  return {
    Init: () => Shim.success(),
    Invoke: async (stub: ChaincodeStub) => {
      const args = stub.getBufferArgs();
      const fcn = args[0]?.toString('utf8');
      if (fcn === SEED_FUNCTION) {
        await seed(stub, Number(args[1]?.toString('utf8')));
        const theirs = await stub.invokeChaincode(official, args);
        return theirs.status === 200 ? Shim.success() : Shim.error(`official seed: ${theirs.message}`);
      }
      if (fcn !== PROBE_FUNCTION) return Shim.error(`unknown function ${String(fcn)}`);
      const call = JSON.parse(args[1]?.toString('utf8') ?? '') as Call;
      const ours = await runCall(stub, OURS_CLASSES, call);
      let theirs: unknown;
      try {
        const answer = await stub.invokeChaincode(official, args);
        theirs =
          answer.status === 200
            ? (JSON.parse(Buffer.from(answer.payload ?? []).toString('utf8')) as Report)
            : { failed: answer.message };
      } catch (err) {
        theirs = { failed: (err as Error).message };
      }
      return Shim.success(Buffer.from(JSON.stringify({ ours, theirs })));
    },
  };
}

/** A third chaincode both probes may call with invokeChaincode: answers its arguments. */
export const echoChaincode: Parameters<typeof startChaincode>[0] = {
  Init: () => Shim.success(),
  Invoke: (stub: ChaincodeStub) => {
    const args = stub.getBufferArgs().map((arg) => arg.toString('hex'));
    return Shim.success(Buffer.from(JSON.stringify(args)));
  },
};

/** fabric-shim 2.5.8 in a child process, running the probe transpiled from probe.ts. */
export class OfficialProcess {
  readonly #child: ChildProcess;
  readonly #dir: string;
  output = '';

  private constructor(child: ChildProcess, dir: string) {
    this.#child = child;
    this.#dir = dir;
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-20000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static start(peerAddress: string, name: string, env: Record<string, string>): OfficialProcess {
    const dir = mkdtempSync(join(tmpdir(), 'cc-differential-'));
    const source = readFileSync(join(__dirname, 'probe.ts'), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    });
    const probePath = join(dir, 'probe.js');
    writeFileSync(probePath, outputText);
    const fixture = join(__dirname, '..', 'fixtures', 'official-probe-chaincode.js');
    const child = spawn(process.execPath, [fixture, '--peer.address', peerAddress, '--chaincode-id-name', name], {
      env: {
        PATH: process.env.PATH ?? '',
        PROBE_MODULE: probePath,
        CORE_CHAINCODE_LOGGING_LEVEL: 'critical',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new OfficialProcess(child, dir);
  }

  async stop(): Promise<void> {
    const child = this.#child;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => {
        child.once('exit', () => {
          resolve();
        });
      });
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

/** Start ours, the official (child process) and the echo callee against `peer`, all registered. */
export async function startStacks(
  peer: DevPeer,
  names: { ours: string; official: string },
  options: { localMspId?: string } = {},
): Promise<{ sessions: ChaincodeSession[]; official: OfficialProcess; stop(): Promise<void> }> {
  const official = OfficialProcess.start(
    peer.address,
    names.official,
    options.localMspId === undefined ? {} : { CORE_PEER_LOCALMSPID: options.localMspId },
  );
  const sessions: ChaincodeSession[] = [];
  const stop = async (): Promise<void> => {
    for (const session of sessions) await session.close();
    await official.stop();
  };
  try {
    sessions.push(
      await startChaincode(oursProbeChaincode(names.official), {
        peerAddress: peer.address,
        chaincodeIdName: names.ours,
        ...(options.localMspId === undefined ? {} : { localMspId: options.localMspId }),
      }),
    );
    for (const name of [names.ours, names.official]) await peer.waitForChaincode(name, { timeoutMs: 15000 });
  } catch (err) {
    await stop();
    throw new Error(`the stacks did not start: ${(err as Error).message}\n${official.output}`);
  }
  return { sessions, official, stop };
}

// ---- what each chaincode sent the peer during one transaction ----

function hex(bytes: Uint8Array | null | undefined): string {
  return Buffer.from(bytes ?? []).toString('hex');
}

function queryMetadata(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return null;
  const m = protos.QueryMetadata.decode(bytes);
  return { pageSize: m.pageSize, bookmark: m.bookmark };
}

/** A request as the peer reads it; query ids are numbered in order of first use. */
function decodeRequest(message: ChaincodeMessage, ids: Map<string, number>): unknown {
  const p = message.payload;
  const idOf = (id: string): string => {
    if (!ids.has(id)) ids.set(id, ids.size);
    return `#${String(ids.get(id))}`;
  };
  const type = (MessageType[message.type] as string | undefined) ?? String(message.type);
  switch (message.type) {
    case MessageType.GET_STATE:
    case MessageType.GET_PRIVATE_DATA_HASH: {
      const r = protos.GetState.decode(p);
      return { type, key: r.key, collection: r.collection };
    }
    case MessageType.PUT_STATE: {
      const r = protos.PutState.decode(p);
      return { type, key: r.key, value: hex(r.value), collection: r.collection };
    }
    case MessageType.DEL_STATE:
    case MessageType.PURGE_PRIVATE_DATA: {
      const r = protos.DelState.decode(p);
      return { type, key: r.key, collection: r.collection };
    }
    case MessageType.GET_STATE_BY_RANGE: {
      const r = protos.GetStateByRange.decode(p);
      return {
        type,
        startKey: r.startKey,
        endKey: r.endKey,
        collection: r.collection,
        metadata: queryMetadata(r.metadata),
      };
    }
    case MessageType.GET_QUERY_RESULT: {
      const r = protos.GetQueryResult.decode(p);
      return { type, query: r.query, collection: r.collection, metadata: queryMetadata(r.metadata) };
    }
    case MessageType.QUERY_STATE_NEXT:
      return { type, id: idOf(protos.QueryStateNext.decode(p).id) };
    case MessageType.QUERY_STATE_CLOSE:
      return { type, id: idOf(protos.QueryStateClose.decode(p).id) };
    case MessageType.GET_HISTORY_FOR_KEY:
      return { type, key: protos.GetHistoryForKey.decode(p).key };
    case MessageType.GET_STATE_METADATA: {
      const r = protos.GetStateMetadata.decode(p);
      return { type, key: r.key, collection: r.collection };
    }
    case MessageType.PUT_STATE_METADATA: {
      const r = protos.PutStateMetadata.decode(p);
      return {
        type,
        key: r.key,
        collection: r.collection,
        metakey: r.metadata?.metakey,
        value: hex(r.metadata?.value),
      };
    }
    case MessageType.INVOKE_CHAINCODE: {
      const r = protos.ChaincodeSpec.decode(p);
      return { type, name: r.chaincodeId?.name, args: (r.input?.args ?? []).map(hex) };
    }
    default:
      return { type, payload: hex(p) };
  }
}

export interface Traffic {
  /** Requests other than QUERY_STATE_CLOSE, decoded. */
  readonly requests: unknown[];
  /** How many QUERY_STATE_CLOSE were sent. */
  readonly closes: number;
  /** The chaincode event sent with COMPLETED. */
  readonly event: { name: string; payload: string } | null;
}

/** Record what `name` sends for one transaction; `ignore` drops the harness's own requests. */
export function recordTraffic(
  peer: DevPeer,
  name: string,
  ignore: (message: ChaincodeMessage) => boolean = () => false,
): { stop(txId: string): Traffic } {
  const messages: ChaincodeMessage[] = [];
  const unsubscribe = peer.connection(name).onMessage((message) => {
    messages.push(message);
  });
  return {
    stop(txId: string): Traffic {
      unsubscribe();
      const ids = new Map<string, number>();
      const requests: unknown[] = [];
      let closes = 0;
      let event: Traffic['event'] = null;
      for (const message of messages) {
        if (message.txid !== txId || ignore(message)) continue;
        // closes are compared on their own: ours skips them after the last page (intended)
        if (message.type === MessageType.COMPLETED) {
          const e = message.chaincodeEvent;
          if (e !== null && e !== undefined && e.eventName !== '') {
            event = { name: e.eventName ?? '', payload: hex(e.payload) };
          }
        } else if (message.type === MessageType.QUERY_STATE_CLOSE) {
          closes++;
          decodeRequest(message, ids);
        } else {
          requests.push(decodeRequest(message, ids));
        }
      }
      return { requests, closes, event };
    },
  };
}

/** The part of a read-write set that belongs to one namespace, with the namespace left out. */
export function rwsetOf(result: TransactionResult, namespace: string): unknown {
  const rwset = result.rwset;
  const mine = <T extends { namespace: string }>(items: readonly T[]): Omit<T, 'namespace'>[] =>
    items
      .filter((item) => item.namespace === namespace)
      .map(({ namespace: _ns, ...rest }) => {
        const copy: Record<string, unknown> = { ...rest };
        for (const [k, value] of Object.entries(copy)) {
          if (value instanceof Uint8Array) copy[k] = hex(value);
          if (k === 'metadata' && typeof value === 'object' && value !== null) {
            copy[k] = Object.fromEntries(
              Object.entries(value as Record<string, Uint8Array>).map(([mk, mv]) => [mk, hex(mv)]),
            );
          }
        }
        return copy as Omit<T, 'namespace'>;
      });
  return {
    reads: mine(rwset.reads),
    rangeQueries: mine(rwset.rangeQueries),
    writes: mine(rwset.writes),
    metadataWrites: mine(rwset.metadataWrites),
    privateReads: mine(rwset.privateReads),
    privateWrites: mine(rwset.privateWrites),
  };
}

/** The identity a case runs as. */
export function identityFor(peer: DevPeer, name: 'default' | 'attributes' | 'not-a-certificate'): Identity {
  if (name === 'default') return peer.defaultIdentity;
  if (name === 'attributes') {
    return peer.createIdentity({
      mspId: 'Org2MSP',
      commonName: 'alice/admin',
      attributes: { role: 'auditor', empty: '' },
      ous: ['client', 'org2/dept1'],
    });
  }
  return { ...peer.defaultIdentity, certificate: 'not a certificate' };
}
