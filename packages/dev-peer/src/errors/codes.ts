import type { ErrorRegistry } from '@chaincode/contract-api/internal';

/**
 * Every code the dev peer throws at its caller (`DevPeerError.code`). A chaincode's own failure is
 * never thrown: it is a transaction result with a status and the peer's message.
 */
export const devPeerErrorCodes = {
  CC_DEVPEER_INVALID_OPTIONS: {
    meaning: 'An option passed to DevNetwork.start, DevPeer.start or one of their methods is not valid.',
    action: 'Fix the option named in the message.',
  },
  CC_DEVPEER_NOT_REGISTERED: {
    meaning: 'No chaincode is registered (ready) under that name on the peer that was asked.',
    action: 'Deploy the chaincode (deployChaincode) or wait for it (waitForChaincode) before using it.',
  },
  CC_DEVPEER_TIMEOUT: {
    meaning: 'Waiting for a chaincode to register took longer than allowed.',
    action: 'Check that the chaincode process dials the peer address, or raise timeoutMs.',
  },
  CC_DEVPEER_STOPPED: {
    meaning: 'The network or peer was stopped; it takes no more work.',
    action: 'Start a new network, or stop it only after the last transaction.',
  },
  CC_DEVPEER_CONNECT_FAILED: {
    meaning: 'Dialing a chaincode server (chaincode as a service) failed, or it never sent REGISTER.',
    action: 'Check the address and TLS settings of the chaincode server and that it is running.',
  },
  CC_DEVPEER_REQUEST_REFUSED: {
    meaning: 'The peer refused a request of a chaincode (the chaincode receives it as an ERROR message).',
    action: 'Read the message: it is the text a Fabric peer sends for the same request.',
  },
  CC_DEVPEER_INVALID_POLICY: {
    meaning: "A policy is not valid in Fabric's signature policy syntax or names an unknown policy.",
    action: "Write it as Fabric's peer CLI accepts it, e.g. AND('Org1MSP.peer','Org2MSP.peer') or OutOf(1, ...).",
  },
  CC_DEVPEER_INVALID_DEFINITION: {
    meaning:
      'A chaincode definition (endorsement policy, collections configuration) was refused, as Fabric lifecycle refuses it.',
    action: 'Fix the definition or collections_config.json as the message says.',
  },
  CC_DEVPEER_UNKNOWN_ORG: {
    meaning: 'An organization (MSP ID) that is not part of the network was named.',
    action: 'Use one of the MSP IDs given to DevNetwork.start({ orgs }).',
  },
  CC_DEVPEER_INVALID_SEED: {
    meaning: 'Seed data or a snapshot passed to the network is not in the expected shape.',
    action: 'Fix the seed JSON as the message says; nothing was written.',
  },
  CC_DEVPEER_DATA_DIR_FOREIGN: {
    meaning: 'The data directory holds something that is not a dev peer ledger (other files, or another LevelDB).',
    action: 'Point dataDir at an empty or new directory, or at one a dev peer created.',
  },
  CC_DEVPEER_DATA_DIR_CORRUPT: {
    meaning: 'The data directory is a dev peer ledger that cannot be read (corrupt LevelDB or records).',
    action: 'Restore the directory from a copy, or delete it to start from an empty ledger.',
  },
  CC_DEVPEER_DATA_DIR_LOCKED: {
    meaning: 'Another process (or network) has the data directory open.',
    action: 'Stop the other network first; a directory serves one network at a time.',
  },
  CC_DEVPEER_STORAGE_FAILED: {
    meaning: 'Writing a block to the data directory failed; the block was not committed.',
    action: 'Check disk space and permissions of the data directory.',
  },
} as const satisfies ErrorRegistry;

export type DevPeerErrorCode = keyof typeof devPeerErrorCodes;
