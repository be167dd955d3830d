import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '@chaincode/contract-api/internal';
import { CliError } from '../errors/cli-error';

export type PackageJson = Record<string, unknown>;

/**
 * The package.json of a project folder: `{}` when there is none.
 * @throws CliError (CC_CLI_FILE_ERROR) when it is not JSON.
 */
export function readPackageJson(dir: string): PackageJson {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
  } catch (err) {
    throw new CliError('CC_CLI_FILE_ERROR', `${file} is not valid JSON: ${errorMessage(err)}`, { cause: err });
  }
}

/** The same, for callers that only look something up in it: `{}` when it is missing or not JSON. */
export function packageJsonOrEmpty(dir: string): PackageJson {
  try {
    return readPackageJson(dir);
  } catch {
    return {};
  }
}
