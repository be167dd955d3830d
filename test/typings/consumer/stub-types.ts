// Consumer cases that compile against the official typings (fabric-shim-api 2.5): the stub,
// identity and iterator types (issue 7.2) — Timestamp.seconds a Long, Iterators.* interfaces that
// take what ctx.stub's queries return, ctx.stub/ctx.clientIdentity given where the shim's
// ChaincodeStub/ClientIdentity are expected.
import { Context } from '@chaincode/contract-api';
import { ChaincodeStub, ClientIdentity, Iterators } from '@chaincode/shim';

// Iterator helpers typed with the shim's names, given what ctx.stub returns.
export async function collect(iterator: Iterators.StateQueryIterator): Promise<string[]> {
  const out: string[] = [];
  let res = await iterator.next();
  while (!res.done) {
    out.push(`${res.value.key}=${Buffer.from(res.value.value).toString('utf8')}`);
    res = await iterator.next();
  }
  await iterator.close();
  return out;
}

export async function history(iterator: Iterators.HistoryQueryIterator): Promise<string[]> {
  const out: string[] = [];
  let res = await iterator.next();
  while (!res.done) {
    const { txId, isDelete, timestamp } = res.value;
    out.push(`${txId}:${String(isDelete)}:${timestamp.seconds.low}:${timestamp.nanos}`);
    res = await iterator.next();
  }
  await iterator.close();
  return out;
}

export async function everything(ctx: Context, id: string): Promise<string[]> {
  const states = await collect(await ctx.stub.getStateByRange('', ''));
  const changes = await history(await ctx.stub.getHistoryForKey(id));
  const { iterator } = await ctx.stub.getQueryResultWithPagination('{}', 5);
  return [...states, ...changes, ...(await collect(iterator))];
}

// The transaction time: seconds is a Long in the official typings.
export function txTime(ctx: Context): { low: number; ms: number } {
  const ts = ctx.stub.getTxTimestamp();
  return { low: ts.seconds.low, ms: ts.seconds.toNumber() * 1000 + Math.round(ts.nanos / 1e6) };
}

// ctx.stub and ctx.clientIdentity handed to helpers typed with the shim's classes.
export function mspOf(stub: ChaincodeStub, identity: ClientIdentity): string {
  return `${stub.getMspID()}:${identity.getMSPID()}`;
}

export function fromContext(ctx: Context): string {
  return mspOf(ctx.stub, ctx.clientIdentity);
}
