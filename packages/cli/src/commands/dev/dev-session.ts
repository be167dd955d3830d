import { basename } from 'node:path';
import { DevPeer, type HistoryRecord } from '@chaincode/dev-peer';
import type { TextSink } from '../../context';
import { CliError } from '../../errors/cli-error';
import { packageJsonOrEmpty } from '../../project/package-json';
import { startChaincodeProcess, type RunningChaincode } from './chaincode-host';
import type { ControlRequest, ControlTarget } from './control-server';
import { IdentityBook, type NamedIdentity } from './identities';
import type { ShownResult } from './render-result';
import { inSelection, type KeySelection } from './state-keys';
import { findTransaction, listTransactions, type TransactionInfo } from './transactions';

export interface DevSessionOptions {
  readonly modulePath: string;
  readonly name?: string;
  readonly verbose?: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where the contract's own output goes. */
  readonly output: TextSink;
  /** Extra node arguments for the chaincode process (tests: a TypeScript loader). */
  readonly execArgv?: readonly string[];
  /** Keep the ledger in this directory (the dev peer's `dataDir`): it outlives the session. */
  readonly dataDir?: string;
}

export interface RunOptions {
  readonly transient?: Readonly<Record<string, string>>;
  /** Default: the session's current identity. */
  readonly identity?: NamedIdentity;
}

/**
 * A contract module running on an embedded dev peer: the contract runs in a process of its own and
 * registers over gRPC on 127.0.0.1 exactly as with a Fabric peer, so what works here works there.
 * The ledger lives in the dev peer, so a redeploy (a new chaincode process) keeps the state; a
 * cancelled transaction kills the chaincode process, which fails the transaction before it commits,
 * and starts a new one.
 */
export class DevSession implements ControlTarget {
  readonly name: string;
  readonly identities: IdentityBook;
  identity: NamedIdentity;
  #transactions: readonly TransactionInfo[] = [];
  readonly #peer: DevPeer;
  readonly #options: DevSessionOptions;
  #chaincode: RunningChaincode | undefined;
  #down: string | undefined;
  #inFlight = 0;
  #cancelled = false;
  /** The (re)deploy in progress: transactions wait for it. */
  #deploying: Promise<void> | undefined;
  readonly #idleWaiters: (() => void)[] = [];

  private constructor(peer: DevPeer, options: DevSessionOptions, name: string) {
    this.#peer = peer;
    this.#options = options;
    this.name = name;
    this.identities = new IdentityBook(peer);
    this.identity = this.identities.default;
  }

  static async start(options: DevSessionOptions): Promise<DevSession> {
    const name = options.name ?? packageName(options.modulePath);
    const peer = await DevPeer.start(options.dataDir === undefined ? {} : { dataDir: options.dataDir });
    const session = new DevSession(peer, options, name);
    try {
      await session.deploy();
      return session;
    } catch (err) {
      await peer.stop();
      throw err;
    }
  }

  get peerAddress(): string {
    return this.#peer.address;
  }

  get transactions(): readonly TransactionInfo[] {
    return this.#transactions;
  }

  /** True while a transaction runs. */
  get busy(): boolean {
    return this.#inFlight > 0;
  }

  /** Why the chaincode is not running (a redeploy failed), or undefined when it runs. */
  get down(): string | undefined {
    return this.#down;
  }

  /** (Re)start the chaincode process from the module as it is now; the ledger is kept. */
  async deploy(): Promise<void> {
    const previous = this.#deploying ?? Promise.resolve();
    const next = previous.then(() => this.#deploy());
    this.#deploying = next.catch(() => undefined);
    await next;
  }

  async #deploy(): Promise<void> {
    await this.#chaincode?.stop();
    this.#chaincode = undefined;
    try {
      // the project's CouchDB indexes (META-INF/statedb/couchdb), for rich queries with a sort
      this.#peer.installIndexes(this.name, { modulePath: this.#options.modulePath });
      const chaincode = await startChaincodeProcess({
        config: {
          modulePath: this.#options.modulePath,
          peerAddress: this.#peer.address,
          chaincodeIdName: this.name,
          localMspId: this.identities.default.identity.mspId,
          verbose: this.#options.verbose === true,
        },
        output: this.#options.output,
        env: this.#options.env,
        execArgv: this.#options.execArgv,
      });
      this.#chaincode = chaincode;
      this.#transactions = listTransactions(chaincode.metadata);
      this.#down = undefined;
    } catch (err) {
      this.#down = err instanceof Error ? err.message : String(err);
      throw err;
    }
  }

  /**
   * Run a transaction. `kind` undefined: submit or evaluate as the metadata tags it (submit when
   * unknown). `fcn` may be `Name` or `Contract:Name`, and is sent as given when not in the metadata.
   */
  async run(
    kind: 'submit' | 'evaluate' | undefined,
    request: ControlRequest,
    options: RunOptions = {},
  ): Promise<ShownResult> {
    await this.#deploying; // a restart (redeploy, cancel) finishes first
    if (this.#down !== undefined) {
      throw new CliError(
        'CC_CLI_CHAINCODE_EXITED',
        `the chaincode is not running (${this.#down.split('\n', 1)[0] ?? ''}); fix it and save`,
      );
    }
    const tx = findTransaction(this.#transactions, request.fcn);
    const how = kind ?? tx?.kind ?? 'submit';
    const name = tx?.fcn ?? request.fcn;
    const who =
      options.identity ?? (request.identity === undefined ? this.identity : this.identities.resolve(request.identity));
    const transient = request.transient ?? {};
    const txOptions = {
      identity: who.identity,
      ...(Object.keys(transient).length === 0
        ? {}
        : { transient: Object.fromEntries(Object.entries(transient).map(([k, v]) => [k, Buffer.from(v)])) }),
    };
    this.#inFlight++;
    try {
      const call = [name, ...request.args];
      const r =
        how === 'submit'
          ? await this.#peer.submit(this.name, call, txOptions)
          : await this.#peer.evaluate(this.name, call, txOptions);
      const cancelled = this.#cancelled && r.status >= 400;
      return {
        kind: how,
        fcn: name,
        txId: r.txId,
        status: r.status,
        message: cancelled ? `cancelled: the chaincode was restarted, nothing was committed (${r.message})` : r.message,
        payload: r.payload,
        committed: r.committed,
        identity: who.label,
        event: r.event,
      };
    } finally {
      this.#inFlight--;
      if (this.#inFlight === 0) {
        this.#cancelled = false;
        for (const wake of this.#idleWaiters.splice(0)) wake();
      }
    }
  }

  /** Resolves once no transaction runs (each is bounded by the peer's execute timeout). */
  async whenIdle(): Promise<void> {
    if (this.#inFlight === 0) return;
    await new Promise<void>((resolve) => {
      this.#idleWaiters.push(resolve);
    });
  }

  /**
   * Cancel the running transactions: the chaincode process is killed (the peer fails what was in
   * flight; nothing of it commits) and started again. False when nothing was running.
   */
  async cancel(): Promise<boolean> {
    if (this.#inFlight === 0) return false;
    this.#cancelled = true;
    await this.deploy();
    return true;
  }

  /** Committed entries of the public state (or a collection) that the selection takes, in key order. */
  state(selection: KeySelection, collection?: string): { key: string; value: Uint8Array }[] {
    const where = collection === undefined ? {} : { collection };
    if (selection.kind === 'key') {
      const value = this.#peer.getState(this.name, selection.key, where);
      return value === undefined ? [] : [{ key: selection.key, value }];
    }
    const range =
      selection.kind === 'prefix'
        ? { prefix: selection.prefix }
        : selection.kind === 'range'
          ? { startKey: selection.start, endKey: selection.end }
          : {};
    return this.#peer
      .state(this.name, { ...where, ...range })
      .filter((e) => inSelection(selection, e.key))
      .map((e) => ({ key: e.key, value: e.value }));
  }

  /** A key's committed history, newest first. */
  history(key: string): HistoryRecord[] {
    return this.#peer.getHistory(this.name, key);
  }

  async close(): Promise<void> {
    await this.#chaincode?.stop();
    await this.#peer.stop();
  }
}

function packageName(modulePath: string): string {
  const { name } = packageJsonOrEmpty(modulePath);
  // no package.json (or no name in it): the directory's name
  return typeof name === 'string' && name !== '' ? name.replace(/^@[^/]+\//, '') : basename(modulePath);
}
