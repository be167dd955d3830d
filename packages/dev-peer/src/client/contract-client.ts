import type { Contract, ContractClass } from '@chaincode/contract-api';
import { callMap } from './call-map';
import { ClientCore } from './client-core';
import { describeContractClass } from './contract-description';
import type {
  DetailedTransactionCall,
  EvaluateTransactionNames,
  SubmitTransactionNames,
  TransactionCall,
  UntypedContract,
} from './contract-types';
import { ClientOptionsError } from './errors/contract-client-error';
import { encodeTransient, type TransientInput } from './transient-data';
import type { PeerCallOptions, PeerIdentityOf, PeerResultOf, TransactionPeer } from './transaction-peer';

/** Any peer the client can drive (its options and result types are read from it). */
export type AnyTransactionPeer = TransactionPeer<never>;

/** Per-call options, fixed on a client with `with()` (and `as()` for the identity). */
export interface ContractCallOptions<P extends AnyTransactionPeer = TransactionPeer> {
  /** The channel of the proposals (default: the peer's). */
  readonly channelId?: string;
  /** Who signs the proposals (default: the peer's default identity). */
  readonly identity?: PeerIdentityOf<P>;
  /** Transient data: bytes as they are, strings as UTF-8, other values as JSON. */
  readonly transient?: TransientInput;
}

export interface ContractClientOptions<P extends AnyTransactionPeer = TransactionPeer> extends ContractCallOptions<P> {
  /** The name the chaincode is deployed (registered) under. */
  readonly chaincode: string;
}

/**
 * A client of one contract of a deployed chaincode, typed from the contract class `T`:
 * `submit.X(...)` endorses and commits, `evaluate.X(...)` endorses only. Each call answers the
 * transaction's result as a value and throws a `TransactionFailedError` for a status >= 400.
 */
export interface ContractClient<T, P extends AnyTransactionPeer = TransactionPeer> {
  /** Transactions that commit (`@Transaction()`), each taking the method's parameters after `ctx`. */
  readonly submit: { readonly [K in SubmitTransactionNames<T>]: TransactionCall<T[K & keyof T]> };
  /** Every transaction, endorsed without committing (a query, or a dry run of a submit transaction). */
  readonly evaluate: { readonly [K in EvaluateTransactionNames<T>]: TransactionCall<T[K & keyof T]> };
  /** The same calls answering the peer's whole result (`txId`, `event`, `rwset`...) with the `value`. */
  readonly detailed: {
    readonly submit: {
      readonly [K in SubmitTransactionNames<T>]: DetailedTransactionCall<T[K & keyof T], PeerResultOf<P>>;
    };
    readonly evaluate: {
      readonly [K in EvaluateTransactionNames<T>]: DetailedTransactionCall<T[K & keyof T], PeerResultOf<P>>;
    };
  };
  /** A client of the same contract acting as `identity`. */
  as(identity: PeerIdentityOf<P>): ContractClient<T, P>;
  /** A client of the same contract with these options replacing the current ones. */
  with(options: ContractCallOptions<P>): ContractClient<T, P>;
  /** The chaincode the calls go to. */
  readonly chaincode: string;
  /** The contract's name (the prefix of the function names sent). */
  readonly contractName: string;
}

/**
 * A typed client of a contract deployed on `peer` (a `DevPeer`, or anything with its raw
 * `submit`/`evaluate`).
 *
 * @example
 * ```ts
 * const assets = contractClient(peer, AssetContract, { chaincode: 'asset-transfer' });
 * await assets.submit.CreateAsset('a1', 'blue', 5, 'Tomoko', 300);
 * const asset = await assets.evaluate.ReadAsset('a1');         // { id: 'a1', color: 'blue', ... }
 * await assets.as(bob).with({ transient: { price: 10 } }).submit.TransferAsset('a1', 'Bob');
 * ```
 *
 * From the class, the client builds the contract's metadata at once (contract-api's builder, as
 * GetMetadata answers it). By name (`contractClient<AssetContract>(peer, 'AssetContract', ...)`),
 * it reads the deployed chaincode's GetMetadata on the first call.
 */
export function contractClient<T extends Contract, P extends AnyTransactionPeer>(
  peer: P,
  contract: ContractClass<T>,
  options: ContractClientOptions<P>,
): ContractClient<T, P>;
export function contractClient<T extends object = UntypedContract, P extends AnyTransactionPeer = TransactionPeer>(
  peer: P,
  contractName: string,
  options: ContractClientOptions<P>,
): ContractClient<T, P>;
export function contractClient(peer: unknown, contract: unknown, options: unknown): unknown {
  if (!isTransactionPeer(peer)) {
    throw new ClientOptionsError('contractClient needs a peer with submit and evaluate (a DevPeer)');
  }
  const chaincode: unknown =
    typeof options === 'object' && options !== null ? (options as { chaincode?: unknown }).chaincode : undefined;
  if (typeof chaincode !== 'string' || chaincode === '') {
    throw new ClientOptionsError(
      'contractClient needs the chaincode name: contractClient(peer, Contract, { chaincode })',
    );
  }
  let core: ClientCore;
  if (typeof contract === 'string') {
    if (contract === '') throw new ClientOptionsError('the contract name is empty');
    core = new ClientCore(peer, chaincode, contract, undefined);
  } else {
    const description = describeContractClass(contract);
    core = new ClientCore(peer, chaincode, description.name, description);
  }
  return makeClient(core, peerOptions({}, options));
}

function isTransactionPeer(value: unknown): value is TransactionPeer {
  if (typeof value !== 'object' || value === null) return false;
  const { submit, evaluate } = value as { submit?: unknown; evaluate?: unknown };
  return typeof submit === 'function' && typeof evaluate === 'function';
}

/** The untyped client object; `ContractClient<T, P>` is its typed view. */
interface UntypedClient {
  readonly submit: object;
  readonly evaluate: object;
  readonly detailed: { readonly submit: object; readonly evaluate: object };
  as(identity: unknown): UntypedClient;
  with(options: unknown): UntypedClient;
  readonly chaincode: string;
  readonly contractName: string;
}

function makeClient(core: ClientCore, options: PeerCallOptions): UntypedClient {
  return {
    submit: callMap(core, 'submit', options, false),
    evaluate: callMap(core, 'evaluate', options, false),
    detailed: {
      submit: callMap(core, 'submit', options, true),
      evaluate: callMap(core, 'evaluate', options, true),
    },
    as: (identity) => {
      if (typeof identity !== 'object' || identity === null) {
        throw new ClientOptionsError('as() needs an identity (e.g. peer.createIdentity({ commonName }))');
      }
      return makeClient(core, { ...options, identity: identity as PeerCallOptions['identity'] });
    },
    with: (next) => makeClient(core, peerOptions(options, next)),
    chaincode: core.chaincode,
    contractName: core.contractName,
  };
}

/** `base` with the options given in `next` replacing its own (what `with()` and the factory take). */
function peerOptions(base: PeerCallOptions, next: unknown): PeerCallOptions {
  if (typeof next !== 'object' || next === null) throw new ClientOptionsError('with() needs an options object');
  const given = next as { channelId?: unknown; identity?: unknown; transient?: unknown };
  const out: { -readonly [K in keyof PeerCallOptions]: PeerCallOptions[K] } = { ...base };
  if (given.channelId !== undefined) {
    if (typeof given.channelId !== 'string' || given.channelId === '') {
      throw new ClientOptionsError('channelId must be a non-empty string');
    }
    out.channelId = given.channelId;
  }
  if (given.identity !== undefined) {
    if (typeof given.identity !== 'object' || given.identity === null) {
      throw new ClientOptionsError('identity must be an identity object (e.g. peer.createIdentity({ commonName }))');
    }
    out.identity = given.identity as PeerCallOptions['identity'];
  }
  if (given.transient !== undefined) out.transient = encodeTransient(given.transient as TransientInput);
  return out;
}
