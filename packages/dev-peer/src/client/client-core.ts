import { SYSTEM_CONTRACT_NAME, type ContractMetadataJson } from '@chaincode/contract-api/internal';
import { errorMessage } from '@chaincode/contract-api/internal';
import { closestName } from './closest-name';
import {
  describeContractMetadata,
  type ContractDescription,
  type TransactionDescription,
} from './contract-description';
import { CallRefusedError } from './errors/call-refused-error';
import { ContractMetadataError } from './errors/contract-client-error';
import { TransactionFailedError } from './errors/transaction-failed-error';
import type { PeerCallOptions, PeerResult, TransactionPeer } from './transaction-peer';

/** Which raw call a typed call makes. */
export type CallKind = 'submit' | 'evaluate';

/** A peer of any options and result type, as the core calls it. */
type RawPeer = TransactionPeer;

/**
 * What every client of one contract shares, whatever its identity or transient data: the peer,
 * the chaincode, and the contract's description (known at once from a class; read once with
 * GetMetadata when the client was made by name).
 */
export class ClientCore {
  readonly peer: RawPeer;
  readonly chaincode: string;
  readonly contractName: string;
  #description: ContractDescription | undefined;
  #loading: Promise<ContractDescription> | undefined;

  constructor(peer: RawPeer, chaincode: string, contractName: string, description: ContractDescription | undefined) {
    this.peer = peer;
    this.chaincode = chaincode;
    this.contractName = contractName;
    this.#description = description;
  }

  /** The description when known (always for a client made from a class). */
  get description(): ContractDescription | undefined {
    return this.#description;
  }

  /** Run one typed call: check, encode, send, then throw a failure or decode the result. */
  async call(
    kind: CallKind,
    name: string,
    args: readonly unknown[],
    options: PeerCallOptions,
    detailed: boolean,
  ): Promise<unknown> {
    const description = this.#description ?? (await this.#load(options));
    const transaction = this.#transaction(description, kind, name);
    const encoded = transaction.encode(args);
    const raw = [transaction.functionName, ...encoded];
    const result =
      kind === 'submit'
        ? await this.peer.submit(this.chaincode, raw, options)
        : await this.peer.evaluate(this.chaincode, raw, options);
    if (result.status >= 400) {
      throw new TransactionFailedError(result, {
        chaincode: this.chaincode,
        contract: this.contractName,
        transaction: name,
      });
    }
    const value = transaction.decode(result);
    return detailed ? { ...result, value } : value;
  }

  /** The refusal for a name the contract does not have. */
  unknownTransaction(description: ContractDescription, name: string): CallRefusedError {
    const names = [...description.transactions.keys()];
    const suggestion = closestName(name, names);
    const hint = suggestion === undefined ? '' : ` Did you mean ${suggestion}?`;
    const list = names.length === 0 ? 'it has none' : `its transactions: ${names.join(', ')}`;
    return new CallRefusedError(
      'CC_DEVPEER_CLIENT_UNKNOWN_TRANSACTION',
      `contract ${this.contractName} has no transaction ${JSON.stringify(name)} (${list}).${hint}`,
      { contract: this.contractName, transaction: name },
    );
  }

  #transaction(description: ContractDescription, kind: CallKind, name: string): TransactionDescription {
    const transaction = description.transactions.get(name);
    if (transaction === undefined) throw this.unknownTransaction(description, name);
    if (kind === 'submit' && !transaction.submittable) {
      throw new CallRefusedError(
        'CC_DEVPEER_CLIENT_NOT_SUBMITTABLE',
        `${this.contractName}.${name} is an evaluate transaction (@Transaction(false)): call it through evaluate, ` +
          'or use the raw peer.submit to commit it anyway',
        { contract: this.contractName, transaction: name },
      );
    }
    return transaction;
  }

  // A failed load is forgotten, so a later call (after the chaincode was deployed) tries again.
  #load(options: PeerCallOptions): Promise<ContractDescription> {
    this.#loading ??= this.#fetch(options).then(
      (description) => {
        this.#description = description;
        return description;
      },
      (err: unknown) => {
        this.#loading = undefined;
        throw err;
      },
    );
    return this.#loading;
  }

  async #fetch(options: PeerCallOptions): Promise<ContractDescription> {
    const where = `chaincode ${this.chaincode}`;
    let result: PeerResult;
    try {
      result = await this.peer.evaluate(this.chaincode, [`${SYSTEM_CONTRACT_NAME}:GetMetadata`], options);
    } catch (err) {
      throw new ContractMetadataError(`cannot read the metadata of ${where}: ${errorMessage(err)}`, {
        contract: this.contractName,
        cause: err,
      });
    }
    if (result.status >= 400) {
      throw new ContractMetadataError(
        `cannot read the metadata of ${where}: GetMetadata answered ${String(result.status)} ${result.message}`,
        { contract: this.contractName },
      );
    }
    let metadata: ContractMetadataJson;
    try {
      metadata = JSON.parse(Buffer.from(result.payload).toString('utf8')) as ContractMetadataJson;
    } catch (err) {
      throw new ContractMetadataError(`the metadata of ${where} is not JSON: ${errorMessage(err)}`, {
        contract: this.contractName,
        cause: err,
      });
    }
    const contracts: unknown = (metadata as { contracts?: unknown } | null)?.contracts;
    const contract =
      typeof contracts === 'object' && contracts !== null && Object.hasOwn(contracts, this.contractName)
        ? (contracts as ContractMetadataJson['contracts'])[this.contractName]
        : undefined;
    if (contract === undefined || typeof contract !== 'object') {
      const names =
        typeof contracts === 'object' && contracts !== null
          ? Object.keys(contracts).filter((n) => n !== SYSTEM_CONTRACT_NAME)
          : [];
      throw new ContractMetadataError(
        `${where} has no contract ${JSON.stringify(this.contractName)} (its contracts: ${names.join(', ') || 'none'})`,
        { contract: this.contractName },
      );
    }
    return describeContractMetadata(this.contractName, contract);
  }
}
