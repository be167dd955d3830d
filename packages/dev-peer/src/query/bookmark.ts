import { CouchError } from './couch-error';
import type { EJson } from './ejson';
import { decodeWhole } from './go-json-decode';
import { ejsonText } from './ejson-text';

/** Where a _find page ended: the last row's index key and document id (startkey / startkey_docid). */
export interface BookmarkPosition {
  readonly key: EJson;
  readonly docId: string;
}

/**
 * CouchDB's bookmarks are opaque base64url strings (term_to_binary of the last row's key and id);
 * these carry the same two things as base64url JSON. A query without results answers the bookmark
 * it was given, or "nil" when it had none.
 */
export const NIL_BOOKMARK = 'nil';

export function encodeBookmark(position: BookmarkPosition): string {
  return Buffer.from(ejsonText([position.docId, position.key]), 'utf8').toString('base64url');
}

/** A bookmark from a request ("nil" is as invalid to CouchDB as any other string it did not make). */
export function decodeBookmark(bookmark: string): BookmarkPosition {
  const invalid = new CouchError(400, 'invalid_bookmark', `Invalid bookmark value: ${JSON.stringify(bookmark)}`);
  if (!/^[A-Za-z0-9_-]+$/.test(bookmark)) throw invalid;
  const decoded = decodeWhole(Buffer.from(bookmark, 'base64url').toString('utf8'), 'literal');
  if (!decoded.ok || !Array.isArray(decoded.value) || decoded.value.length !== 2) throw invalid;
  const [docId, key] = decoded.value as [EJson, EJson];
  if (typeof docId !== 'string') throw invalid;
  return { key, docId };
}
