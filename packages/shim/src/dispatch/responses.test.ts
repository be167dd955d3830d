import { ContractError } from '@chaincode/contract-api';
import { errorResponse, responseFromError, successResponse, thrownMessage } from './responses';

describe('responses', () => {
  it('builds success and error responses with an empty payload by default', () => {
    expect(successResponse(undefined)).toEqual({ status: 200, message: '', payload: new Uint8Array(0) });
    expect(errorResponse('bad')).toEqual({ status: 500, message: 'bad', payload: new Uint8Array(0) });
  });

  it('keeps a ContractError status, message and payload', () => {
    const r = responseFromError(new ContractError('gone', { status: 404, payload: 'p' }));
    expect({ ...r, payload: Buffer.from(r.payload ?? []).toString() }).toEqual({
      status: 404,
      message: 'gone',
      payload: 'p',
    });
  });

  it.each([
    [new TypeError('t'), 't'],
    [{ message: 'duck' }, 'duck'],
    ['text', 'text'],
    [7, '7'],
    [10n, '10'],
    [false, 'false'],
    [null, 'The transaction threw null'],
    [undefined, 'The transaction threw undefined'],
    [Symbol('s'), 'The transaction threw Symbol(s)'],
    [() => 1, 'The transaction threw a function'],
    [{ a: [1] }, 'The transaction threw {"a":[1]}'],
  ])('gives a message for a thrown %p', (value, message) => {
    expect(thrownMessage(value)).toBe(message);
    expect(responseFromError(value).status).toBe(500);
  });

  it('copes with a thrown value that cannot be turned into JSON', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(thrownMessage(circular)).toBe('The transaction threw [object]');
  });
});
