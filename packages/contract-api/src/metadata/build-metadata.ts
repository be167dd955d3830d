import { errorMessage } from '../errors/chaincode-error';
import { MetadataError } from '../errors/metadata-error';
import type { ContractInfo } from './decorator-options';
import type { ContractMetadata, ContractMetadataJson, InfoMetadata } from './contract-metadata';
import { CONTRACT_SCHEMA_URI } from './contract-metadata';
import { MetadataKeys } from './metadata-keys';
import { getOwn } from './metadata-store';
import { buildObjectSchemas } from './object-schemas';
import { scanTransactions } from './transaction-scanner';

/** One contract of a chaincode, already instantiated. */
export interface ContractEntry {
  readonly name: string;
  readonly instance: object;
  readonly isDefault: boolean;
  /** The class `createContext()` returns, so parameters of that type are recognised as the context. */
  readonly contextClass: unknown;
}

export interface BuildMetadataInput {
  /** The contracts in order, the system contract last. */
  readonly contracts: readonly ContractEntry[];
  /** The package's name and version (package.json), for `info`. */
  readonly info?: { readonly title?: string; readonly version?: string };
  /** A metadata file's content: each top-level section it has replaces the generated one. */
  readonly file?: Readonly<Record<string, unknown>>;
}

/**
 * The chaincode's metadata, merged as fabric-contract-api merges it: start from the file (if any),
 * add `$schema`, then generate `contracts`, `info` and `components` where the file has none. When
 * the file lists contracts, every contract of the code must be among them.
 */
export function buildContractMetadata(input: BuildMetadataInput): ContractMetadataJson {
  const metadata = (input.file === undefined ? {} : structuredClone(input.file)) as Record<string, unknown>;
  const fileContracts = metadata.contracts;
  if (isTruthy(fileContracts)) {
    const missing = input.contracts
      .filter((c) => typeof fileContracts !== 'object' || !isTruthy((fileContracts as Record<string, unknown>)[c.name]))
      .map((c) => `Missing contract ${c.name} in metadata`);
    if (missing.length > 0) throw new MetadataError('CC_API_METADATA_MISMATCH', JSON.stringify(missing));
  }
  if (!isTruthy(metadata.$schema)) metadata.$schema = CONTRACT_SCHEMA_URI;
  if (!isTruthy(fileContracts) || Object.keys(fileContracts as object).length === 0) {
    const contracts: Record<string, ContractMetadata> = {};
    for (const entry of input.contracts) contracts[entry.name] = contractMetadata(entry);
    metadata.contracts = contracts;
  }
  if (!isTruthy(metadata.info)) {
    metadata.info = { version: input.info?.version ?? '', title: input.info?.title ?? '' };
  }
  if (!isTruthy(metadata.components)) metadata.components = { schemas: buildObjectSchemas() };
  return metadata as ContractMetadataJson;
}

function isTruthy(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && value !== '' && value !== 0;
}

function contractMetadata(entry: ContractEntry): ContractMetadata {
  return {
    name: entry.name,
    contractInstance: instanceFields(entry),
    transactions: scanTransactions(entry.instance, entry.name, entry.contextClass),
    info: contractInfo(entry.instance),
  };
}

/** The instance's own JSON fields, without `_`-prefixed ones, plus `default: true` for the default contract. */
function instanceFields(entry: ContractEntry): Record<string, unknown> {
  let fields: Record<string, unknown>;
  try {
    fields = JSON.parse(JSON.stringify(entry.instance)) as Record<string, unknown>;
  } catch (err) {
    throw new MetadataError(
      'CC_API_INVALID_CONTRACT',
      `Contract ${entry.name} cannot be described: its fields are not JSON (${errorMessage(err)})`,
      { cause: err },
    );
  }
  if (entry.isDefault) fields.default = true;
  for (const key of Object.keys(fields)) if (key.startsWith('_')) Reflect.deleteProperty(fields, key);
  return fields;
}

function contractInfo(instance: object): InfoMetadata {
  const cls = (instance as { constructor: { name: string } }).constructor;
  const info = getOwn<ContractInfo>(MetadataKeys.info, cls);
  if (info === undefined) return { title: '', version: '' };
  const out: InfoMetadata = { ...info };
  if (!isTruthy(out.name)) out.name = cls.name;
  if (!isTruthy(out.version)) out.version = '';
  return out;
}
