import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { errorMessage } from '../errors/chaincode-error';
import { MetadataError } from '../errors/metadata-error';
import type { ContractMetadataJson } from '../metadata/contract-metadata';
import { createAjv, describeErrors } from './ajv-factory';

/** Where the package ships Fabric's contract metadata schema (same place from `src/` and `dist/`). */
export const CONTRACT_SCHEMA_PATH = join(__dirname, '..', '..', 'schema', 'contract-schema.json');

let validator: ValidateFunction | undefined;

/** The contract metadata JSON schema this package ships. */
export function contractMetadataSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(CONTRACT_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
}

/** Check a metadata document against the schema; throws a MetadataError naming every problem. */
export function validateContractMetadata(metadata: unknown, source = 'Contract metadata'): ContractMetadataJson {
  validator ??= createAjv().compile(contractMetadataSchema());
  if (!validator(structuredClone(metadata))) {
    throw new MetadataError(
      'CC_API_METADATA_SCHEMA',
      `${source} does not match the schema: ${describeErrors(validator.errors)}`,
    );
  }
  return metadata as ContractMetadataJson;
}

/**
 * The text of a metadata file (META-INF/metadata.json), parsed and checked against the schema;
 * `source` names the file in the errors.
 */
export function parseContractMetadata(text: string, source: string): ContractMetadataJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new MetadataError('CC_API_METADATA_SCHEMA', `${source} is not JSON: ${errorMessage(err)}`, { cause: err });
  }
  return validateContractMetadata(parsed, `Contract metadata (${source})`);
}
