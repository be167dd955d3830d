import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { ContractClass } from '@chaincode/contract-api';
import { errorMessage, findExportedContracts } from '@chaincode/contract-api/internal';
import { describeContractClass } from '../contract-description';
import { ContractTypesError } from '../errors/contract-types-error';
import { instanceTypeReference, locateClass, type LoadedModules } from './class-reference';
import { renderContractTypes, type ContractTypesEntry } from './contract-types-file';
import { needsTypeScriptLoader, registerTypeScriptLoader } from './typescript-loader';

/** Where `chaincode types` writes by default, relative to the project. */
export const DEFAULT_CONTRACT_TYPES_FILE = join('test', 'contract-transactions.d.ts');

export interface GenerateContractTypesOptions {
  /** The contract package (its package.json names it and its `main` is the default entry). */
  readonly modulePath: string;
  /**
   * The module exporting the contracts, relative to `modulePath`; default: package.json `main`.
   * A TypeScript source needs a loader that can require it (Jest's transform, or the CLI's).
   */
  readonly entry?: string;
  /** The declaration file, relative to `modulePath`; default `test/contract-transactions.d.ts`. */
  readonly out?: string;
  /** Only compare: throw CC_DEVPEER_CLIENT_TYPES_STALE when the file is missing or differs. */
  readonly check?: boolean;
}

export interface GeneratedContractTypes {
  /** The declaration file (absolute). */
  readonly file: string;
  /** `written`: created or changed; `unchanged`: already up to date (also in check mode). */
  readonly status: 'written' | 'unchanged';
  /** The contracts listed, by name. */
  readonly contracts: readonly string[];
  readonly text: string;
}

/**
 * Write (or check) the declaration that types the dev peer's contract client for the contracts a
 * package exports: for each contract its submit and evaluate transactions, read from the metadata
 * contract-api builds for it, keyed to the class as the package exports it.
 * @throws ContractTypesError (CC_DEVPEER_CLIENT_TYPES_FAILED when the module cannot be loaded or a
 * contract class is not exported; CC_DEVPEER_CLIENT_TYPES_STALE in check mode).
 */
export async function generateContractTypes(options: GenerateContractTypesOptions): Promise<GeneratedContractTypes> {
  const dir = resolve(options.modulePath);
  const pkg = readPackage(dir);
  const entryFile = resolveEntry(dir, options.entry ?? pkg.main);
  const exported = loadEntry(entryFile, dir);
  const classes = contractsOf(exported, entryFile);
  const file = resolve(dir, options.out ?? DEFAULT_CONTRACT_TYPES_FILE);
  const outDir = dirname(file);
  const packageName = pkg.name ?? basename(dir);
  const entries: ContractTypesEntry[] = [];
  for (const cls of classes) {
    const description = describeOrFail(cls);
    const location = locateClass(cls, loadedModules(entryFile, exported, dir));
    if (location === undefined) {
      throw new ContractTypesError(
        'CC_DEVPEER_CLIENT_TYPES_FAILED',
        `contract class ${cls.name} is not exported by name from ${relative(dir, entryFile)}: export it ` +
          `(export { ${cls.name} } from '...') so the declaration can name it`,
        { contract: description.name },
      );
    }
    const transactions = [...description.transactions.values()];
    entries.push({
      key: `${packageName}:${description.name}`,
      instanceType: instanceTypeReference(location, outDir),
      submit: transactions.filter((t) => t.submittable).map((t) => t.name),
      evaluate: transactions.filter((t) => !t.submittable).map((t) => t.name),
    });
  }
  const text = renderContractTypes(packageName, entries);
  const contracts = entries.map((e) => e.key.slice(packageName.length + 1));
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === text) return { file, status: 'unchanged', contracts, text };
  if (options.check === true) {
    throw new ContractTypesError(
      'CC_DEVPEER_CLIENT_TYPES_STALE',
      `${relative(dir, file)} is ${current === undefined ? 'missing' : 'out of date with the contracts'}: ` +
        `run chaincode types${options.entry === undefined ? '' : ` --entry ${options.entry}`}`,
    );
  }
  try {
    await mkdir(outDir, { recursive: true });
    await writeFile(file, text);
  } catch (err) {
    throw new ContractTypesError('CC_DEVPEER_CLIENT_TYPES_FAILED', `cannot write ${file}: ${errorMessage(err)}`, {
      cause: err,
    });
  }
  return { file, status: 'written', contracts, text };
}

function failed(message: string, cause?: unknown): ContractTypesError {
  return new ContractTypesError('CC_DEVPEER_CLIENT_TYPES_FAILED', message, cause === undefined ? undefined : { cause });
}

function readPackage(dir: string): { name: string | undefined; main: string | undefined } {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) throw failed(`cannot load the contract module: no package.json in ${dir}`);
  let pkg: unknown;
  try {
    pkg = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw failed(`cannot read ${file}: ${errorMessage(err)}`, err);
  }
  const { name, main } = (typeof pkg === 'object' && pkg !== null ? pkg : {}) as { name?: unknown; main?: unknown };
  return {
    name: typeof name === 'string' && name !== '' ? name : undefined,
    main: typeof main === 'string' && main !== '' ? main : undefined,
  };
}

function resolveEntry(dir: string, entry: string | undefined): string {
  if (entry === undefined) {
    throw failed(`cannot load the contract module: package.json in ${dir} has no main (or give the entry file)`);
  }
  const path = resolve(dir, entry);
  if (existsSync(path) && statSync(path).isFile()) return path;
  try {
    return require.resolve(path);
  } catch {
    throw failed(
      `cannot load the contract module in ${dir}: ${entry} does not exist (build the project first, or give its source as the entry)`,
    );
  }
}

/** Require the entry with the running loader; a TypeScript entry gets the project's compiler when no loader handles it. */
function loadEntry(file: string, dir: string): unknown {
  const unregister = needsTypeScriptLoader(file) ? registerTypeScriptLoader(dir) : undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the user's CommonJS module, through the running loader
    return require(file) as unknown;
  } catch (err) {
    throw failed(`cannot load the contract module ${file}: ${errorMessage(err)}`, err);
  } finally {
    unregister?.();
  }
}

/** The contracts a module exports, found as the runtime finds them. */
function contractsOf(exported: unknown, file: string): ContractClass[] {
  let classes: ContractClass[] | undefined;
  try {
    classes = findExportedContracts(exported);
  } catch (err) {
    throw failed(
      `the contracts export of ${file} holds something that is not a Contract class: ${errorMessage(err)}`,
      err,
    );
  }
  if (classes === undefined || classes.length === 0) {
    throw failed(
      `no contracts exported by ${file}: export them as contracts = [MyContract] (or export one Contract class)`,
    );
  }
  return classes;
}

function describeOrFail(cls: ContractClass): ReturnType<typeof describeContractClass> {
  try {
    return describeContractClass(cls);
  } catch (err) {
    throw failed(`cannot read the metadata of ${cls.name}: ${errorMessage(err)}`, err);
  }
}

/** The entry module first, then (outside a test runner's registry) every loaded module of the package. */
function* loadedModules(entryFile: string, exported: unknown, dir: string): LoadedModules {
  yield [entryFile, exported];
  const cache = (require as { cache?: Record<string, { exports?: unknown } | undefined> }).cache ?? {};
  for (const [file, module] of Object.entries(cache)) {
    if (file === entryFile || module === undefined) continue;
    const inside = relative(dir, file);
    if (inside.startsWith('..') || inside.split(/[\\/]/).includes('node_modules')) continue;
    yield [file, module.exports];
  }
}
