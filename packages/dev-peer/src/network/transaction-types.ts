import type { Identity } from '../ca/identity';
import type { ValidationCode } from '../commit/validation-code';
import type { ReadWriteSet } from '../simulation/read-write-set';

export interface TransactionOptions {
  /** Default: the network's channel. */
  readonly channelId?: string;
  readonly transient?: Readonly<Record<string, Uint8Array>>;
  /** Default: the network's `defaultIdentity` (User1 of the first org). */
  readonly identity?: Identity;
  /** Send INIT instead of TRANSACTION (ChaincodeInput.is_init set, as `--isInit` does). */
  readonly init?: boolean;
  /**
   * Endorse on the peers of exactly these orgs, as a Gateway client's `setEndorsingOrganizations`
   * does; for an evaluate, the org whose peer answers. Default: a peer of the client's org first,
   * then as many other orgs' peers as the transaction's endorsement policies need (the Gateway's
   * endorsement plan).
   */
  readonly endorsingOrgs?: readonly string[];
}

/** The chaincode event of a transaction, as the endorser completes it. */
export interface TransactionEvent {
  readonly name: string;
  readonly payload: Uint8Array;
  readonly chaincodeId: string;
  readonly txId: string;
}

export interface TransactionResult {
  readonly txId: string;
  /** Response.status; 500 when the chaincode answered ERROR, timed out or went away, or the endorsement failed. */
  readonly status: number;
  readonly message: string;
  readonly payload: Uint8Array;
  /** Only when status < 400 (the endorser drops the event of a failed proposal). */
  readonly event?: TransactionEvent;
  /** True when the transaction was committed as VALID (its writes are applied). */
  readonly committed: boolean;
  /** What the (first) endorsing peer's simulation read and wrote. */
  readonly rwset: ReadWriteSet;
  /** The commit status of a submitted transaction that was ordered (absent for evaluate and failed endorsements). */
  readonly validationCode?: ValidationCode;
  /** Why it is invalid, as the validating peer logs it (a Fabric client sees only the code). */
  readonly validationMessage?: string;
  /** The block it was committed in (valid or not). */
  readonly blockNumber?: number;
  /** MSP IDs of the peers that endorsed it. */
  readonly endorsingOrgs: readonly string[];
}

export interface StateQueryOptions {
  readonly channelId?: string;
  readonly collection?: string;
}
