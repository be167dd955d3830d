import { compareKeys } from '../state/key-order';
import { decodeBookmark, encodeBookmark, NIL_BOOKMARK, type BookmarkPosition } from './bookmark';
import { collate } from './collation';
import type { CouchDoc } from './couch-document';
import type { EJson, EObject } from './ejson';
import { getField, parseField } from './field-path';
import { project } from './fields-projection';
import type { FindRequest } from './find-request';
import type { IndexDefinition } from './index-definition';
import { chooseIndex, type QueryIndex } from './index-selection';
import { matchesSelector } from './selector-match';

/** One result of _find: the document (projected) and what it came from. */
export interface FoundDoc {
  readonly doc: CouchDoc;
  readonly returned: EObject;
}

export interface FindResponse {
  readonly docs: readonly FoundDoc[];
  readonly bookmark: string;
  readonly warning: string | undefined;
}

interface Row {
  readonly key: EJson;
  readonly doc: CouchDoc;
}

/** An index's rows in view order and how a bookmark position compares with a row. */
interface View {
  readonly rows: readonly Row[];
  readonly compare: (row: Row, position: BookmarkPosition) => number;
}

// The last rows computed for each index, reused while the documents are the same objects (a
// committed entry is never changed in place, so unchanged state means identical documents).
const lastRows = new WeakMap<IndexDefinition, { readonly docs: readonly CouchDoc[]; readonly rows: Row[] }>();

function sameDocs(a: readonly CouchDoc[], b: readonly CouchDoc[]): boolean {
  return a.length === b.length && a.every((doc, i) => doc === b[i]);
}

/**
 * One CouchDB database (a namespace, or a private data collection) frozen at a moment: its
 * documents in key order and its JSON indexes. A Fabric peer holds commits back while a transaction
 * is simulated, so every _find request of one query reads the same state; a snapshot gives that.
 */
export class CouchDatabase {
  private readonly views = new Map<IndexDefinition | 'all_docs', View>();

  constructor(
    private readonly docs: readonly CouchDoc[],
    private readonly indexes: readonly IndexDefinition[],
  ) {}

  /**
   * POST /{db}/_find (mango_cursor_view:execute): rows of the chosen index in key order (then
   * document id; reversed for a descending sort), from the bookmark on (the bookmarked row itself
   * skipped), filtered by the selector; `skip` matches dropped, then up to `limit` returned, and a
   * bookmark to the last row taken.
   */
  find(request: FindRequest): FindResponse {
    const { index, warning } = chooseIndex(
      this.indexes,
      request.selector,
      request.sort,
      request.useIndex,
      request.allowFallback,
    );
    const descending = request.sort.direction === 'desc';
    const { rows, compare } = this.view(index);
    let position = descending ? rows.length - 1 : 0;
    const step = descending ? -1 : 1;
    if (request.bookmark !== undefined) {
      const start = decodeBookmark(request.bookmark);
      position = descending ? lastAtOrBefore(rows, start, compare) : firstAtOrAfter(rows, start, compare);
      position += step; // CouchDB resumes at the bookmarked row with skip = 1
    }
    const docs: FoundDoc[] = [];
    let last: BookmarkPosition | undefined;
    let skip = request.skip;
    let limit = request.limit;
    for (; position >= 0 && position < rows.length; position += step) {
      const row = rows[position] as Row;
      if (!matchesSelector(request.selector, row.doc.body)) continue;
      if (limit === 0) break;
      last = { key: row.key, docId: row.doc.id };
      if (skip > 0) {
        skip--;
        continue;
      }
      docs.push({ doc: row.doc, returned: project(row.doc.body, request.fields) });
      limit--;
    }
    const bookmark = last !== undefined ? encodeBookmark(last) : (request.bookmark ?? NIL_BOOKMARK);
    return { docs, bookmark, warning };
  }

  // The rows of an index in view order. A JSON index holds the documents that have every indexed
  // field (null counts) and match its partial filter, in (key, document id) order with CouchDB's
  // collation for keys; _all_docs holds all documents in raw id (byte) order.
  private view(index: QueryIndex): View {
    const id = index.kind === 'all_docs' ? 'all_docs' : index.index;
    let view = this.views.get(id);
    if (view === undefined) {
      view =
        index.kind === 'all_docs'
          ? {
              rows: this.docs.map((doc) => ({ key: doc.id, doc })),
              compare: (row, p) => compareKeys(row.doc.id, p.docId),
            }
          : { rows: this.jsonRows(index.index), compare: compareToPosition };
      this.views.set(id, view);
    }
    return view;
  }

  private jsonRows(index: IndexDefinition): Row[] {
    const last = lastRows.get(index);
    if (last !== undefined && sameDocs(last.docs, this.docs)) return last.rows;
    const paths = index.columns.map(parseField);
    const rows: Row[] = [];
    for (const doc of this.docs) {
      if (index.partialFilter !== undefined && !matchesSelector(index.partialFilter, doc.body)) continue;
      const key: EJson[] = [];
      for (const path of paths) {
        const found = getField(doc.body, path);
        if (typeof found === 'string') break;
        key.push(found.value);
      }
      if (key.length === paths.length) rows.push({ key, doc });
    }
    rows.sort(compareRows);
    lastRows.set(index, { docs: this.docs, rows });
    return rows;
  }
}

function compareRows(a: Row, b: Row): number {
  return collate(a.key, b.key) || compareKeys(a.doc.id, b.doc.id);
}

function compareToPosition(row: Row, position: BookmarkPosition): number {
  return collate(row.key, position.key) || compareKeys(row.doc.id, position.docId);
}

type PositionCompare = View['compare'];

function firstAtOrAfter(rows: readonly Row[], position: BookmarkPosition, compare: PositionCompare): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(rows[mid] as Row, position) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lastAtOrBefore(rows: readonly Row[], position: BookmarkPosition, compare: PositionCompare): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(rows[mid] as Row, position) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
