import type { ChaincodeMessageInit } from '../wire/protos';
import { RequestQueue, type PendingRequest } from './request-queue';

function request(id: string): PendingRequest & { settled: Promise<string> } {
  let resolve!: (payload: Buffer) => void;
  let reject!: (error: Error) => void;
  const settled = new Promise<string>((res) => {
    resolve = (payload) => {
      res(`ok:${payload.toString()}`);
    };
    reject = (error) => {
      res(`err:${error.message}`);
    };
  });
  return { message: { txid: id }, resolve, reject, settled };
}

describe('RequestQueue', () => {
  let sent: string[];
  let queue: RequestQueue;
  beforeEach(() => {
    sent = [];
    queue = new RequestQueue((message: ChaincodeMessageInit) => {
      sent.push(message.txid ?? '');
    });
  });

  it('sends only the head, and the next one when the head is answered', async () => {
    const a = request('a');
    const b = request('b');
    const c = request('c');
    queue.enqueue(a);
    queue.enqueue(b);
    queue.enqueue(c);
    expect(sent).toEqual(['a']);
    expect(queue.size).toBe(3);

    queue.takeHead()?.resolve(Buffer.from('1'));
    expect(sent).toEqual(['a', 'b']);
    queue.takeHead()?.reject(new Error('boom'));
    expect(sent).toEqual(['a', 'b', 'c']);
    queue.takeHead()?.resolve(Buffer.from('3'));
    expect(queue.size).toBe(0);
    await expect(Promise.all([a.settled, b.settled, c.settled])).resolves.toEqual(['ok:1', 'err:boom', 'ok:3']);
  });

  it('returns undefined for an answer with nothing pending', () => {
    expect(queue.takeHead()).toBeUndefined();
    queue.enqueue(request('a'));
    queue.takeHead();
    expect(queue.takeHead()).toBeUndefined();
    expect(sent).toEqual(['a']);
  });

  it('sends a request at once when the queue had drained', () => {
    queue.enqueue(request('a'));
    queue.takeHead();
    queue.enqueue(request('b'));
    expect(sent).toEqual(['a', 'b']);
  });

  it('rejects every pending request on rejectAll and starts empty again', async () => {
    const a = request('a');
    const b = request('b');
    queue.enqueue(a);
    queue.enqueue(b);
    queue.rejectAll(new Error('closed'));
    await expect(Promise.all([a.settled, b.settled])).resolves.toEqual(['err:closed', 'err:closed']);
    expect(queue.size).toBe(0);
    expect(queue.takeHead()).toBeUndefined();
  });

  it('rejects a request whose write throws and moves on to the next', async () => {
    const failing = new RequestQueue((message) => {
      if (message.txid === 'bad') throw new Error('write failed');
      sent.push(message.txid ?? '');
    });
    const ok = request('ok');
    const bad = request('bad');
    const next = request('next');
    failing.enqueue(ok);
    failing.enqueue(bad);
    failing.enqueue(next);
    failing.takeHead()?.resolve(Buffer.from('x'));
    await expect(bad.settled).resolves.toBe('err:write failed');
    expect(sent).toEqual(['ok', 'next']);
    expect(failing.size).toBe(1);
  });

  it('keeps order over many requests (compaction included)', () => {
    const n = 500;
    for (let i = 0; i < n; i++) queue.enqueue(request(String(i)));
    for (let i = 0; i < n; i++) expect(queue.takeHead()?.message.txid).toBe(String(i));
    expect(sent).toEqual(Array.from({ length: n }, (_, i) => String(i)));
  });
});
