import type { CreateIdentityOptions, Identity } from '../ca/identity';
import type { ChaincodeConnection } from '../peer/chaincode-connection';
import type { ConnectOptions } from '../server/chaincode-dialer';

/** One org's peer, as a test sees it. */
export interface NetworkPeer {
  readonly mspId: string;
  /** '127.0.0.1:<port>': where a client-mode chaincode process dials (`--peer.address`). */
  readonly address: string;
  /** PEM of the TLS CA when the network serves TLS. */
  readonly tlsRootCert: Buffer | undefined;
  /** The peer's own identity (node OU peer), which signs its endorsements. */
  readonly identity: Identity;
  /** Resolves once a chaincode registered as `name` with this peer is ready. */
  waitForChaincode(name: string, options?: { timeoutMs?: number }): Promise<void>;
  /** Server mode: dial a chaincode server and register it under `name` on this peer. */
  connectToChaincode(name: string, options: ConnectOptions): Promise<void>;
  /** Names of the chaincodes registered (ready) with this peer. */
  chaincodes(): string[];
  /** A raw handle on the stream of the chaincode registered as `name`. */
  connection(name: string): ChaincodeConnection;
}

/** An organization of the network: its MSP, CA and peer. */
export interface NetworkOrg {
  readonly mspId: string;
  readonly peer: NetworkPeer;
  /** PEM root certificate of the org's CA. */
  readonly caCertificate: string;
  /** An identity of this org issued by its CA (Fabric CA-shaped; default role client). */
  identity(commonName: string, options?: Omit<CreateIdentityOptions, 'mspId' | 'commonName'>): Identity;
  /** The org's admin (node OU admin), `Admin@<domain>`. */
  readonly admin: Identity;
  /** The org's first client user, `User1@<domain>`. */
  readonly user: Identity;
}
