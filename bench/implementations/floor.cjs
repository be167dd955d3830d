// The raw floor: the least a Node chaincode process can do per workload, with no framework. A
// hand-written @grpc/grpc-js bidi stream and our generated protobuf codec (loaded by file, without
// the rest of @chaincode/shim): REGISTER, then for each TRANSACTION only the ledger requests the
// workload needs (one at a time, as the peer allows per transaction) and COMPLETED. Nothing is
// decoded that the workload does not read (the signed proposal is never looked at); with write
// batching advertised in READY, write10 sends one WRITE_BATCH_STATE instead of ten PUT_STATEs.
//
//   node floor.cjs --peer.address 127.0.0.1:7052 --chaincode-id-name name
'use strict';
const { dirname, join } = require('node:path');
const grpc = require('@grpc/grpc-js');
const { CONTRACT, WRITE_VALUE, assetProblem, writeKeys } = require('../workloads/workloads.cjs');

// By file: the package's `exports` map keeps the generated codec private, and the floor must not
// pay for loading the shim's index.
const { protos, queryresult } = require(
  join(dirname(require.resolve('@chaincode/shim/package.json')), 'dist/generated/protos.js'),
);

const { ChaincodeMessage, ChaincodeInput, Response } = protos;
const Type = ChaincodeMessage.Type;
const EMPTY = Buffer.alloc(0);

function argValue(flag) {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const peerAddress = argValue('--peer.address');
const name = argValue('--chaincode-id-name');
if (peerAddress === undefined || name === undefined) {
  console.error('usage: floor.cjs --peer.address <host:port> --chaincode-id-name <name>');
  process.exit(2);
}

const client = new grpc.Client(peerAddress, grpc.credentials.createInsecure());
const stream = client.makeBidiStreamRequest(
  '/protos.ChaincodeSupport/Register',
  (message) => ChaincodeMessage.encode(message).finish(),
  (bytes) => ChaincodeMessage.decode(bytes),
);

let useWriteBatch = false;
/** txid → the one outstanding request of that transaction */
const pending = new Map();

/** One ledger request of a transaction; resolves with the RESPONSE payload. */
function request(txid, channelId, type, payload) {
  return new Promise((resolve, reject) => {
    pending.set(txid, { resolve, reject });
    stream.write({ type, txid, channelId, payload });
  });
}

const workloads = {
  noop: async () => EMPTY,
  rmw: async (txid, channelId, [key]) => {
    const keyText = key.toString();
    const current = await request(txid, channelId, Type.GET_STATE, protos.GetState.encode({ key: keyText }).finish());
    const counter = current.length > 0 ? JSON.parse(current.toString()) : { n: 0 };
    counter.n += 1;
    const value = Buffer.from(JSON.stringify(counter));
    await request(txid, channelId, Type.PUT_STATE, protos.PutState.encode({ key: keyText, value }).finish());
    return EMPTY;
  },
  range: async (txid, channelId, [start, end]) => {
    const payload = protos.GetStateByRange.encode({ startKey: start.toString(), endKey: end.toString() }).finish();
    const response = protos.QueryResponse.decode(await request(txid, channelId, Type.GET_STATE_BY_RANGE, payload));
    // one page: has_more is false, so the peer has already released the iterator (no QUERY_STATE_CLOSE)
    let count = 0;
    for (const result of response.results) {
      const kv = queryresult.KV.decode(result.resultBytes);
      if (kv.key !== '') count++;
    }
    if (response.hasMore) throw new Error('the floor reads one page only');
    return Buffer.from(String(count));
  },
  createAsset: async (_txid, _channelId, [json]) => {
    const value = JSON.parse(json.toString());
    const problem = assetProblem(value);
    if (problem !== null) throw new Error(problem);
    return Buffer.from(JSON.stringify(value));
  },
  write10: async (txid, channelId, [prefix]) => {
    const keys = writeKeys(prefix.toString());
    if (useWriteBatch) {
      const rec = keys.map((key) => ({ key, value: WRITE_VALUE, type: protos.WriteRecord.Type.PUT_STATE }));
      await request(txid, channelId, Type.WRITE_BATCH_STATE, protos.WriteBatchState.encode({ rec }).finish());
    } else {
      for (const key of keys) {
        await request(txid, channelId, Type.PUT_STATE, protos.PutState.encode({ key, value: WRITE_VALUE }).finish());
      }
    }
    return EMPTY;
  },
};

async function transaction(message) {
  const { txid, channelId } = message;
  let response;
  try {
    const [fcn, ...params] = ChaincodeInput.decode(message.payload).args;
    const text = fcn.toString();
    const fn = text.startsWith(`${CONTRACT}:`) ? text.slice(CONTRACT.length + 1) : '';
    if (!Object.hasOwn(workloads, fn)) throw new Error(`unknown function ${text}`);
    response = { status: 200, payload: await workloads[fn](txid, channelId, params) };
  } catch (err) {
    response = { status: 500, message: String(err?.message ?? err) };
  }
  stream.write({ type: Type.COMPLETED, txid, channelId, payload: Response.encode(response).finish() });
}

stream.on('data', (message) => {
  switch (message.type) {
    case Type.RESPONSE:
    case Type.ERROR: {
      const waiting = pending.get(message.txid);
      pending.delete(message.txid);
      if (message.type === Type.RESPONSE) waiting?.resolve(message.payload);
      else waiting?.reject(new Error(message.payload.toString()));
      break;
    }
    case Type.TRANSACTION:
    case Type.INIT:
      void transaction(message);
      break;
    case Type.READY:
      useWriteBatch =
        message.payload.length > 0 && protos.ChaincodeAdditionalParams.decode(message.payload).useWriteBatch;
      break;
    case Type.KEEPALIVE:
      stream.write(message);
      break;
    default:
      break; // REGISTERED
  }
});
stream.on('error', () => undefined);
stream.on('end', () => {
  client.close();
  process.exitCode = 0;
});

stream.write({ type: Type.REGISTER, payload: protos.ChaincodeID.encode({ name }).finish() });
