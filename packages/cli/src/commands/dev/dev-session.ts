import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DevPeer } from '@chaincode/dev-peer';
import { startChaincode, type ChaincodeSession } from '@chaincode/shim';
import { loadChaincodeForCommand } from '@chaincode/shim/internal';
import type { ShownResult } from './render-result';
import { findTransaction, listTransactions, type TransactionInfo } from './transactions';

/**
 * A contract module running on an embedded dev peer: the shim registers it over gRPC on
 * 127.0.0.1 exactly as it would with a Fabric peer, so what works here works there.
 */
export class DevSession {
  readonly name: string;
  readonly transactions: readonly TransactionInfo[];
  readonly #peer: DevPeer;
  readonly #session: ChaincodeSession;

  private constructor(name: string, peer: DevPeer, session: ChaincodeSession, transactions: TransactionInfo[]) {
    this.name = name;
    this.#peer = peer;
    this.#session = session;
    this.transactions = transactions;
  }

  static async start(modulePath: string, name?: string): Promise<DevSession> {
    const chaincode = await loadChaincodeForCommand(modulePath);
    const chaincodeName = name ?? packageName(modulePath);
    const peer = await DevPeer.start();
    try {
      // the project's CouchDB indexes (META-INF/statedb/couchdb), for rich queries with a sort
      peer.installIndexes(chaincodeName, { modulePath });
      const session = await startChaincode(chaincode, { peerAddress: peer.address, chaincodeIdName: chaincodeName });
      await peer.waitForChaincode(chaincodeName, { timeoutMs: 10000 });
      return new DevSession(chaincodeName, peer, session, listTransactions(chaincode.metadata));
    } catch (err) {
      await peer.stop();
      throw err;
    }
  }

  get peerAddress(): string {
    return this.#peer.address;
  }

  /**
   * Run a transaction. `kind` undefined: submit or evaluate as the metadata tags it (submit when
   * unknown). `fcn` may be `Name` or `Contract:Name`, and is sent as given when not in the metadata.
   */
  async run(
    kind: 'submit' | 'evaluate' | undefined,
    fcn: string,
    args: readonly string[],
    transient: Readonly<Record<string, string>> = {},
  ): Promise<ShownResult> {
    const tx = findTransaction(this.transactions, fcn);
    const how = kind ?? tx?.kind ?? 'submit';
    const name = tx?.fcn ?? fcn;
    const call = [name, ...args];
    const options =
      Object.keys(transient).length === 0
        ? {}
        : { transient: Object.fromEntries(Object.entries(transient).map(([k, v]) => [k, Buffer.from(v)])) };
    const r =
      how === 'submit'
        ? await this.#peer.submit(this.name, call, options)
        : await this.#peer.evaluate(this.name, call, options);
    return {
      kind: how,
      fcn: name,
      txId: r.txId,
      status: r.status,
      message: r.message,
      payload: r.payload,
      committed: r.committed,
      event: r.event,
    };
  }

  /** The committed value of a key (in a private data collection when named), or undefined. */
  state(key: string, collection?: string): Uint8Array | undefined {
    return this.#peer.getState(this.name, key, collection === undefined ? {} : { collection });
  }

  async close(): Promise<void> {
    await this.#session.close().catch(() => undefined);
    await this.#peer.stop();
  }
}

function packageName(modulePath: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(modulePath, 'package.json'), 'utf8')) as { name?: unknown };
    if (typeof pkg.name === 'string' && pkg.name !== '') return pkg.name.replace(/^@[^/]+\//, '');
  } catch {
    // no package.json: use the directory name
  }
  return basename(modulePath);
}
