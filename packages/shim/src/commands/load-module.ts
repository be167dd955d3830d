import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { errorMessage } from '@chaincode/contract-api/internal';
import { loadContractModule, type ContractChaincode } from '../dispatch';
import { CommandError, NoContractsError } from '../errors/shim-error';

/**
 * Load the user's contract package for a command, turning every way it can fail into a one-line
 * error: no such directory, a main that throws or cannot be found (CommandError), no contracts
 * exported (NoContractsError).
 */
export async function loadChaincodeForCommand(modulePath: string): Promise<ContractChaincode> {
  const dir = resolve(modulePath);
  if (!existsSync(dir)) {
    throw new CommandError('CC_SHIM_MODULE_LOAD_FAILED', `cannot load the contract module: ${dir} does not exist`);
  }
  checkPackageMain(dir);
  let chaincode: ContractChaincode;
  try {
    chaincode = await loadContractModule(dir);
  } catch (err) {
    const reason = describeLoadError(err);
    if (err instanceof NoContractsError) throw new NoContractsError(`${reason} (in ${dir})`, { cause: err });
    throw new CommandError('CC_SHIM_MODULE_LOAD_FAILED', `cannot load the contract module in ${dir}: ${reason}`, {
      cause: err,
    });
  }
  const contracts = Object.keys(chaincode.metadata.contracts).filter((name) => !isSystemContract(name));
  if (contracts.length === 0) {
    throw new NoContractsError(
      `no contracts in ${dir}: export them from the package main, e.g. module.exports.contracts = [MyContract]`,
    );
  }
  return chaincode;
}

function isSystemContract(name: string): boolean {
  return name.startsWith('org.hyperledger.fabric');
}

/** Name the two usual mistakes precisely: no package.json, or a main that was never built. */
function checkPackageMain(dir: string): void {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) {
    throw new CommandError('CC_SHIM_MODULE_LOAD_FAILED', `cannot load the contract module: no package.json in ${dir}`);
  }
  let main: unknown;
  try {
    main = (JSON.parse(readFileSync(file, 'utf8')) as { main?: unknown }).main;
  } catch (err) {
    throw new CommandError(
      'CC_SHIM_MODULE_LOAD_FAILED',
      `cannot load the contract module: ${file}: ${errorMessage(err)}`,
      {
        cause: err,
      },
    );
  }
  if (typeof main !== 'string' || main === '') return; // the loader explains this one
  try {
    createRequire(file).resolve(resolve(dir, main));
  } catch {
    throw new CommandError(
      'CC_SHIM_MODULE_LOAD_FAILED',
      `cannot load the contract module in ${dir}: its main ${main} does not exist (build the project first, e.g. npm run build)`,
    );
  }
}

/**
 * The reason a module did not load. A syntax error's message has no location (Node puts
 * "file:line" on the first line of its stack), so it is added.
 */
function describeLoadError(err: unknown): string {
  const message = errorMessage(err);
  if (!(err instanceof SyntaxError) || err.stack === undefined) return message;
  const where = /^(\S.*):(\d+)$/m.exec(err.stack.split('\n', 1)[0] ?? '');
  return where === null ? message : `${message} (${where[1]}:${where[2]})`;
}
