import type { Identity } from '../ca/identity';
import { resolvePeerOptions, type DevPeerOptions } from '../options';
import type { ChaincodeConnection } from '../peer/chaincode-connection';
import type { ConnectOptions } from '../server/chaincode-dialer';
import { DevNetwork } from './dev-network';

/**
 * The single-org case of a `DevNetwork`: one peer of `mspId` (default Org1MSP) with its own CA.
 * It keeps the first dev peer's leniency: identities of other MSPs are endorsed as they are, and a
 * chaincode defined without collections accepts any collection name. Everything a network does
 * (endorsement policies, commit rules, events, snapshots...) works here too.
 */
export class DevPeer extends DevNetwork {
  private cachedDefault: Identity | undefined;

  static override async start(options?: DevPeerOptions): Promise<DevPeer> {
    const peer = new DevPeer(resolvePeerOptions(options));
    await peer.startPeers();
    return peer;
  }

  /** '127.0.0.1:<port>' serving ChaincodeSupport.Register. */
  get address(): string {
    return this.peer().address;
  }

  /** PEM of the TLS CA when started with `tls: true`. */
  get tlsRootCert(): Buffer | undefined {
    return this.peer().tlsRootCert;
  }

  /** The identity used when a transaction names none: CN=User1 of the peer's MSP (created once). */
  override get defaultIdentity(): Identity {
    this.cachedDefault ??= this.ca.createIdentity({ mspId: this.firstOrg, commonName: 'User1' });
    return this.cachedDefault;
  }

  /** Names of the registered (ready) chaincodes. */
  chaincodes(): string[] {
    return this.peer().chaincodes();
  }

  /**
   * Server mode: dial a chaincode server's Chaincode.Connect, expect its REGISTER, handshake, and
   * register it under `name`.
   */
  async connectToChaincode(name: string, options: ConnectOptions): Promise<void> {
    this.checkRunning();
    await this.peer().connectToChaincode(name, options);
  }

  /** A test's handle on the stream of the chaincode registered as `name`. */
  connection(name: string): ChaincodeConnection {
    this.checkRunning();
    return this.peer().connection(name);
  }
}
