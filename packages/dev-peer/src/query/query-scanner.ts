import { shimLogger } from '@chaincode/shim/internal';
import type { CouchDatabase, FoundDoc } from './couch-database';
import { applyQueryOptions } from './fabric-query';
import { parseFindRequest } from './find-request';

const logger = shimLogger('dev-peer');

/**
 * Fabric's queryScanner for a rich query (statecouchdb.go): CouchDB is asked for batches of
 * `internalQueryLimit` documents (core.yaml ledger.state.couchDBConfig.internalQueryLimit), each
 * batch continuing from the previous batch's bookmark, until a batch comes back short. With a page
 * size (getQueryResultWithPagination) a batch asks for no more than what the page still needs, and
 * the bookmark of the last batch is the page's bookmark. Skip in the query applies to every batch,
 * as CouchDB applies it to every request.
 */
export class QueryScanner {
  private results: readonly FoundDoc[] = [];
  private cursor = -1;
  private returned = 0;
  private currentBookmark: string;

  constructor(
    private readonly db: CouchDatabase,
    private readonly query: string,
    private readonly internalQueryLimit: number,
    private readonly requestedLimit: number,
    bookmark: string,
  ) {
    this.currentBookmark = bookmark;
    this.fetch();
    this.cursor = -1;
  }

  /** The bookmark CouchDB answered last ("nil" when a batch found nothing and had no bookmark). */
  get bookmark(): string {
    return this.currentBookmark;
  }

  next(): FoundDoc | undefined {
    if (this.results.length === 0) return undefined;
    this.cursor++;
    if (this.cursor >= this.internalQueryLimit) {
      this.fetch();
      if (this.results.length === 0) return undefined;
    }
    const result = this.results[this.cursor];
    if (result === undefined) return undefined;
    this.returned++;
    return result;
  }

  // executeQueryWithBookmark
  private fetch(): void {
    let limit = this.internalQueryLimit;
    if (this.requestedLimit > 0 && this.requestedLimit - this.returned < this.internalQueryLimit) {
      limit = this.requestedLimit - this.returned;
    }
    const body = applyQueryOptions(this.query, limit, this.currentBookmark);
    const response = this.db.find(parseFindRequest(body));
    if (response.warning !== undefined) {
      logger.debug(`The query [${this.query}] caused the following warning: [${response.warning}]`);
    }
    this.results = response.docs;
    this.currentBookmark = response.bookmark;
    this.cursor = 0;
  }
}
