import {
  Contract,
  isChaincodeError,
  isContractError,
  type ChaincodeInterface,
  type ChaincodeResponse,
  type ChaincodeStub,
  type ContractClass,
  type Context,
} from '@chaincode/contract-api';
import {
  SchemaCompiler,
  buildContractMetadata,
  instantiateContracts,
  type ContractEntry,
  type ContractMetadataJson,
  type ObjectTypeMetadata,
} from '@chaincode/contract-api/internal';
import { DispatchError, type ArgumentError } from './dispatch-error';
import { LazyClientIdentity } from '../identity/lazy-client-identity';
import { shimLogger } from '../logging/logger';
import { createContractLogging } from './context-logging';
import { DEFAULT_INITIATOR_PAYLOAD, responseFromError, successResponse } from './responses';
import { splitFunctionName } from './route';
import { resolveTransactionSerializer, type SerializersConfig, type TransactionSerializer } from './serializers';
import { SystemContract } from './system-contract';
import { planTransaction, type TransactionPlan } from './transaction-plan';

/** A chaincode built from contract classes, with the metadata GetMetadata answers. */
export interface ContractChaincode extends ChaincodeInterface {
  readonly metadata: ContractMetadataJson;
}

export interface ContractChaincodeOptions {
  /** The official `serializers` export shape; default: our JSONSerializer. */
  readonly serializers?: SerializersConfig;
  /** The content of META-INF/metadata.json (or contract-metadata/metadata.json), already validated. */
  readonly metadataFile?: Readonly<Record<string, unknown>>;
  /** `info.title` and `info.version` of the generated metadata (package.json name and version). */
  readonly info?: { readonly title?: string; readonly version?: string };
  /** Results as JSON with sorted keys, so every peer endorses the same bytes. Default false. */
  readonly deterministicJson?: boolean;
  /** Loads a serializer given as a module name (default: `require`). */
  readonly loadModule?: (moduleName: string) => unknown;
}

/** One contract ready to serve calls. */
interface ContractRuntime {
  readonly name: string;
  readonly instance: Contract;
  readonly logging: ReturnType<typeof createContractLogging>;
  readonly transactions: ReadonlyMap<string, TransactionPlan>;
  /** Set only when the contract overrides the handler (the base ones do nothing). */
  readonly before: ((ctx: Context) => Promise<void>) | undefined;
  readonly after: ((ctx: Context, result: unknown) => Promise<void>) | undefined;
  /** The contract class sets `static autoWriteBatch = true`: each transaction starts a write batch. */
  readonly autoWriteBatch: boolean;
}

const log = shimLogger('dispatch');

/**
 * Build a chaincode from contract classes, as fabric-shim's contract bootstrap does: one instance
 * per class, the `org.hyperledger.fabric` system contract added last, metadata generated (and merged
 * with a metadata file), and per transaction a plan (argument readers, and ajv validators compiled
 * on the transaction's first call). Nothing is reflected on per transaction.
 * @throws MetadataError when the classes or the metadata cannot make a chaincode.
 */
export function createContractChaincode(
  contracts: readonly ContractClass[] | ContractClass,
  options: ContractChaincodeOptions = {},
): ContractChaincode {
  const list: readonly ContractClass[] = isContractList(contracts) ? contracts : [contracts];
  return new ContractChaincodeImpl([...list], options);
}

/**
 * Compile every parameter check of a chaincode made by `createContractChaincode` now (a running
 * chaincode compiles each on its transaction's first call) and answer those that cannot be used,
 * one ArgumentError each (CC_SHIM_PARAMETER_UNUSABLE, naming contract, transaction, parameter and
 * reason). For tools that must find them before a peer does: `chaincode package`.
 */
export function unusableParameters(chaincode: ContractChaincode): ArgumentError[] {
  return chaincode instanceof ContractChaincodeImpl ? chaincode.compileChecks() : [];
}

class ContractChaincodeImpl implements ContractChaincode {
  readonly metadata: ContractMetadataJson;
  readonly #contracts: ReadonlyMap<string, ContractRuntime>;
  readonly #defaultName: string;
  readonly #serializer: TransactionSerializer;

  constructor(classes: readonly ContractClass[], options: ContractChaincodeOptions) {
    const entries = instantiateContracts([...classes, SystemContract]);
    this.#defaultName = (entries.find((e) => e.isDefault) ?? entries[0])?.name ?? '';
    this.metadata = buildContractMetadata({ contracts: entries, info: options.info, file: options.metadataFile });
    const system = (entries[entries.length - 1] as ContractEntry).instance as SystemContract;
    system._setMetadata(JSON.parse(JSON.stringify(this.metadata)) as ContractMetadataJson);

    this.#serializer = resolveTransactionSerializer(
      options.serializers,
      options.deterministicJson === true,
      options.loadModule ?? loadFromWorkingDirectory,
    );
    const components = this.metadata.components?.schemas ?? {};
    const compiler = new SchemaCompiler(components);
    const runtimes = new Map<string, ContractRuntime>();
    for (const entry of entries) {
      runtimes.set(entry.name, this.#runtime(entry, components, compiler));
    }
    this.#contracts = runtimes;
  }

  #runtime(
    entry: ContractEntry,
    components: Readonly<Record<string, ObjectTypeMetadata>>,
    compiler: SchemaCompiler,
  ): ContractRuntime {
    const instance = entry.instance as Contract;
    const described = this.metadata.contracts[entry.name];
    const transactions = new Map<string, TransactionPlan>();
    for (const transaction of described?.transactions ?? []) {
      if (transactions.has(transaction.name)) continue;
      transactions.set(
        transaction.name,
        planTransaction({ contractName: entry.name, transaction, components, compiler, serializer: this.#serializer }),
      );
    }
    const base = Contract.prototype;
    return {
      name: entry.name,
      instance,
      logging: createContractLogging(entry.name),
      transactions,
      before:
        instance.beforeTransaction === base.beforeTransaction ? undefined : instance.beforeTransaction.bind(instance),
      after: instance.afterTransaction === base.afterTransaction ? undefined : instance.afterTransaction.bind(instance),
      autoWriteBatch: (instance.constructor as typeof Contract).autoWriteBatch === true,
    };
  }

  Init(stub: ChaincodeStub): Promise<ChaincodeResponse> {
    return this.#invoke(stub);
  }

  /** Every parameter check compiled; those that cannot be used (see `unusableParameters`). */
  compileChecks(): ArgumentError[] {
    return [...this.#contracts.values()].flatMap((c) => [...c.transactions.values()].flatMap((t) => t.compileChecks()));
  }

  Invoke(stub: ChaincodeStub): Promise<ChaincodeResponse> {
    return this.#invoke(stub);
  }

  async #invoke(stub: ChaincodeStub): Promise<ChaincodeResponse> {
    try {
      const args = stub.getBufferArgs();
      const first = args[0];
      if (first === undefined) return successResponse(DEFAULT_INITIATOR_PAYLOAD);
      const route = splitFunctionName(first.toString('utf8'), this.#defaultName);
      const contract = this.#contracts.get(route.contractName);
      if (contract === undefined) {
        throw new DispatchError('CC_SHIM_UNKNOWN_CONTRACT', `Contract name is not known: ${route.contractName}`);
      }
      if (contract.autoWriteBatch) stub.startWriteBatch();
      const ctx = createContext(contract, stub);
      const plan = contract.transactions.get(route.functionName);
      if (plan === undefined) {
        await contract.instance.unknownTransaction(ctx);
        return successResponse(undefined);
      }
      const parameters = plan.convert(args.length > 1 ? args.slice(1) : []);
      if (contract.before !== undefined) await contract.before(ctx);
      // the base aroundTransaction calls the function; an override wraps that call
      const result = await contract.instance.aroundTransaction(ctx, plan.name, parameters);
      if (contract.after !== undefined) await contract.after(ctx, result);
      // As the official, the serializer is not handed the @Returns schema (a serializer written for it
      // may enforce the schema's type, which the official never did).
      return successResponse(this.#serializer.toBuffer(result));
    } catch (err) {
      const response = responseFromError(err);
      if (log.isEnabled('debug')) {
        // our errors' stable code, or the code a ContractError's author gave
        const code = isChaincodeError(err) || isContractError(err) ? err.code : undefined;
        log.debug('transaction failed', {
          txId: safeTxId(stub),
          status: response.status,
          ...(code === undefined ? {} : { code }),
          message: response.message,
          // where the contract failed: what --verbose / debug logging are for
          ...(err instanceof Error && err.stack !== undefined ? { stack: err.stack } : {}),
        });
      }
      return response;
    }
  }
}

function loadFromWorkingDirectory(moduleName: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a serializer named by module, as the official allows
  return require(require.resolve(moduleName, { paths: [process.cwd()] })) as unknown;
}

function safeTxId(stub: ChaincodeStub): string {
  try {
    return stub.getTxID();
  } catch {
    return '';
  }
}

function isContractList(value: readonly ContractClass[] | ContractClass): value is readonly ContractClass[] {
  return Array.isArray(value);
}

/** A fresh context from the contract's `createContext()`, with the stub, identity and logging set. */
function createContext(contract: ContractRuntime, stub: ChaincodeStub): Context {
  const ctx = contract.instance.createContext() as Context &
    Partial<Pick<Context, 'setChaincodeStub' | 'setClientIdentity'>>;
  if (typeof ctx.setChaincodeStub === 'function') ctx.setChaincodeStub(stub);
  else ctx.stub = stub;
  const identity = new LazyClientIdentity(stub);
  if (typeof ctx.setClientIdentity === 'function') ctx.setClientIdentity(identity);
  else ctx.clientIdentity = identity;
  ctx.logging = contract.logging;
  return ctx;
}
