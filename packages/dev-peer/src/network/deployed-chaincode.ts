import type { ChaincodeSession } from '@chaincode/shim';
import type { ChaincodeDefinitionOptions } from '../channel/chaincode-definition';
import type { ChaincodeIndexes } from '../query/index-spec';

/**
 * `modulePath` / `indexes`: the chaincode's CouchDB indexes (its META-INF/statedb/couchdb files),
 * validated as Fabric validates them at install and installed on every peer the chaincode runs
 * on; rich queries use them.
 */
export interface DeployOptions extends ChaincodeDefinitionOptions, ChaincodeIndexes {
  /** The orgs whose peers run the chaincode (a process each, with its org's MSP ID). Default: all. */
  readonly orgs?: readonly string[];
  /** The chaincode's CORE_PEER_LOCALMSPID (stub.getMspID()). Default: the MSP of the peer it runs for. */
  readonly localMspId?: string;
  readonly maxConcurrentTransactions?: number;
  /** How long to wait for REGISTERED + READY. Default 10000. */
  readonly timeoutMs?: number;
}

/**
 * A chaincode running on the network: one session per peer. As a ChaincodeSession it is ready when
 * every peer's session is, closed when every one has closed, and `close()` closes them all.
 */
export interface DeployedChaincode extends ChaincodeSession {
  readonly name: string;
  /** The chaincode session of each org's peer, by MSP ID. */
  readonly sessions: ReadonlyMap<string, ChaincodeSession>;
}
