import { access, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ContractClass } from '@chaincode/contract-api';
import {
  exportedField,
  findExportedContracts,
  parseContractMetadata,
  type ContractMetadataJson,
} from '@chaincode/contract-api/internal';
import { InvalidOptionsError, NoContractsError } from '../errors/shim-error';
import { createContractChaincode, type ContractChaincode, type ContractChaincodeOptions } from './contract-chaincode';
import type { SerializersConfig } from './serializers';

/** What a contract package gives: its contracts, serializers, name and version. */
export interface LoadedContractModule {
  readonly contracts: ContractClass[];
  readonly serializers: SerializersConfig | undefined;
  readonly title: string | undefined;
  readonly version: string | undefined;
}

/** The metadata files looked for, in order (as the official). */
const METADATA_FILES = [join('META-INF', 'metadata.json'), join('contract-metadata', 'metadata.json')];

/**
 * Load a contract package as `fabric-chaincode-node start` does: read `package.json`, require its
 * `main`, take the `contracts` export (an array or one class; a module exporting one Contract class
 * itself also works) and `serializers`, read and validate `META-INF/metadata.json` or
 * `contract-metadata/metadata.json`, and build the chaincode.
 */
export async function loadContractModule(
  modulePath: string,
  options: Pick<ContractChaincodeOptions, 'deterministicJson'> = {},
): Promise<ContractChaincode> {
  const dir = resolve(modulePath);
  const loaded = readContractModule(dir);
  const metadataFile = await readMetadataFile(dir);
  return createContractChaincode(loaded.contracts, {
    serializers: loaded.serializers,
    metadataFile,
    info: { title: loaded.title, version: loaded.version },
    deterministicJson: options.deterministicJson,
    loadModule: (name) => loadFile(require.resolve(name, { paths: [dir] })),
  });
}

/** Require the package's main and find its contracts and serializers. */
export function readContractModule(dir: string): LoadedContractModule {
  const pkg = loadFile(join(dir, 'package.json')) as { main?: unknown; name?: unknown; version?: unknown };
  if (typeof pkg.main !== 'string' || pkg.main === '') {
    throw new InvalidOptionsError("package.json does not contain a 'main' entry for the module");
  }
  const exported = loadFile(resolve(dir, pkg.main));
  const contracts = findExportedContracts(exported);
  if (contracts === undefined || contracts.length === 0) {
    throw new NoContractsError(
      `No contracts exported by ${pkg.main}: export them as module.exports.contracts = [MyContract] (or export one Contract class)`,
    );
  }
  const serializers = exportedField(exported, 'serializers');
  if (serializers !== undefined && (typeof serializers !== 'object' || serializers === null)) {
    throw new InvalidOptionsError(
      "There should be a 'transaction' property to define the serializer for use with transactions",
    );
  }
  return {
    contracts,
    serializers: serializers as SerializersConfig | undefined,
    title: typeof pkg.name === 'string' ? pkg.name : undefined,
    version: typeof pkg.version === 'string' ? pkg.version : undefined,
  };
}

/**
 * Load a file by absolute path with the module system running us (so a test runner's module
 * registry sees the user's requires too).
 */
function loadFile(absolutePath: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the user's CommonJS package, as the official does
  return require(absolutePath) as unknown;
}

/** The metadata file of a package, validated against the contract schema; undefined when there is none. */
export async function readMetadataFile(dir: string): Promise<ContractMetadataJson | undefined> {
  for (const relative of METADATA_FILES) {
    const path = join(dir, relative);
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (!exists) continue;
    return parseContractMetadata(await readFile(path, 'utf8'), path);
  }
  return undefined;
}
