/**
 * The rich-query case table (fixtures/rich-query-cases.ts): each case runs on the dev peer's query
 * engine, over a real ledger and transaction simulation, and must give the answer its source states.
 */
import { IndexCatalog } from '../../packages/dev-peer/src/query/index-catalog';
import { QueryError } from '../../packages/dev-peer/src/query/query-error';
import { validateKeyValue } from '../../packages/dev-peer/src/simulation/state-database';
import {
  CASES,
  type Expectation,
  type IndexCase,
  type PagesCase,
  type QueryCase,
  type WriteCase,
} from './fixtures/rich-query-cases';
import { RichQueryEngine } from './support/rich-query-engine';

const title = (c: { name: string; source: string }): string => `${c.name}  [${c.source}]`;

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof QueryError) return error.message;
    throw error;
  }
  throw new Error('expected the query to fail');
}

function check(engine: RichQueryEngine, c: QueryCase, expect: Expectation): void {
  const run = () => engine.query(c.query, c.pageSize === undefined ? undefined : { pageSize: c.pageSize });
  if ('error' in expect) {
    expect_(errorOf(run)).toBe(expect.error);
  } else if ('errorStartsWith' in expect) {
    expect_(errorOf(run).startsWith(expect.errorStartsWith)).toBe(true);
  } else if ('keys' in expect) {
    expect_(run().keys).toEqual(expect.keys);
  } else {
    expect_(run().values).toEqual(expect.values);
  }
}

const expect_ = expect;

describe('rich queries: the case table', () => {
  const queries = CASES.filter((c): c is QueryCase => c.kind === 'query');
  it.each(queries.map((c) => [title(c), c] as const))('%s', (_title, c) => {
    const engine = new RichQueryEngine({ docs: c.docs, indexes: c.indexes ?? [], ...c.limits });
    check(engine, c, c.expect);
  });

  const pages = CASES.filter((c): c is PagesCase => c.kind === 'pages');
  it.each(pages.map((c) => [title(c), c] as const))('%s', (_title, c) => {
    const engine = new RichQueryEngine({ docs: c.docs, indexes: c.indexes ?? [], ...c.limits });
    let bookmark = '';
    for (const page of c.pages) {
      const given = page.bookmark ?? bookmark;
      const query = page.query ?? c.query;
      if (page.error !== undefined) {
        expect(errorOf(() => engine.query(query, { pageSize: page.pageSize, bookmark: given }))).toBe(page.error);
        continue;
      }
      const answer = engine.query(query, { pageSize: page.pageSize, bookmark: given });
      if (page.keys !== undefined) expect(answer.keys).toEqual(page.keys);
      expect(answer.fetchedRecordsCount).toBe(answer.keys.length);
      if (page.sameBookmark === true) expect(answer.bookmark).toBe(given);
      if (page.expectBookmark !== undefined) expect(answer.bookmark).toBe(page.expectBookmark);
      bookmark = answer.bookmark ?? '';
    }
  });

  const writes = CASES.filter((c): c is WriteCase => c.kind === 'write');
  it.each(writes.map((c) => [title(c), c] as const))('write: %s', (_title, c) => {
    const write = () => {
      validateKeyValue('CouchDB', c.key, Buffer.from(c.value));
    };
    if (c.refusal === undefined) expect(write).not.toThrow();
    else expect(write).toThrow(expect.objectContaining({ code: 'CC_DEVPEER_REQUEST_REFUSED', message: c.refusal }));
  });

  const indexes = CASES.filter((c): c is IndexCase => c.kind === 'index');
  it.each(indexes.map((c) => [title(c), c] as const))('index file: %s', (_title, c) => {
    const install = () => {
      new IndexCatalog().install('cc', [{ path: c.path, content: c.content }]);
    };
    if (c.error === undefined) expect(install).not.toThrow();
    else expect(install).toThrow(c.error);
  });

  it('has a case for every operator CouchDB documents', () => {
    const text = JSON.stringify(queries.map((c) => c.query));
    const operators = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$exists', '$type', '$in', '$nin', '$size', '$mod', '$regex',
      '$and', '$or', '$nor', '$not', '$all', '$elemMatch', '$allMatch', '$keyMapMatch', '$beginsWith']; // prettier-ignore
    const implicitAnd = queries.some(
      (c) => typeof c.query === 'object' && Object.keys((c.query as { selector?: object }).selector ?? {}).length > 1,
    );
    expect({ missing: operators.filter((op) => !text.includes(`"${op}"`)), implicitAnd }).toEqual({
      missing: [],
      implicitAnd: true,
    });
  });
});
