/**
 * An open query: a cursor producing encoded results, the running count and the results read ahead
 * that Fabric's QueryResponseGenerator keeps pending between pages.
 */
export interface QueryContext {
  next(): Uint8Array | undefined;
  /** The key the next page would start from ('' when the range is exhausted). */
  bookmark(): string;
  returned: number;
  /** Results read ahead, sent with the next page (created empty when absent). */
  pending?: Uint8Array[];
  readonly paginated: boolean;
}
