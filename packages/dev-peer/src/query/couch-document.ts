import { createHash } from 'node:crypto';
import type { StateEntry, Version } from '../state/ledger-types';
import { compareKeys } from '../state/key-order';
import type { EJson, EObject } from './ejson';
import { decodeStateObject } from './go-json-decode';
import { goMarshal } from './go-json-encode';

/** Fabric's reserved document fields (couchdoc_conv.go). */
export const ID_FIELD = '_id';
export const REV_FIELD = '_rev';
export const VERSION_FIELD = '~version';
export const ATTACHMENTS_FIELD = '_attachments';

/**
 * A state entry as the CouchDB document Fabric writes for it (keyValToCouchDoc): a value that is a
 * JSON object becomes the document's fields (members sorted, numbers through float64) beside `_id`
 * (the key) and `~version`; any other value is stored as the attachment "valueBytes", so selectors
 * on data fields never match it.
 */
export interface CouchDoc {
  readonly id: string;
  /** The body CouchDB returns: _id, _rev, fields in order, ~version, _attachments for binary values. */
  readonly body: EObject;
  /** The original bytes of a value stored as an attachment. */
  readonly attachment: Uint8Array | undefined;
  readonly version: Version;
}

const cache = new WeakMap<StateEntry, CouchDoc>();

export function couchDocument(key: string, entry: StateEntry): CouchDoc {
  const cached = cache.get(entry);
  if (cached !== undefined && cached.id === key) return cached;
  const doc = buildDocument(key, entry);
  cache.set(entry, doc);
  return doc;
}

function buildDocument(key: string, entry: StateEntry): CouchDoc {
  const fields = decodeStateObject(entry.value);
  const rev = `1-${createHash('md5').update(key).update(entry.value).digest('hex')}`;
  const members: [string, EJson][] = fields === undefined ? [] : [...fields];
  members.push([VERSION_FIELD, encodeVersionField(entry.version)]);
  members.sort(([a], [b]) => compareKeys(a, b));
  const body: EObject = new Map<string, EJson>([[ID_FIELD, key], [REV_FIELD, rev], ...members]);
  if (fields === undefined) {
    const digest = createHash('md5').update(entry.value).digest('base64');
    body.set(
      ATTACHMENTS_FIELD,
      new Map<string, EJson>([
        [
          'valueBytes',
          new Map<string, EJson>([
            ['content_type', 'application/octet-stream'],
            ['revpos', 1],
            ['digest', `md5-${digest}`],
            ['length', entry.value.length],
            ['stub', true],
          ]),
        ],
      ]),
    );
  }
  return { id: key, body, attachment: fields === undefined ? entry.value : undefined, version: entry.version };
}

/**
 * `~version` as Fabric 2.x encodes it: "\u0000" + base64(VersionFieldProto{version_bytes}), the
 * height in order-preserving varints. (Key metadata, which Fabric also packs in here, is left out.)
 */
function encodeVersionField(version: Version): string {
  const height = Buffer.concat([orderPreserving(version.blockNum), orderPreserving(version.txNum)]);
  const proto = Buffer.concat([Buffer.from([0x0a, height.length]), height]);
  return `\u0000${proto.toString('base64')}`;
}

function orderPreserving(n: number): Buffer {
  const bytes: number[] = [];
  for (let v = BigInt(n); v > 0n; v >>= 8n) bytes.unshift(Number(v & 0xffn));
  return Buffer.from([bytes.length, ...bytes]);
}

/**
 * couchDocToKeyValue: the value Fabric hands back for a document CouchDB returned. A document with
 * attachment information yields the attachment's bytes; otherwise the fields without _id, _rev and
 * ~version, written by Go's encoding/json (sorted members, compact, HTML-safe escapes).
 */
export function valueOfResult(doc: CouchDoc, returned: EObject): Uint8Array {
  if (returned.has(ATTACHMENTS_FIELD) && doc.attachment !== undefined) return doc.attachment;
  const data: EObject = new Map(returned);
  data.delete(ID_FIELD);
  data.delete(REV_FIELD);
  data.delete(VERSION_FIELD);
  return Buffer.from(goMarshal(data), 'utf8');
}
