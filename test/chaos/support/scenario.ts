import type { DevPeer } from '@chaincode/dev-peer';
import type { ChaincodeClientOptions } from '@chaincode/shim';
import type { Chaincode } from './stacks';

export type Stack = 'ours' | 'official';

/** What a scenario saw one stack do. */
export interface Observed {
  /** The answer, as it goes in the table: `500 "Expected 2 parameters..."`, `ERROR "..."`, `no answer`. */
  readonly response: string;
  /** True when the chaincode left the scenario's transaction unanswered (only a bound ended the wait). */
  readonly hung?: boolean;
  /** Anything `check` needs beyond the response. */
  readonly details?: Readonly<Record<string, unknown>>;
  /**
   * Self-contained rows (they run their own chaincode, e.g. a TLS server): whether it served
   * correctly afterwards, and whether its process is still there.
   */
  readonly service?: { readonly ok: boolean; readonly detail: string; readonly alive: boolean };
}

/** What a scenario gets to work with. */
export interface RowContext {
  readonly peer: DevPeer;
  readonly stack: Stack;
  /** The chaincode under test (undefined for self-contained rows). */
  readonly cc: Chaincode | undefined;
  /**
   * What the chaincode logged since the row began: a child's output, or (in process) the WARNING
   * and worse lines of our sessions and the dev peer.
   */
  readonly output: () => string;
}

/** How our chaincode runs for a row. */
export type OursRunner =
  | { readonly runner: 'in process'; readonly options?: Partial<ChaincodeClientOptions> }
  | { readonly runner: 'cc-start'; readonly args?: readonly string[] }
  | { readonly runner: 'self' };

/** How the official stack runs for a row. */
export type OfficialRunner =
  | { readonly runner: 'fabric-chaincode-node start'; readonly args?: readonly string[] }
  | { readonly runner: 'self' }
  | { readonly skip: string };

/** One row of the table: a fault, what our chaincode must do, and how to provoke and check it. */
export interface Scenario {
  readonly group: string;
  readonly title: string;
  /** What our chaincode must do (the table's "expected" column). */
  readonly expected: string;
  readonly ours: OursRunner;
  readonly official: OfficialRunner;
  /** The stream may be lost: give the chaincode time to register again before the service check. */
  readonly streamDeath?: boolean;
  /** Per-row jest timeout (default 30 s). */
  readonly timeoutMs?: number;
  run(row: RowContext): Promise<Observed>;
  /** What our chaincode must have done (jest expectations on what `run` observed). */
  check(observed: Observed, row: RowContext): void;
}
