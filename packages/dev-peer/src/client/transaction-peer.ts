import type { Identity } from '../ca/identity';

/** The fields of a peer's answer the client reads (the dev peer's `TransactionResult` has more). */
export interface PeerResult {
  readonly txId: string;
  readonly status: number;
  readonly message: string;
  readonly payload: Uint8Array;
}

/** The options of one raw call (what `DevPeer.submit`/`evaluate` take). */
export interface PeerCallOptions {
  readonly channelId?: string;
  readonly transient?: Readonly<Record<string, Uint8Array>>;
  readonly identity?: Identity;
}

/**
 * What the typed client needs of a peer: the raw byte API. `DevPeer` is one; any object with these
 * two methods (a network of peers, a recording wrapper) is another. A chaincode failure must be a
 * result with status >= 400, never a rejection.
 */
export interface TransactionPeer<Options = PeerCallOptions, Result extends PeerResult = PeerResult> {
  submit(chaincodeName: string, args: readonly (string | Uint8Array)[], options?: Options): Promise<Result>;
  evaluate(chaincodeName: string, args: readonly (string | Uint8Array)[], options?: Options): Promise<Result>;
}

/** The options type of a peer's raw calls. */
export type PeerOptionsOf<P> = P extends TransactionPeer<infer O> ? O : PeerCallOptions;

/** The result type of a peer's raw calls. */
export type PeerResultOf<P> = P extends TransactionPeer<unknown, infer R> ? R : PeerResult;

/** The identity type a peer's raw calls accept. */
export type PeerIdentityOf<P> = PeerOptionsOf<P> extends { readonly identity?: infer I } ? NonNullable<I> : Identity;
