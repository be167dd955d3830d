import {
  buildContractMetadata,
  errorMessage,
  instantiateContracts,
  isContractClass,
  isDefaultContract,
  type ContractEntry,
  type ContractMetadata,
  type TransactionMetadata,
} from '@chaincode/contract-api/internal';
import { compileArgumentsEncoder, type ArgumentsEncoder } from './argument-encoder';
import { InvalidContractError } from './errors/contract-client-error';
import { compileResultDecoder, type ResultDecoder } from './result-decoder';

/** One transaction as the client calls it: the function name sent, its kind, its encoder and decoder. */
export interface TransactionDescription {
  readonly name: string;
  /** `args[0]` of the proposal: `<contract>:<transaction>`. */
  readonly functionName: string;
  /** False for `@Transaction(false)` (tagged EVALUATE and not SUBMIT). */
  readonly submittable: boolean;
  readonly encode: ArgumentsEncoder;
  readonly decode: ResultDecoder;
}

/** A contract as the client sees it: its name and transactions, compiled once. */
export interface ContractDescription {
  readonly name: string;
  readonly transactions: ReadonlyMap<string, TransactionDescription>;
}

const byClass = new WeakMap<object, ContractDescription>();

/**
 * Describe a contract class from the metadata contract-api builds for it (as the chaincode's
 * GetMetadata would answer for it). Cached per class.
 * @throws InvalidContractError when it is not a contract class or its metadata cannot be built.
 */
export function describeContractClass(contractClass: unknown): ContractDescription {
  if (typeof contractClass === 'function') {
    const cached = byClass.get(contractClass);
    if (cached !== undefined) return cached;
  }
  if (!isContractClass(contractClass)) {
    throw new InvalidContractError(
      `${describeValue(contractClass)} is not a contract class: pass a class that extends Contract from @chaincode/contract-api`,
    );
  }
  let metadata: ContractMetadata | undefined;
  let name = contractClass.name;
  try {
    // one class in, one entry out
    const entry = instantiateContracts([contractClass])[0] as ContractEntry;
    name = entry.name;
    const built = buildContractMetadata({
      contracts: [{ ...entry, isDefault: isDefaultContract(contractClass) }],
    });
    metadata = built.contracts[name];
  } catch (err) {
    throw new InvalidContractError(`cannot read the metadata of contract ${name}: ${errorMessage(err)}`, {
      contract: name,
      cause: err,
    });
  }
  if (metadata === undefined) {
    throw new InvalidContractError(`the metadata of contract ${name} does not list it`, { contract: name });
  }
  const description = describeContractMetadata(name, metadata);
  byClass.set(contractClass, description);
  return description;
}

/** Describe a contract from its metadata (e.g. a chaincode's GetMetadata answer). */
export function describeContractMetadata(contractName: string, metadata: ContractMetadata): ContractDescription {
  const transactions = new Map<string, TransactionDescription>();
  const list: unknown = metadata.transactions;
  for (const transaction of Array.isArray(list) ? (list as TransactionMetadata[]) : []) {
    if (typeof transaction.name !== 'string' || transactions.has(transaction.name)) continue;
    const site = { contract: contractName, transaction: transaction.name };
    transactions.set(transaction.name, {
      name: transaction.name,
      functionName: `${contractName}:${transaction.name}`,
      submittable: isSubmittable(transaction),
      encode: compileArgumentsEncoder(site, Array.isArray(transaction.parameters) ? transaction.parameters : undefined),
      decode: compileResultDecoder(site, transaction.returns),
    });
  }
  return { name: contractName, transactions };
}

/** Tagged EVALUATE and not SUBMIT means `@Transaction(false)`; no tags (undecorated) means submit. */
function isSubmittable(transaction: TransactionMetadata): boolean {
  const tags: unknown = transaction.tag ?? transaction.tags;
  if (!Array.isArray(tags)) return true;
  const evaluateOnly = tags.includes('EVALUATE') && !tags.includes('SUBMIT') && !tags.includes('submitTx');
  return !evaluateOnly;
}

function describeValue(value: unknown): string {
  if (typeof value === 'function') return `class ${value.name || '(anonymous)'}`;
  if (value === null) return 'null';
  return typeof value;
}
