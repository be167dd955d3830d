/**
 * Runs contract classes two ways against one DevPeer: on our dispatcher (through our
 * `startChaincode`) and on the official fabric-contract-api 2.5.8 (through the official fabric-shim
 * `ChaincodeFromContract` and its own `ChaincodeSupportClient`, exactly what `fabric-chaincode-node
 * start` runs), so responses can be compared call by call.
 */
import { DevPeer, type TransactionResult } from '@chaincode/dev-peer';
import {
  configureLogging,
  createContractChaincode,
  startChaincode,
  type ChaincodeSession,
  type ContractChaincodeOptions,
} from '@chaincode/shim';
import type { ContractClass } from '@chaincode/contract-api';

/** Keep a green run quiet: our shim and contract loggers write nowhere (warnings and worse are kept in `lines`). */
export function quietLogs(lines?: string[]): void {
  configureLogging({ level: 'warning', shimLevel: 'warning', sink: (line) => lines?.push(line) });
}
quietLogs();

// The official packages (devDependencies), loaded as plain CommonJS.

process.env.CORE_CHAINCODE_LOGGING_LEVEL ??= 'CRITICAL';
const ChaincodeFromContract = require('fabric-shim/lib/contract-spi/chaincodefromcontract') as new (
  contracts: unknown[],
  serializers: unknown,
  metadata: unknown,
  title: string,
  version: string,
) => unknown;

const { ChaincodeSupportClient } = require('fabric-shim/lib/handler') as {
  ChaincodeSupportClient: new (
    chaincode: unknown,
    url: string,
    opts: object,
  ) => { chat(msg: object): void; close(): void };
};

const { peer: peerProtos } = require('@hyperledger/fabric-protos') as {
  peer: {
    ChaincodeID: new () => { setName(n: string): void; serializeBinary(): Uint8Array };
    ChaincodeMessage: { Type: { REGISTER: number } };
  };
};

export const official = require('fabric-contract-api') as typeof import('@chaincode/contract-api');

export interface Answer {
  status: number;
  message: string;
  payload: string;
}

export function answer(r: TransactionResult): Answer {
  return { status: r.status, message: r.message, payload: Buffer.from(r.payload).toString('utf8') };
}

export interface Running {
  readonly name: string;
  call(args: string[]): Promise<Answer>;
  stop(): Promise<void>;
}

let counter = 0;

/** Start our chaincode built from `contracts` and register it with the peer. */
export async function runOurs(
  peer: DevPeer,
  contracts: ContractClass[],
  options: ContractChaincodeOptions = {},
): Promise<Running> {
  const name = `ours${String(++counter)}`;
  const chaincode = createContractChaincode(contracts, {
    info: { title: 'differential', version: '1.0.0' },
    ...options,
  });
  const session: ChaincodeSession = await startChaincode(chaincode, {
    peerAddress: peer.address,
    chaincodeIdName: name,
  });
  await session.ready;
  await peer.waitForChaincode(name);
  return {
    name,
    call: async (args) => answer(await peer.evaluate(name, args)),
    stop: () => session.close(),
  };
}

/** Start the official chaincode built from `contracts` and register it with the peer. */
export async function runOfficial(peer: DevPeer, contracts: unknown[], metadataFile: object = {}): Promise<Running> {
  const name = `official${String(++counter)}`;
  const { JSONSerializer } = official as unknown as { JSONSerializer: unknown };
  const chaincode = new ChaincodeFromContract(
    [...contracts],
    { transaction: 'jsonSerializer', serializers: { jsonSerializer: JSONSerializer } },
    structuredClone(metadataFile),
    'differential',
    '1.0.0',
  );
  const client = new ChaincodeSupportClient(chaincode, `grpc://${peer.address}`, {});
  const id = new peerProtos.ChaincodeID();
  id.setName(name);
  client.chat({ type: peerProtos.ChaincodeMessage.Type.REGISTER, payload: id.serializeBinary() });
  await peer.waitForChaincode(name);
  return {
    name,
    call: async (args) => answer(await peer.evaluate(name, args)),
    stop: () => {
      client.close();
      return Promise.resolve();
    },
  };
}
