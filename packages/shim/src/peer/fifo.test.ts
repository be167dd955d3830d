import { Fifo } from './fifo';

describe('Fifo', () => {
  it('is empty at first: shift and peek give undefined, drain gives nothing', () => {
    const fifo = new Fifo<number>();
    expect(fifo.size).toBe(0);
    expect(fifo.shift()).toBeUndefined();
    expect(fifo.peek()).toBeUndefined();
    expect(fifo.drain()).toEqual([]);
  });

  it('gives items back oldest first; peek leaves the head in place', () => {
    const fifo = new Fifo<string>();
    fifo.push('a');
    fifo.push('b');
    expect(fifo.peek()).toBe('a');
    expect(fifo.size).toBe(2);
    expect(fifo.shift()).toBe('a');
    expect(fifo.shift()).toBe('b');
    expect(fifo.shift()).toBeUndefined();
    expect(fifo.size).toBe(0);
  });

  it('keeps order when it never drains completely (compaction included)', () => {
    const fifo = new Fifo<number>();
    const taken: number[] = [];
    let next = 0;
    for (let round = 0; round < 1000; round++) {
      fifo.push(next++);
      fifo.push(next++);
      taken.push(fifo.shift() ?? -1);
    }
    expect(fifo.size).toBe(1000);
    expect(taken).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(fifo.peek()).toBe(1000);
  });

  it('drain returns what is left, oldest first, and empties the queue', () => {
    const fifo = new Fifo<number>();
    for (let i = 0; i < 5; i++) fifo.push(i);
    fifo.shift();
    expect(fifo.drain()).toEqual([1, 2, 3, 4]);
    expect(fifo.size).toBe(0);
    fifo.push(9);
    expect(fifo.shift()).toBe(9);
  });
});
