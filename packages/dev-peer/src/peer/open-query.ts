/** An open query: a cursor producing encoded results, and the running count Fabric keeps. */
export interface QueryContext {
  next(): Uint8Array | undefined;
  hasNext(): boolean;
  /** The key the next page would start from ('' when the range is exhausted). */
  bookmark(): string;
  returned: number;
  readonly paginated: boolean;
}
