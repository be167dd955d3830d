import { ChaincodeError, errorMessage, isChaincodeError } from './chaincode-error';

describe('ChaincodeError', () => {
  it('carries a code, a name of its class and a cause', () => {
    class SampleError extends ChaincodeError<'CC_API_SAMPLE'> {}
    const cause = new Error('root');
    const e = new SampleError('CC_API_SAMPLE', 'went wrong', { cause });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('SampleError');
    expect(e.code).toBe('CC_API_SAMPLE');
    expect(e.cause).toBe(cause);
    expect(isChaincodeError(e)).toBe(true);
    expect(isChaincodeError(new Error('x'))).toBe(false);
  });
});

describe('errorMessage', () => {
  it.each([
    [new TypeError('bad'), 'bad'],
    ['text', 'text'],
    [{ message: 'from another realm' }, 'from another realm'],
    [42, '42'],
    [{ a: 1 }, '{"a":1}'],
    [undefined, 'undefined'],
    [null, 'null'],
    [Symbol('s'), 'Symbol(s)'],
    [10n, '[bigint]'],
  ])('%p → %p', (value, expected) => {
    expect(errorMessage(value)).toBe(expected);
  });
});
