import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorMessage, validateContractMetadata } from '@chaincode/contract-api/internal';
import { CliError } from '../../errors/cli-error';
import type { CliContext } from '../../context';

/** `metadata validate F`: parse the file and check it against the contract metadata schema. */
export function runMetadataValidate(ctx: CliContext, file: string): void {
  const path = resolve(ctx.cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError('CC_CLI_FILE_ERROR', `cannot read ${path}: ${errorMessage(err)}`, { cause: err });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (err) {
    throw new CliError('CC_CLI_INVALID_METADATA', `${path} is not JSON: ${errorMessage(err)}`, { cause: err });
  }
  try {
    validateContractMetadata(document, path);
  } catch (err) {
    throw new CliError('CC_CLI_INVALID_METADATA', errorMessage(err), { cause: err });
  }
  const contracts = Object.keys((document as { contracts?: Record<string, unknown> }).contracts ?? {});
  ctx.stdout.write(`${path} is valid contract metadata (contracts: ${contracts.join(', ') || 'none'})\n`);
}
