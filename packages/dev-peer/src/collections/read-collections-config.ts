import { readFileSync } from 'node:fs';
import { errorMessage } from '@chaincode/contract-api/internal';
import { DevPeerError } from '../errors/dev-peer-error';
import type { CollectionConfig } from './collection-config';

/**
 * Read a `collections_config.json` file (the one given to `peer lifecycle chaincode
 * approveformyorg --collections-config`) for `deployChaincode(name, chaincode, { collections })`.
 * The entries are validated when the chaincode is defined, against the network's orgs.
 */
export function readCollectionsConfig(path: string): CollectionConfig[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DevPeerError('CC_DEVPEER_INVALID_DEFINITION', `could not read file '${path}': ${errorMessage(error)}`, {
      cause: error,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DevPeerError(
      'CC_DEVPEER_INVALID_DEFINITION',
      `could not parse the collection configuration in '${path}': ${errorMessage(error)}`,
      { cause: error },
    );
  }
  if (!Array.isArray(parsed)) {
    throw new DevPeerError(
      'CC_DEVPEER_INVALID_DEFINITION',
      `could not parse the collection configuration in '${path}': expected a JSON array of collections`,
    );
  }
  return parsed as CollectionConfig[];
}
