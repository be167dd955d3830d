import { takeTransient } from './dev-interpreter';

describe('takeTransient', () => {
  it('takes -t / --transient key=value pairs out of the arguments', () => {
    expect(takeTransient(['a1', '-t', 'asset={"id":"a1"}', 'x', '--transient', 'k=v=w'])).toEqual({
      args: ['a1', 'x'],
      transient: { asset: '{"id":"a1"}', k: 'v=w' },
    });
    expect(takeTransient(['plain'])).toEqual({ args: ['plain'], transient: {} });
  });

  it('refuses a pair without a key', () => {
    expect(() => takeTransient(['-t', '=v'])).toThrow('-t needs key=value');
    expect(() => takeTransient(['--transient'])).toThrow('--transient needs key=value');
  });
});
