import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { errorMessage } from '@chaincode/contract-api/internal';
import { CommandError } from '../errors/shim-error';
import { loadChaincodeForCommand } from './load-module';

export interface GenerateMetadataInput {
  readonly modulePath: string;
  /** Write here (".json" appended when it has no extension); undefined: return it for stdout. */
  readonly file?: string;
}

export interface GeneratedMetadata {
  /** The metadata JSON, indented by 4 as the official CLI prints it. */
  readonly json: string;
  /** The file written, when one was asked for. */
  readonly file?: string;
}

/** `metadata generate`: load the contract module and render its metadata. */
export async function generateMetadata(input: GenerateMetadataInput): Promise<GeneratedMetadata> {
  const chaincode = await loadChaincodeForCommand(input.modulePath);
  const json = JSON.stringify(chaincode.metadata, null, 4);
  if (input.file === undefined || input.file === '') return { json };
  const file = resolve(extname(input.file) === '' ? `${input.file}.json` : input.file);
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, json + '\n');
  } catch (err) {
    throw new CommandError('CC_SHIM_FILE_ERROR', `cannot write ${file}: ${errorMessage(err)}`, { cause: err });
  }
  return { json, file };
}

/** What `metadata generate` prints: the JSON, or where it was written. */
export function generatedMetadataText(result: GeneratedMetadata): string {
  return result.file === undefined ? result.json + '\n' : `metadata written to ${result.file}\n`;
}
