/* eslint-disable @typescript-eslint/unbound-method, @typescript-eslint/no-implied-eval -- reading method sources is the point */
import { parameterNames } from './parameter-names';

describe('parameterNames', () => {
  it('reads a class method', () => {
    class C {
      async create(ctx: unknown, id: string, value: number): Promise<void> {
        await Promise.resolve([ctx, id, value]);
      }
    }
    expect(parameterNames(C.prototype.create)).toEqual(['ctx', 'id', 'value']);
  });

  it('handles defaults, rest, comments, strings and destructuring', () => {
    const fn = new Function(
      'return function f(a /* first, really */, b = "x,y)", c = (1, 2), { d, e } = {}, [f] = [], ...rest) {}',
    )() as (...args: never[]) => unknown;
    expect(parameterNames(fn)).toEqual(['a', 'b', 'c', '{ d, e }', '[f]', 'rest']);
  });

  it('reads arrow functions and functions without parameters', () => {
    expect(parameterNames((x: number) => x)).toEqual(['x']);
    expect(parameterNames(new Function('return a => a')() as (...args: never[]) => unknown)).toEqual(['a']);
    expect(
      parameterNames(function none() {
        return 1;
      }),
    ).toEqual([]);
  });

  it('skips a computed method name', () => {
    const key = 'dyn';
    class C {
      [key](first: string, second: string): string {
        return first + second;
      }
    }
    expect(parameterNames(C.prototype.dyn)).toEqual(['first', 'second']);
  });
});
