import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateContractMetadata } from '@chaincode/contract-api/internal';
import { CliError } from '../../cli-error';
import type { CliContext } from '../../context';

/** `metadata validate F`: parse the file and check it against the contract metadata schema. */
export function runMetadataValidate(ctx: CliContext, file: string): void {
  const path = resolve(ctx.cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError('FILE_ERROR', `cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (err) {
    throw new CliError('INVALID_METADATA', `${path} is not JSON: ${(err as Error).message}`, { cause: err });
  }
  try {
    validateContractMetadata(document, path);
  } catch (err) {
    throw new CliError('INVALID_METADATA', (err as Error).message.split('\n', 1)[0] ?? 'invalid metadata', {
      cause: err,
    });
  }
  const contracts = Object.keys((document as { contracts?: Record<string, unknown> }).contracts ?? {});
  ctx.stdout.write(`${path} is valid contract metadata (contracts: ${contracts.join(', ') || 'none'})\n`);
}
