import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { errorMessage } from '@chaincode/contract-api/internal';
import type { ChannelConfig } from '../channel/channel-config';
import type { OrderedTransaction } from '../commit/ordered-transaction';
import { DevPeerError } from '../errors/dev-peer-error';
import type { WriteRecord } from '../state/ledger-types';

/**
 * State to commit before a test, per chaincode: public keys and, per collection, private keys.
 * A value is written as is when it is a string (UTF-8) or bytes, as JSON otherwise.
 *
 * ```json
 * { "basic": { "state": { "asset1": { "ID": "asset1", "Color": "blue" } },
 *              "collections": { "assetCollection": { "asset1": { "appraisedValue": 300 } } } } }
 * ```
 */
export type SeedData = Readonly<Record<string, SeedChaincode>>;

export interface SeedChaincode {
  readonly state?: Readonly<Record<string, unknown>>;
  readonly collections?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

function seedError(message: string, cause?: unknown): DevPeerError {
  return new DevPeerError('CC_DEVPEER_INVALID_SEED', message, cause === undefined ? undefined : { cause });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function encodeValue(where: string, value: unknown): Buffer {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (value instanceof Uint8Array) return Buffer.from(value);
  // JSON.stringify answers undefined for values JSON cannot represent (its typing says string).
  let json: unknown;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw seedError(`${where}: the value cannot be written as JSON: ${errorMessage(error)}`, error);
  }
  if (typeof json !== 'string') throw seedError(`${where}: the value cannot be written as JSON`);
  return Buffer.from(json, 'utf8');
}

function writesOf(namespace: string, collection: string, entries: unknown): WriteRecord[] {
  const where = collection === '' ? `${namespace}.state` : `${namespace}.collections.${collection}`;
  if (!isRecord(entries)) throw seedError(`${where} must be an object of key → value`);
  return Object.entries(entries).map(([key, value]) => {
    if (key === '') throw seedError(`${where}: a key must not be empty`);
    const bytes = encodeValue(`${where}.${key}`, value);
    // An empty value is a delete to Fabric: refuse it rather than seed nothing.
    if (bytes.length === 0) throw seedError(`${where}.${key}: a value must not be empty`);
    return { namespace, collection, key, value: bytes, isDelete: false, isPurge: false };
  });
}

/**
 * The seed as one transaction per chaincode, all checked before anything is written: collections
 * must be defined for the chaincode (unless the chaincode's collections are open, on a DevPeer).
 */
export function seedTransactions(data: unknown, channel: ChannelConfig): OrderedTransaction[] {
  if (!isRecord(data))
    throw seedError('seed data must be an object: { "<chaincode>": { "state": {...}, "collections": {...} } }');
  const ms = Date.now();
  return Object.entries(data).map(([namespace, spec]) => {
    if (!isRecord(spec)) throw seedError(`${namespace} must be an object with "state" and/or "collections"`);
    const unknown = Object.keys(spec).filter((k) => k !== 'state' && k !== 'collections');
    if (unknown.length > 0)
      throw seedError(`${namespace}: unknown field(s) ${unknown.join(', ')} (expected "state", "collections")`);
    const writes = spec.state === undefined ? [] : writesOf(namespace, '', spec.state);
    if (spec.collections !== undefined) {
      if (!isRecord(spec.collections)) throw seedError(`${namespace}.collections must be an object`);
      for (const [collection, entries] of Object.entries(spec.collections)) {
        if (channel.collection(namespace, collection) === undefined && !channel.openCollections(namespace)) {
          throw seedError(
            `${namespace}.collections.${collection}: collection ${channel.channelId}/${namespace}/${collection} could not be found`,
          );
        }
        writes.push(...writesOf(namespace, collection, entries));
      }
    }
    return {
      txId: `seed-${randomBytes(8).toString('hex')}`,
      channelId: channel.channelId,
      chaincodeName: namespace,
      timestamp: { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 },
      creatorMspId: '',
      endorsers: [],
      results: { reads: [], privateReads: [], rangeQueries: [], writes, metadataWrites: [] },
      response: { status: 200, message: 'seed', payload: new Uint8Array(0) },
    };
  });
}

/** Read seed data from a JSON file. */
export function readSeedFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw seedError(`could not read seed file '${path}': ${errorMessage(error)}`, error);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw seedError(`seed file '${path}' is not JSON: ${errorMessage(error)}`, error);
  }
}
