import type { DevPeer, TransactionResult } from '@chaincode/dev-peer';
import {
  common,
  messageTypeName,
  msp,
  MessageType,
  protos,
  type ChaincodeMessage,
  type ChaincodeMessageInit,
} from '@chaincode/shim/internal';
import { describe as describeResult, call, describeMessage, eventually, recordFrom, text } from '../support/observe';
import type { Observed, RowContext, Scenario } from '../support/scenario';

const GROUP = 'Malformed peer messages';

/** Field 1, length-delimited, with a length running past the end: no protobuf decoder takes it. */
const GARBAGE = Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f]);

/** The next TRANSACTION the peer sends to `name` goes out as `rewrite` makes it. */
function rewriteNextTransaction(
  peer: DevPeer,
  name: string,
  rewrite: (m: ChaincodeMessage) => ChaincodeMessageInit,
): void {
  peer.faults.add({
    direction: 'toChaincode',
    chaincode: name,
    types: ['TRANSACTION'],
    times: 1,
    action: { kind: 'rewrite', rewrite },
  });
}

const base = (m: ChaincodeMessage): ChaincodeMessageInit => ({
  type: m.type,
  txid: m.txid,
  channelId: m.channelId,
  payload: m.payload,
  ...(m.timestamp !== null ? { timestamp: m.timestamp } : {}),
});

/** The proposal of `m` with the creator's certificate bytes replaced. */
function withCreator(m: ChaincodeMessage, idBytes: Buffer): ChaincodeMessageInit {
  const proposal = protos.Proposal.decode(m.proposal?.proposalBytes ?? new Uint8Array());
  const header = common.Header.decode(proposal.header);
  const signatureHeader = common.SignatureHeader.decode(header.signatureHeader);
  const creator = msp.SerializedIdentity.decode(signatureHeader.creator);
  const forged = protos.Proposal.encode({
    header: common.Header.encode({
      channelHeader: header.channelHeader,
      signatureHeader: common.SignatureHeader.encode({
        creator: msp.SerializedIdentity.encode({ mspid: creator.mspid, idBytes }).finish(),
        nonce: signatureHeader.nonce,
      }).finish(),
    }).finish(),
    payload: proposal.payload,
  }).finish();
  return { ...base(m), proposal: { proposalBytes: forged, signature: m.proposal?.signature ?? new Uint8Array() } };
}

/** Calls whose TRANSACTION is rewritten on its way to the chaincode. */
function rewrittenCalls(
  title: string,
  expected: string,
  rewrite: (m: ChaincodeMessage) => ChaincodeMessageInit,
  list: readonly (readonly string[])[],
  check: (results: readonly TransactionResult[]) => void,
): Scenario {
  return {
    group: GROUP,
    title,
    expected,
    ours: { runner: 'in process' },
    official: { runner: 'fabric-chaincode-node start' },
    async run({ peer, cc }) {
      const results: (TransactionResult | undefined)[] = [];
      for (const args of list) {
        rewriteNextTransaction(peer, cc!.name, rewrite);
        results.push(await call(peer.evaluate(cc!.name, args)));
      }
      return {
        response: results.map(describeResult).join(' · '),
        hung: results.some((r) => r === undefined),
        details: { results },
      };
    },
    check(observed) {
      const results = observed.details?.results as (TransactionResult | undefined)[];
      expect(results.every((r) => r !== undefined)).toBe(true);
      check(results as TransactionResult[]);
    },
  };
}

/** What the chaincode sent back for `txid` within a bound (none for a message it must not answer). */
async function repliesTo(row: RowContext, message: ChaincodeMessageInit, expectReply: boolean): Promise<Observed> {
  const { peer, cc } = row;
  const recorder = recordFrom(peer, cc!.name);
  try {
    peer.faults.stream(cc!.name).send(message);
    const replied = (): ChaincodeMessage[] => recorder.messages.filter((m) => m.txid === message.txid);
    // Something that must not be answered: the next normal call shows the stream moved on.
    if (expectReply) await eventually(() => replied().length > 0 || !cc!.alive);
    else await call(peer.evaluate(cc!.name, ['chaos:probe']));
    const replies = replied();
    return {
      response:
        replies.length === 0
          ? 'no reply'
          : replies.map((r) => describeMessage(messageTypeName(r.type), text(r.payload))).join(' · '),
      details: { replies },
    };
  } catch (error) {
    // the stream was already gone (the process died)
    return { response: `could not send: ${String(error)}` };
  } finally {
    recorder.stop();
  }
}

function injected(
  title: string,
  expected: string,
  message: ChaincodeMessageInit,
  expectReply: boolean,
  check: (replies: readonly ChaincodeMessage[]) => void,
): Scenario {
  return {
    group: GROUP,
    title,
    expected,
    ours: { runner: 'in process' },
    official: { runner: 'fabric-chaincode-node start' },
    run: (row) => repliesTo(row, message, expectReply),
    check(observed) {
      check(observed.details?.replies as ChaincodeMessage[]);
    },
  };
}

const refusal = (name: string, size: number): string =>
  `Chaincode handler FSM cannot handle message (${name}) with payload size (${String(size)}) while in state: ready`;

const answer = (r: TransactionResult | undefined): [number, string] =>
  r === undefined ? [0, 'no answer'] : [r.status, r.status < 400 ? text(r.payload) : r.message];

export const peerMessages: readonly Scenario[] = [
  rewrittenCalls(
    'Garbage TRANSACTION payload (not a ChaincodeInput)',
    'answers ERROR naming the decode failure; the peer fails that proposal',
    (m) => ({ ...base(m), payload: GARBAGE, ...(m.proposal !== null ? { proposal: m.proposal } : {}) }),
    [['chaos:get', 'k']],
    ([r]) => {
      expect(r?.status).toBe(500);
      expect(r?.message).toMatch(/could not decode the ChaincodeInput/);
    },
  ),
  rewrittenCalls(
    'TRANSACTION without a proposal (a read, then the client identity)',
    'a read is served; the identity answers 500 with a clear reason',
    (m) => base(m),
    [['chaos:get', 'k'], ['chaos:whoami']],
    ([get, whoami]) => {
      expect(answer(get)[0]).toBe(200);
      expect(whoami?.status).toBe(500);
      expect(whoami?.message).not.toBe('');
    },
  ),
  rewrittenCalls(
    'Garbage proposal bytes (a read, then the client identity)',
    'a read is served; the identity answers 500 with a clear reason',
    (m) => ({ ...base(m), proposal: { proposalBytes: GARBAGE, signature: Buffer.from('sig') } }),
    [['chaos:get', 'k'], ['chaos:whoami']],
    ([get, whoami]) => {
      expect(answer(get)[0]).toBe(200);
      expect(whoami?.status).toBe(500);
      expect(whoami?.message).not.toBe('');
    },
  ),
  rewrittenCalls(
    'Creator that is not a PEM certificate (a read, then the client identity)',
    'a read is served; the identity answers 500 naming the certificate problem',
    (m) => withCreator(m, Buffer.from('not a PEM certificate')),
    [['chaos:get', 'k'], ['chaos:whoami']],
    ([get, whoami]) => {
      expect(answer(get)[0]).toBe(200);
      expect(whoami?.status).toBe(500);
      expect(whoami?.message).toMatch(/certificate|PEM/i);
    },
  ),
  injected(
    'Unknown message type (99)',
    'answers ERROR (the FSM cannot handle it) and keeps the stream',
    Object.assign(protos.ChaincodeMessage.create({ txid: 'chaos-unknown-type', channelId: 'mychannel' }), { type: 99 }),
    true,
    (replies) => {
      expect(replies.map((r) => [r.type, text(r.payload)])).toEqual([[MessageType.ERROR, refusal('99', 0)]]);
    },
  ),
  injected(
    'KEEPALIVE',
    'echoes KEEPALIVE',
    { type: MessageType.KEEPALIVE, txid: 'chaos-keepalive', payload: Buffer.from('ping') },
    true,
    (replies) => {
      expect(replies.map((r) => [r.type, text(r.payload)])).toEqual([[MessageType.KEEPALIVE, 'ping']]);
    },
  ),
  injected(
    'A second READY once ready',
    'answers ERROR (the FSM cannot handle it) and keeps the stream',
    { type: MessageType.READY, txid: 'chaos-second-ready' },
    true,
    (replies) => {
      expect(replies.map((r) => [r.type, text(r.payload)])).toEqual([[MessageType.ERROR, refusal('READY', 0)]]);
    },
  ),
  injected(
    'A second REGISTERED once ready',
    'answers ERROR (the FSM cannot handle it) and keeps the stream',
    { type: MessageType.REGISTERED, txid: 'chaos-second-registered' },
    true,
    (replies) => {
      expect(replies.map((r) => [r.type, text(r.payload)])).toEqual([[MessageType.ERROR, refusal('REGISTERED', 0)]]);
    },
  ),
  injected(
    'RESPONSE for an unknown txid',
    'ignores it (logged) and serves on',
    { type: MessageType.RESPONSE, txid: 'chaos-nobody', channelId: 'mychannel', payload: Buffer.from('stray') },
    false,
    (replies) => {
      expect(replies).toEqual([]);
    },
  ),
  {
    group: GROUP,
    title: 'RESPONSE on the wrong channel, just before the real one',
    expected: 'ignores it; the transaction gets the real answer',
    ours: { runner: 'in process' },
    official: { runner: 'fabric-chaincode-node start' },
    async run({ peer, cc }) {
      peer.faults.add({
        direction: 'toChaincode',
        chaincode: cc!.name,
        types: ['RESPONSE'],
        times: 1,
        action: {
          kind: 'rewrite',
          rewrite: (m) => [
            { type: MessageType.RESPONSE, txid: m.txid, channelId: 'otherchannel', payload: Buffer.from('WRONG') },
            m,
          ],
        },
      });
      const r = await call(peer.evaluate(cc!.name, ['chaos:get', 'never-written']));
      return { response: describeResult(r), hung: r === undefined, details: { r } };
    },
    check(observed) {
      expect(answer(observed.details?.r as TransactionResult)).toEqual([200, '']);
    },
  },
  {
    group: GROUP,
    title: 'ERROR in answer to a GET_STATE',
    expected: "the stub call rejects with the peer's text; the transaction answers 500 with it",
    ours: { runner: 'in process' },
    official: { runner: 'fabric-chaincode-node start' },
    async run({ peer, cc }) {
      peer.faults.add({
        direction: 'toChaincode',
        chaincode: cc!.name,
        types: ['RESPONSE'],
        times: 1,
        action: {
          kind: 'rewrite',
          rewrite: (m) => ({
            type: MessageType.ERROR,
            txid: m.txid,
            channelId: m.channelId,
            payload: Buffer.from('GET_STATE refused by the peer (chaos)'),
          }),
        },
      });
      const r = await call(peer.evaluate(cc!.name, ['chaos:get', 'k']));
      return { response: describeResult(r), hung: r === undefined, details: { r } };
    },
    check(observed) {
      expect(answer(observed.details?.r as TransactionResult)).toEqual([500, 'GET_STATE refused by the peer (chaos)']);
    },
  },
];
