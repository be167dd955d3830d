/**
 * The peer's checks on private data requests of one transaction (core/chaincode/handler.go's
 * errorIfCreatorHasNoReadPermission / errorIfCreatorHasNoWritePermission): each method throws a
 * RequestRefusedError with Fabric's text when the request is refused.
 */
export interface CollectionGuard {
  /** GET_STATE, GET_STATE_MULTIPLE, GET_STATE_METADATA, range and rich queries on a collection. */
  checkRead(namespace: string, collection: string): void;
  /** PUT_STATE, DEL_STATE, PUT_STATE_METADATA, PURGE_PRIVATE_DATA on a collection. */
  checkWrite(namespace: string, collection: string): void;
  /** GET_PRIVATE_DATA_HASH: no permission check, but the collection must be defined (the ledger's rule). */
  checkDefined(namespace: string, collection: string): void;
}

/** Every collection name accepted, readable and writable by anyone (no collection configuration). */
export const OPEN_COLLECTIONS: CollectionGuard = {
  checkRead: () => undefined,
  checkWrite: () => undefined,
  checkDefined: () => undefined,
};
